/**
 * The JS rules together: on every JS/TS fixture, all of them at once (review fixes included, the
 * pinned library versions stated) must apply every fix they offer, leave a file that parses as well as
 * the input, and change nothing on a second run. The per-rule harness runs one rule at a time, so
 * two rules writing into the same spot would otherwise only meet in real use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engine, host } from '../../tests/support/engine';
import { detectFormat } from '../../wasm-parsers/detect';
import { FORMATS } from '../../wasm-parsers/formats';
import { RULES } from '../index';

const here = new URL('.', import.meta.url).pathname;
const JS_RULES = RULES.filter((r) => r.id.startsWith('js.')).map((r) => r.id);
const environment = { versions: { pg: '8.23.1', pgPool: '3.14.0', postgresjs: '3.4.9' } };

function fixtures(dir = here): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...fixtures(path));
    else if (
      dir.endsWith('fixtures') &&
      /^(ng|ok)-/.test(entry) &&
      !/\.(fixed|unsafe)\.\w+$/.test(entry) &&
      !entry.endsWith('.environment')
    )
      out.push(path);
  }
  return out.sort();
}

async function errors(name: string, text: string): Promise<number> {
  const format = detectFormat(text, { filename: name }).format;
  if (format === 'unknown') throw new Error(`no format for ${name}`);
  const doc = await host.parse(FORMATS[format].grammar, text);
  try {
    return doc.diagnostics.length;
  } finally {
    doc.dispose();
  }
}

describe('JS rules applied together', () => {
  for (const path of fixtures()) {
    const name = relative(here, path);
    it(`${name}: every offered fix applies, the result parses and is stable`, async () => {
      const text = readFileSync(path, 'utf8');
      const options = { filename: path, rules: JS_RULES, unsafe: true, environment };
      const result = await engine.analyse(text, options);
      expect(result.skipped).toEqual([]);
      const offered = result.findings.filter((f) => f.fix !== null);
      if (offered.length > 0) expect(result.patched).not.toBe(text);
      expect(await errors(path, result.patched)).toBeLessThanOrEqual(await errors(path, text));
      const again = await engine.analyse(result.patched, options);
      expect(again.patched).toBe(result.patched);
      expect(again.findings.filter((f) => f.fix !== null).map((f) => f.ruleId)).toEqual([]);
    });
  }
});
