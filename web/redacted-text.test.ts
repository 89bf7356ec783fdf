/**
 * Structural privacy: share links are built from `RedactedText` only, and only the redaction engine
 * makes one. The type does its part in `encodePermalink`; this keeps the page from undoing it with a
 * cast, a call to `markRedacted`, or a second place that builds links.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'web/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

/** `x as RedactedText`, `<RedactedText>x`, `as unknown as RedactedText`, across line breaks too. */
const CAST = /\bas\s+RedactedText\b|<\s*RedactedText\s*>/;
const MINTS = /\bmarkRedacted\b|core\/redacted['"]/;
const BUILDS_LINKS = /\bencodePermalink\b/;

function offenders(pattern: RegExp): string[] {
  return sources(src)
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
}

describe('web/ and RedactedText', () => {
  it('the patterns catch what they are for', () => {
    expect(CAST.test('const t = text as RedactedText;')).toBe(true);
    expect(CAST.test('const t = text as unknown as\n  RedactedText;')).toBe(true);
    expect(CAST.test('const t = <RedactedText>text;')).toBe(true);
    expect(CAST.test('text: RedactedText')).toBe(false);
    expect(MINTS.test("import { markRedacted } from '../../../core/redacted';")).toBe(true);
  });

  it('has no cast to RedactedText', () => {
    expect(offenders(CAST)).toEqual([]);
  });

  it('never mints RedactedText itself', () => {
    expect(offenders(MINTS)).toEqual([]);
  });

  it('builds share links in one place only', () => {
    expect(offenders(BUILDS_LINKS)).toEqual(['web/src/lib/share.ts']);
  });
});
