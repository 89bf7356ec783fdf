/**
 * reference/js-go-ruby.md §5, Go vectors (TV15–TV18): exactly the reference's Go rule ids fire, each
 * with the reference's kind of fix, and applying the safe and review fixes gives the reference's
 * result (expected files written by hand from the reference). Where staleproof knowingly differs,
 * `differs` says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import type { FixSafety } from '../../core/types';
import { engine } from '../../tests/support/engine';
import { RULES } from '../index';

const here = new URL('./_vectors/', import.meta.url).pathname;
const MINE = RULES.filter((r) => r.id.startsWith('go.')).map((r) => r.id);
const CONNECT =
  "connect_timeout=10, not the reference's 5: staleproof writes CANONICAL.connectTimeoutSeconds everywhere";

interface GoVector {
  id: string;
  file: string;
  environment: EnvironmentProfile;
  fires: Record<string, FixSafety | 'none'>;
  differs?: string;
}

const GO_VECTORS: GoVector[] = [
  {
    id: 'TV15',
    file: 'v15-pgxpool-dsn.go',
    environment: {},
    fires: {
      'go.pgx.libpq-only-keys': 'safe',
      'go.pgxpool.max-conn-lifetime-disabled': 'review',
      'go.pgx.connect-timeout-missing': 'safe',
      'go.pgxpool.ping-timeout-missing': 'none',
    },
    differs: CONNECT,
  },
  {
    id: 'TV16',
    file: 'v16-pgxpool-struct.go',
    environment: { versions: { pgx: '5.9.0' } },
    fires: {
      'go.pgxpool.max-conn-lifetime-disabled': 'review',
      'go.pgxpool.ping-timeout-missing': 'review',
      'go.pgx.connect-timeout-missing': 'none',
    },
  },
  {
    id: 'TV17',
    file: 'v17-libpq-database-sql.go',
    environment: { versions: { go: '1.22' } },
    fires: {
      'go.libpq.connect-timeout-missing': 'safe',
      'go.databasesql.conn-max-lifetime-missing': 'safe',
      'go.databasesql.conn-max-idle-time-missing': 'safe',
    },
    differs: CONNECT,
  },
  {
    id: 'TV18',
    file: 'v18-pgx-stdlib-pool-keys.go',
    environment: { versions: { go: '1.22' } },
    fires: {
      'go.pgx.pool-keys-outside-pgxpool': 'safe',
      'go.pgx.connect-timeout-missing': 'safe',
      'go.databasesql.conn-max-lifetime-missing': 'safe',
    },
    differs: CONNECT,
  },
];

describe('reference/js-go-ruby.md §5 Go vectors (every Go rule, safe and review fixes)', () => {
  for (const vector of GO_VECTORS) {
    it(`${vector.id} (${vector.file}) fires ${Object.keys(vector.fires).join(', ')}`, async () => {
      const text = readFileSync(join(here, vector.file), 'utf8');
      const options = { filename: vector.file, environment: vector.environment, rules: MINE, unsafe: true };
      const result = await engine.analyse(text, options);
      expect(result.problems).toEqual([]);
      const fired = Object.fromEntries(
        result.findings.map((f) => [f.ruleId, f.fix ? f.fix.safety : 'none'] as const),
      );
      expect(fired).toEqual(vector.fires);
      expect(result.patched).toBe(
        readFileSync(join(here, vector.file.replace(/\.go$/, '.fixed.go')), 'utf8'),
      );
      const again = await engine.analyse(result.patched, options);
      expect(again.patched).toBe(result.patched);
    });
  }
});

describe('version awareness', () => {
  const pingFix = async (environment: EnvironmentProfile) =>
    (
      await engine.analyse(readFileSync(join(here, 'v16-pgxpool-struct.go'), 'utf8'), {
        filename: 'a.go',
        environment,
        rules: ['go.pgxpool.ping-timeout-missing'],
      })
    ).findings.map((f) => f.fix?.safety ?? 'none');

  it('PingTimeout is written only for pgx >= 5.8.0, advised when unknown, silent before', async () => {
    expect(await pingFix({ versions: { pgx: '5.8.0' } })).toEqual(['review']);
    expect(await pingFix({})).toEqual(['none']);
    expect(await pingFix({ versions: { pgx: '5.7.6' } })).toEqual([]);
    expect(await pingFix({ versions: { pgx: '4.18.3' } })).toEqual([]);
  });

  it('pgxpool keys a version does not read yet are removed; keys it reads stay', async () => {
    const text =
      'package db\n\nimport "github.com/jackc/pgx/v5/pgxpool"\n\nvar p, _ = pgxpool.New(ctx, "postgres://db/app?pool_min_idle_conns=2&connect_timeout=10")\n';
    const run = async (pgx?: string) =>
      (
        await engine.analyse(text, {
          filename: 'a.go',
          environment: pgx ? { versions: { pgx } } : {},
          rules: ['go.pgx.pool-keys-outside-pgxpool'],
        })
      ).patched;
    expect(await run('5.7.2')).toContain('app?connect_timeout=10');
    expect(await run('5.7.3')).toBe(text);
    expect(await run()).toBe(text);
  });

  it('SetConnMaxIdleTime is safe on Go >= 1.15, review when unknown, absent before', async () => {
    const text = readFileSync(join(here, 'v17-libpq-database-sql.go'), 'utf8');
    const run = async (environment: EnvironmentProfile) =>
      (
        await engine.analyse(text, {
          filename: 'a.go',
          environment,
          rules: ['go.databasesql.conn-max-idle-time-missing'],
        })
      ).findings.map((f) => f.fix?.safety);
    expect(await run({ versions: { go: '1.15' } })).toEqual(['safe']);
    expect(await run({})).toEqual(['review']);
    expect(await run({ versions: { go: '1.14' } })).toEqual([]);
  });

  it('pgx older than v5.6.0 is reported for its 5-minute keepalive', async () => {
    const text = readFileSync(join(here, 'v15-pgxpool-dsn.go'), 'utf8');
    const run = async (environment: EnvironmentProfile) =>
      (await engine.analyse(text, { filename: 'a.go', environment, rules: ['go.pgx.keepalive-weak'] }))
        .findings.length;
    expect(await run({ versions: { pgx: '5.5.5' } })).toBe(1);
    expect(await run({ versions: { pgx: '5.6.0' } })).toBe(0);
    expect(await run({ versions: { pgx: '5.5.5' }, middleboxIdleSeconds: 350 })).toBe(0);
  });
});
