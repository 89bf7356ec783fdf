/**
 * The labelled corpus: realistic configuration files in every format we read, with every secret and
 * infrastructure identifier listed in a sidecar, and decoys that must survive. Recall must be 100%
 * and no decoy or unlabelled value may be redacted.
 */
import { describe, expect, it } from 'vitest';
import { host } from '../tests/support/engine';
import { type CorpusFile, countOf, loadCorpus } from '../tests/support/redaction-corpus';
import { unredact } from './placeholders';
import { redact } from './redact';

const corpus = loadCorpus();
const ALL = { categories: { secrets: true, infrastructure: true } };

/** Values whose format leaves no room for the word "fake": hex ids and AWS's documentation account ids. */
const FORMAT_BOUND =
  /^(?:md5)?(?:0f1e2d3c4b5a6978|8796a5b4c3d2e1f0)+[0-9a-f]{0,8}$|^111122223333$|444455556666/;

function obviouslyFake(value: string): boolean {
  if (/fake/i.test(value) || FORMAT_BOUND.test(value)) return true;
  const decoded = value.replace(/^SCRAM-SHA-256\$\d+:/, '').split(/[$:]/);
  return decoded.some((part) => /fake/i.test(Buffer.from(part, 'base64').toString('latin1')));
}

function slices(file: CorpusFile, options = {}) {
  const result = redact(file.text, options);
  return { result, values: result.redactions.map((r) => file.text.slice(r.range.start, r.range.end)) };
}

describe('redaction corpus', () => {
  it('covers many formats, and holds obviously fake secrets only', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    const formats = new Set(corpus.map((f) => f.format));
    for (const format of [
      'python',
      'javascript',
      'typescript',
      'java',
      'properties',
      'yaml',
      'ini',
      'go',
      'toml',
      'bash',
      'json',
      null,
    ]) {
      expect(formats, String(format)).toContain(format);
    }
    for (const file of corpus) {
      for (const secret of file.secrets)
        expect(obviouslyFake(secret.value), `${file.name}: ${secret.value}`).toBe(true);
    }
  });
});

describe.each(corpus.map((file) => [file.name, file] as const))('corpus file %s', (_name, file) => {
  it('redacts every labelled secret with the default options, as its labelled kind, everywhere', () => {
    const { result, values } = slices(file);
    for (const secret of file.secrets) {
      const hit = result.redactions.find((_, i) => values[i] === secret.value);
      expect(hit, `${secret.kind} ${secret.value}`).toBeDefined();
      expect(hit?.kind, secret.value).toBe(secret.kind);
      expect(result.text).not.toContain(secret.value);
    }
    for (const r of result.redactions) expect(r.category).toBe('secret');
  });

  it('redacts every labelled infrastructure identifier when asked, and nothing unlabelled', () => {
    const { result, values } = slices(file, ALL);
    for (const id of file.infrastructure) {
      const hit = result.redactions.find((_, i) => values[i] === id.value);
      expect(hit, `${id.kind} ${id.value}`).toBeDefined();
      expect(hit?.kind, id.value).toBe(id.kind);
    }
    const labelled = new Set([...file.secrets, ...file.infrastructure].map((l) => l.value));
    expect(values.filter((v) => !labelled.has(v))).toEqual([]);
  });

  it('leaves every decoy as it was', () => {
    const { text } = redact(file.text, ALL);
    for (const decoy of file.decoys) {
      expect(countOf(file.text, decoy), `decoy missing from the file: ${decoy}`).toBeGreaterThan(0);
      expect(countOf(text, decoy), decoy).toBe(countOf(file.text, decoy));
    }
  });

  it('is idempotent and round-trips through unredact', () => {
    const first = redact(file.text, ALL);
    const second = redact(first.text, ALL);
    expect(second.redactions).toEqual([]);
    expect(unredact(first.text, first.map)).toBe(file.text);
  });

  it('keeps the file valid in its own syntax', async () => {
    const { text } = redact(file.text, ALL);
    if (file.format === 'json') {
      expect(() => JSON.parse(text)).not.toThrow();
      return;
    }
    if (file.format === null) return;
    const before = await host.parse(file.format, file.text);
    const after = await host.parse(file.format, text);
    try {
      expect(before.diagnostics).toEqual([]);
      expect(after.diagnostics).toEqual([]);
    } finally {
      before.dispose();
      after.dispose();
    }
  });
});
