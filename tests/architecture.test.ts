/**
 * The engine is layered: core ← wasm-parsers ← redaction, rules ← prompts, engine ← web, cli.
 * Nothing points back up, and engine folders run in Node, a Worker and the page alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('..', import.meta.url).pathname);

/** What each top-level folder may import from the project. */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  'wasm-parsers': ['core', 'wasm-parsers'],
  redaction: ['core', 'redaction'],
  rules: ['core', 'wasm-parsers', 'rules'],
  prompts: ['core', 'wasm-parsers', 'redaction', 'rules', 'prompts'],
  engine: ['core', 'wasm-parsers', 'redaction', 'rules', 'prompts', 'engine'],
  cli: ['core', 'wasm-parsers', 'redaction', 'rules', 'prompts', 'engine', 'cli', 'package.json'],
  web: ['core', 'wasm-parsers', 'redaction', 'rules', 'prompts', 'engine', 'web'],
};
const ENGINE_FOLDERS = ['core', 'wasm-parsers', 'redaction', 'rules', 'prompts', 'engine'];
const UI_OR_NODE =
  /^(react|react-dom|zustand|monaco-editor|@monaco-editor\/|openai|node:|fs$|path$|child_process$)/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'fixtures') continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(entry) && !/\.test\.ts$/.test(entry)) out.push(path);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g))
    specs.push(m[1] ?? '');
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1] ?? '');
  for (const m of text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1] ?? '');
  return specs;
}

describe('architecture', () => {
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    it(`${folder}/ imports only ${allowed.join(', ')} from the project`, () => {
      const dir = join(root, folder);
      let files: string[] = [];
      try {
        files = sourceFiles(dir);
      } catch {
        return; // folder not created yet
      }
      const violations: string[] = [];
      for (const file of files) {
        for (const spec of imports(file)) {
          if (ENGINE_FOLDERS.includes(folder) && UI_OR_NODE.test(spec)) {
            violations.push(`${relative(root, file)} imports ${spec}`);
          }
          if (!spec.startsWith('.')) continue;
          const target = relative(root, resolve(dirname(file), spec)).split(/[\\/]/)[0] ?? '';
          if (!allowed.includes(target)) violations.push(`${relative(root, file)} imports ${spec}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }
});
