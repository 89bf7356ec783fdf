import { afterAll, describe, expect, it } from 'vitest';
import { encodePermalink } from '../engine/index';
import { SAMPLE_GROUPS, SAMPLES } from '../web/src/lib/samples';
import { SAMPLE_TEXTS } from '../web/src/samples/texts';
import { engine } from './support/engine';

/** The target of issue #8: a 3 KB config shares in well under this many characters. */
const LINK_BUDGET = 2_000;

function textOf(file: string): string {
  const text = SAMPLE_TEXTS[file];
  if (text === undefined) throw new Error(`missing sample file ${file}`);
  return text;
}

describe('samples gallery', () => {
  it('lists every sample file exactly once, with unique ids, in a known group', () => {
    expect(SAMPLES.map((s) => s.file).sort()).toEqual(Object.keys(SAMPLE_TEXTS).sort());
    expect(new Set(SAMPLES.map((s) => s.id)).size).toBe(SAMPLES.length);
    for (const sample of SAMPLES) expect(SAMPLE_GROUPS).toContain(sample.group);
  });

  for (const sample of SAMPLES.filter((s) => s.format !== 'unknown')) {
    it(`${sample.id}: detected as ${sample.format} from its file name, with findings and fixes`, async () => {
      const text = textOf(sample.file);
      const result = await engine.analyse(text, { filename: sample.filename ?? undefined });
      expect(result.format.format).toBe(sample.format);
      expect(result.format.source).toBe('filename');
      expect(result.problems).toEqual([]);
      expect(result.diagnostics).toEqual([]);
      expect(result.findings.length).toBeGreaterThan(0);
      expect(result.applied.length).toBeGreaterThan(0);
      expect(result.skipped).toEqual([]);
      expect(result.patched).not.toBe(text);

      // The patched file is a clean config too: it parses, and fixing it again changes nothing.
      const again = await engine.analyse(result.patched, { filename: sample.filename ?? undefined });
      expect(again.problems).toEqual([]);
      expect(again.diagnostics).toEqual([]);
      expect(again.patched).toBe(result.patched);
      for (const id of result.applied) {
        const ruleId = id.slice(0, id.lastIndexOf('@'));
        const before = result.findings.filter((f) => f.ruleId === ruleId && f.fix?.safety === 'safe').length;
        expect(
          again.findings.filter((f) => f.ruleId === ruleId && f.fix?.safety === 'safe').length,
        ).toBeLessThan(before);
      }
    });
  }

  it('the traceback is triaged as a psycopg2 error, not linted', async () => {
    const sample = SAMPLES.find((s) => s.format === 'unknown');
    expect(sample?.filename).toBeNull();
    const result = await engine.analyse(textOf(sample?.file ?? ''));
    expect(result.format.format).toBe('unknown');
    expect(result.findings).toEqual([]);
    expect(result.errors[0]).toMatchObject({ id: 'python.psycopg.server-closed', stack: 'python' });
    expect(result.errors[0]?.rules).toContain('python.sqlalchemy.pre-ping-missing');
    expect(result.problems.map((p) => p.kind)).toEqual(['unknown-format']);
    expect(result.problems[0]?.message).toContain('psycopg2');
  });

  it('every fake secret in the samples is redacted in what a share link carries', async () => {
    let planted = 0;
    for (const sample of SAMPLES) {
      const text = textOf(sample.file);
      const result = await engine.analyse(text, { filename: sample.filename ?? undefined });
      for (const [secret] of text.matchAll(/\bFake\w+-\w+/g)) {
        planted++;
        expect(result.redacted, sample.id).not.toContain(secret);
      }
    }
    expect(planted).toBeGreaterThanOrEqual(8);
  });
});

describe('share-link length of every sample (redacted, as the page builds it)', () => {
  const rows: Array<{ id: string; bytes: number; chars: number }> = [];

  for (const sample of SAMPLES) {
    it(`${sample.id} fits in ${LINK_BUDGET} characters`, async () => {
      const text = textOf(sample.file);
      const result = await engine.analyse(text, { filename: sample.filename ?? undefined });
      const detected = result.format.format;
      const fragment = await encodePermalink({
        text: result.redacted,
        format: detected === 'unknown' ? undefined : detected,
        filename: sample.filename ?? undefined,
      });
      rows.push({ id: sample.id, bytes: new TextEncoder().encode(text).length, chars: fragment.length });
      expect(fragment.length).toBeLessThan(LINK_BUDGET);
    });
  }

  it('a 3 KB config is among them', () => {
    const largest = Math.max(...SAMPLES.map((s) => new TextEncoder().encode(textOf(s.file)).length));
    expect(largest).toBeGreaterThanOrEqual(3_000);
  });

  afterAll(() => {
    if (rows.length === 0) return;
    const lines = [
      '| sample | file name | config bytes | link fragment chars |',
      '|---|---|---:|---:|',
      ...SAMPLES.flatMap((s) => {
        const row = rows.find((r) => r.id === s.id);
        return row ? [`| ${s.title} | ${s.filename ?? '(pasted)'} | ${row.bytes} | ${row.chars} |`] : [];
      }),
    ];
    console.log(
      `Share-link length per sample (the fragment; the page's address comes before it)\n${lines.join('\n')}`,
    );
  });
});
