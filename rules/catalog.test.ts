/** Conventions of the rule catalog, kept by the suite rather than by reviewers. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../wasm-parsers/formats';
import { RULES } from './index';

const here = new URL('.', import.meta.url).pathname;

/** Folders holding a rule.ts, relative to rules/. */
function ruleFolders(dir = here): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory() || entry === 'fixtures' || entry.startsWith('_')) continue;
    if (existsSync(join(path, 'rule.ts'))) out.push(relative(here, path));
    out.push(...ruleFolders(path));
  }
  return out;
}

describe('rule catalog', () => {
  it('registers every rule folder, and every registered rule lives in the folder its id names', () => {
    const registered = RULES.map((r) => r.id.split('.').join('/')).sort();
    expect(ruleFolders().sort()).toEqual(registered);
  });

  it('has unique ids of the form ecosystem.library.problem or component.problem', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)?\.[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const rule of RULES) {
    it(`${rule.id} documents what, why, an example, its fix safety and primary sources`, () => {
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.docs.what.length).toBeGreaterThan(40);
      expect(rule.docs.why.length).toBeGreaterThan(40);
      expect(rule.docs.example.before).not.toBe(rule.docs.example.after);
      expect(rule.docs.fixSafety).toMatch(/^(safe|review|none)\b/);
      expect(rule.docs.sources.length).toBeGreaterThan(0);
      for (const source of rule.docs.sources) expect(source).toMatch(/^https:\/\//);
      expect(rule.formats.length).toBeGreaterThan(0);
      for (const format of rule.formats) expect(FORMAT_IDS).toContain(format);
    });
  }
});
