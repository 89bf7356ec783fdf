/**
 * The references' test vectors, run through the whole engine with the full rule catalog: exactly the
 * expected rules fire, each offers the expected kind of fix, and the safe patch is the reference's,
 * byte for byte (the expected files are written by hand from the reference, never generated).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index';
import { engine } from '../support/engine';
import { PYTHON_VECTORS } from './python/vectors';
import { expectedFile, type Vector } from './vector';

const here = new URL('.', import.meta.url).pathname;

const VECTOR_SETS: Record<string, readonly Vector[]> = { python: PYTHON_VECTORS };

for (const [stack, vectors] of Object.entries(VECTOR_SETS)) {
  describe(`${stack} reference vectors`, () => {
    for (const vector of vectors) {
      it(`${vector.id} (${vector.file}): fires ${Object.keys(vector.fires).length ? Object.keys(vector.fires).join(', ') : 'nothing'}`, async () => {
        const dir = join(here, stack);
        const text = readFileSync(join(dir, vector.file), 'utf8');
        const result = await engine.analyse(text, { filename: vector.file });
        expect(result.problems).toEqual([]);
        const fired = Object.fromEntries(
          result.findings.map((f) => [f.ruleId, f.fix ? f.fix.safety : 'none'] as const),
        );
        expect(fired).toEqual(vector.fires);
        const expected = join(dir, expectedFile(vector.file));
        expect(result.patched).toBe(existsSync(expected) ? readFileSync(expected, 'utf8') : text);
        // The safe patch is complete: analysing it again offers no further safe fix.
        const again = await engine.analyse(result.patched, { filename: vector.file });
        expect(again.patched).toBe(result.patched);
      });
    }

    it('names only rules that exist', () => {
      const ids = new Set(RULES.map((r) => r.id));
      for (const vector of vectors) for (const id of Object.keys(vector.fires)) expect(ids).toContain(id);
    });
  });
}
