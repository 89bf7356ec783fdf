/**
 * Redaction runs on every keystroke, so no input may make it slow: 1 MB of text built to make a
 * backtracking pattern explode must still be handled in well under a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { redact } from './redact';

const MB = 1_000_000;

function fill(unit: string, prefix = '', suffix = ''): string {
  return prefix + unit.repeat(Math.ceil((MB - prefix.length - suffix.length) / unit.length)) + suffix;
}

function manyLines(line: (i: number) => string): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < MB; i++) {
    const next = line(i);
    lines.push(next);
    length += next.length;
  }
  return lines.join('');
}

const ADVERSARIAL: Array<[string, string]> = [
  ['one long word', fill('a')],
  ['one long base64 run', fill('Ab0+/')],
  ['equals signs', fill('=')],
  ['colons (pgpass)', fill(':')],
  ['at signs (userinfo)', fill('@')],
  ['userinfo without a host', fill('a:b', 'postgresql://')],
  ['URI schemes without end', fill('postgresql://a:')],
  ['userinfo interpolations without end', fill('#{a', 'postgresql://u:')],
  ['userinfo dollar braces', fill('${', 'postgresql://u:')],
  ['unterminated quoted assignments', fill('"password": "x')],
  ['password= repeated', fill('password=')],
  ['libpq pairs without a password', fill('host=a ')],
  ['libpq values with commas', fill('a,', 'host=')],
  ['JWT headers without payload', fill('eyJ')],
  ['JWT header then a long run', fill('A', 'eyJhbGciOiJIUzI1NiJ9.eyJ')],
  ['PEM BEGIN without END', fill('A', '-----BEGIN PRIVATE KEY-----\n')],
  ['PEM BEGIN repeated', fill('-----BEGIN PRIVATE KEY-----\n')],
  ['PEM base64 lines without END', fill('QUJD\n', '-----BEGIN PRIVATE KEY-----\n')],
  ['dotted numbers', fill('1.')],
  ['dotted labels', fill('a.')],
  ['dotted labels then .internal', fill('a.', '', 'internal')],
  ['reference defaults', fill('${A:')],
  ['quoted pairs', fill('"a" ')],
  ['blanks', fill(' \t')],
  ['key: value lines', fill('password: x\n')],
  ['semicolons', fill('Password=;')],
  ['brackets', fill('[:')],
  ['Bearer runs', fill('Bearer ')],
  ['flags', fill('--password ')],
  ['env assignments', fill('A=')],
  ['setter calls', fill('.setPassword(')],
  ['call arguments', fill('("password", ')],
  ['SCRAM prefix', fill('SCRAM-SHA-256$1:')],
  ['ARN prefix', fill('arn:aws:a:b:')],
  ['many distinct secrets', manyLines((i) => `password${i}: fakePw${i}x${i * 7}\n`)],
  ['many URIs', manyLines((i) => `u${i}=postgresql://svc${i}:fakePw${i}@db${i}.corp.internal:5432/db${i}\n`)],
];

describe('redaction performance on 1 MB adversarial inputs', () => {
  it.each(ADVERSARIAL)('%s', (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(MB - 100);
    const t0 = performance.now();
    redact(text, { categories: { secrets: true, infrastructure: true } });
    const ms = performance.now() - t0;
    // Generous for a loaded two-core CI machine; a super-linear pattern takes minutes here, not seconds.
    expect(ms).toBeLessThan(8_000);
  });
});
