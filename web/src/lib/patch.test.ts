import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { afterEach, describe, expect, it } from 'vitest';
import { unifiedPatch } from './patch';

const BEFORE = 'engine = create_engine(\n    DATABASE_URL,\n    pool_size=10,\n)\n';
const AFTER = 'engine = create_engine(\n    DATABASE_URL,\n    pool_size=10,\n    pool_pre_ping=True,\n)\n';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Applies `patch` to a file `name` holding `before` with a real tool, in a fresh folder, and returns the file's bytes. */
function applyWith(tool: 'patch' | 'git', name: string, before: string, patch: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'staleproof-patch-'));
  dirs.push(dir);
  writeFileSync(join(dir, name), before);
  writeFileSync(join(dir, 'change.patch'), patch);
  const run =
    tool === 'patch'
      ? spawnSync('patch', ['-p1', '--batch', '--forward', '-i', 'change.patch'], {
          cwd: dir,
          encoding: 'utf8',
        })
      : spawnSync('git', ['apply', '--unsafe-paths', '--whitespace=nowarn', 'change.patch'], {
          cwd: dir,
          encoding: 'utf8',
        });
  expect(run.status, `${tool}: ${run.stdout}${run.stderr}`).toBe(0);
  return readFileSync(join(dir, name));
}

const CASES: Array<[string, string, string, string]> = [
  ['LF', 'db.py', BEFORE, AFTER],
  ['CRLF', 'db.py', crlf(BEFORE), crlf(AFTER)],
  ['mixed line endings', 'db.py', BEFORE.replace('\n', '\r\n'), AFTER.replace('\n', '\r\n')],
  ['no final newline', 'db.py', BEFORE.slice(0, -1), AFTER.slice(0, -1)],
  ['CRLF, no final newline', 'db.py', crlf(BEFORE).slice(0, -2), crlf(AFTER).slice(0, -2)],
  ['byte-order mark', 'db.py', `\uFEFF${crlf(BEFORE)}`, `\uFEFF${crlf(AFTER)}`],
  ['a change on a last line without newline', 'pgbouncer.ini', 'a = 1\r\nb = 2', 'a = 1\r\nb = 3\r\nc = 4'],
  ['a change on the first line', 'settings.py', `x = 1\n${BEFORE}`, `x = 2\n${BEFORE}`],
  ['a name with a space and non-ASCII', 'my db é.py', BEFORE, AFTER],
];

describe('unifiedPatch', () => {
  it('writes git-style headers and three lines of context', () => {
    const patch = unifiedPatch(
      'db.py',
      `a = 1\nb = 2\nc = 3\nd = 4\n${BEFORE}`,
      `a = 1\nb = 2\nc = 3\nd = 4\n${AFTER}`,
    );
    expect(patch).toBe(
      [
        '--- a/db.py',
        '+++ b/db.py',
        '@@ -5,4 +5,5 @@',
        ' engine = create_engine(',
        '     DATABASE_URL,',
        '     pool_size=10,',
        '+    pool_pre_ping=True,',
        ' )',
        '',
      ].join('\n'),
    );
  });

  it('keeps carriage returns in the lines and marks a missing final newline', () => {
    const patch = unifiedPatch('db.py', crlf(BEFORE).slice(0, -2), crlf(AFTER).slice(0, -2));
    expect(patch).toContain('+    pool_pre_ping=True,\r\n');
    expect(patch.endsWith(' )\n\\ No newline at end of file\n')).toBe(true);
    const last = unifiedPatch('pool.ini', 'a = 1\r\nb = 2', 'a = 1\r\nb = 3');
    expect(last).toContain('-b = 2\n\\ No newline at end of file\n+b = 3\n\\ No newline at end of file\n');
    expect(patch.startsWith('--- a/db.py\n+++ b/db.py\n')).toBe(true);
  });

  for (const [label, name, before, after] of CASES) {
    it(`round-trips with patch -p1, git apply and jsdiff: ${label}`, () => {
      const patch = unifiedPatch(name, before, after);
      const expected = Buffer.from(after, 'utf8');
      expect(applyWith('patch', name, before, patch).equals(expected)).toBe(true);
      expect(applyWith('git', name, before, patch).equals(expected)).toBe(true);
      expect(applyPatch(before, patch)).toBe(after);
    });
  }
});
