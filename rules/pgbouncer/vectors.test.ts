/**
 * reference/server-network.md §6, PgBouncer vectors (TV1–TV6): exactly the reference's PgBouncer rule
 * ids fire (opt-in advisories off), each with the reference's kind of fix, and applying the safe and
 * review fixes gives the reference's output byte for byte (expected files written by hand from the
 * reference). The output, analysed again, changes no more. Where staleproof knowingly differs,
 * `differs` says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import { engine } from '../../tests/support/engine';
import { RULES } from '../index';

const here = new URL('./_vectors/', import.meta.url).pathname;
const MINE = RULES.filter((r) => r.id.startsWith('pgbouncer.') && !r.optIn).map((r) => r.id);

interface PgbouncerVector {
  id: string;
  file: string;
  environment: EnvironmentProfile;
  /** Sorted `ruleId:safety` of every finding (`none` = no fix), so repeated findings count. */
  fires: string[];
  differs?: string;
}

const VECTORS: PgbouncerVector[] = [
  {
    id: 'TV1',
    file: 'v01-sample-comments.pgbouncer.ini',
    environment: { pgbouncerVersion: '1.25.0', failoverProne: false },
    fires: ['pgbouncer.keepalive-timers-unset:safe', 'pgbouncer.tcp-user-timeout-unset:review'],
  },
  {
    id: 'TV2',
    // No failoverProne flag: the RDS host in [databases] makes it failover-prone.
    file: 'v02-rds-append.pgbouncer.ini',
    environment: { pgbouncerVersion: '1.25.0' },
    fires: [
      'pgbouncer.keepalive-timers-unset:safe',
      'pgbouncer.pool-mode-session-failover:review',
      'pgbouncer.server-connect-timeout-long:review',
      'pgbouncer.server-lifetime-zero:review',
      'pgbouncer.server-login-retry-long:safe',
      'pgbouncer.tcp-keepalive-disabled:safe',
      'pgbouncer.tcp-user-timeout-unset:review',
    ],
  },
  {
    id: 'TV3',
    file: 'v03-syntax-traps.pgbouncer.ini',
    environment: { pgbouncerVersion: '1.25.0', failoverProne: false },
    fires: [
      'pgbouncer.boolean-word:safe',
      'pgbouncer.inline-comment:safe',
      'pgbouncer.keepalive-timers-unset:safe',
      'pgbouncer.tcp-user-timeout-units:review',
      'pgbouncer.time-unit-suffix:safe',
    ],
  },
  {
    id: 'TV4',
    file: 'v04-duplicate-header.pgbouncer.ini',
    environment: { pgbouncerVersion: '1.25.0', failoverProne: false },
    fires: [
      'pgbouncer.duplicate-section-header:review',
      'pgbouncer.include-may-override:none',
      'pgbouncer.tcp-user-timeout-unset:review',
    ],
  },
  {
    id: 'TV5',
    file: 'v05-aurora-blog.pgbouncer.ini',
    environment: { pgbouncerVersion: '1.25.0', platform: 'aurora' },
    fires: ['pgbouncer.server-login-retry-long:safe', 'pgbouncer.tcp-user-timeout-unset:review'],
  },
  {
    id: 'TV6',
    file: 'v06-check-query-1.23.pgbouncer.ini',
    environment: { pgbouncerVersion: '1.23.0', failoverProne: false },
    fires: ['pgbouncer.server-check-delay-long:safe', 'pgbouncer.server-check-query-disabled:review'],
  },
];

const fixedName = (file: string) => file.replace(/\.(ini|yaml)$/, '.fixed.$1');

async function run(file: string, environment: EnvironmentProfile) {
  const text = readFileSync(join(here, file), 'utf8');
  const options = { filename: file, environment, rules: MINE, unsafe: true };
  const result = await engine.analyse(text, options);
  const again = await engine.analyse(result.patched, options);
  return { result, again };
}

const firedList = (findings: { ruleId: string; fix: { safety: string } | null }[]) =>
  findings.map((f) => `${f.ruleId}:${f.fix ? f.fix.safety : 'none'}`).sort();

describe('reference/server-network.md §6 PgBouncer vectors (safe and review fixes)', () => {
  for (const vector of VECTORS) {
    it(`${vector.id} (${vector.file}) fires ${vector.fires.join(', ')}`, async () => {
      const { result, again } = await run(vector.file, vector.environment);
      expect(result.problems.filter((p) => p.kind !== 'syntax-errors')).toEqual([]);
      expect(firedList(result.findings)).toEqual(vector.fires);
      expect(result.patched).toBe(readFileSync(join(here, fixedName(vector.file)), 'utf8'));
      expect(again.patched).toBe(result.patched);
    });
  }

  it('TV2 embedded in a Kubernetes ConfigMap (pgbouncer.ini: |): same rules, edits re-indented', async () => {
    const tv2 = VECTORS.find((v) => v.id === 'TV2');
    const file = 'v02-rds-append.configmap.yaml';
    const { result, again } = await run(file, tv2?.environment ?? {});
    expect(result.embedded).toEqual(['pgbouncer.ini']);
    expect(firedList(result.findings)).toEqual(tv2?.fires);
    expect(result.patched).toBe(readFileSync(join(here, fixedName(file)), 'utf8'));
    expect(again.patched).toBe(result.patched);
  });
});

describe('PgBouncer version and platform gates', () => {
  const text = readFileSync(join(here, 'v01-sample-comments.pgbouncer.ini'), 'utf8');
  const userTimeout = async (environment: EnvironmentProfile) =>
    (
      await engine.analyse(text, {
        filename: 'pgbouncer.ini',
        environment,
        rules: ['pgbouncer.tcp-user-timeout-unset'],
      })
    ).findings.map((f) => [f.fix?.safety ?? 'none', f.message] as const);

  it('tcp_user_timeout: review on >= 1.13, review naming 1.13 when unknown, silent before, no fix off Linux', async () => {
    expect((await userTimeout({ pgbouncerVersion: '1.13.0', os: 'linux' }))[0]?.[0]).toBe('review');
    const unknown = await userTimeout({});
    expect(unknown[0]?.[0]).toBe('review');
    expect(unknown[0]?.[1]).toContain('1.13');
    expect(unknown[0]?.[1]).toContain('assumes PgBouncer runs on Linux');
    expect(await userTimeout({ pgbouncerVersion: '1.12.0' })).toEqual([]);
    expect((await userTimeout({ pgbouncerVersion: '1.25.0', os: 'macos' }))[0]?.[0]).toBe('none');
  });

  it('<empty> check query: silent on 1.25, commented out (review) before and when unknown', async () => {
    const empty = '[pgbouncer]\nserver_check_query = <empty>\n';
    const check = async (environment: EnvironmentProfile) =>
      (
        await engine.analyse(empty, {
          filename: 'pgbouncer.ini',
          environment,
          rules: ['pgbouncer.server-check-query-disabled'],
          unsafe: true,
        })
      ).patched;
    expect(await check({ pgbouncerVersion: '1.25.0' })).toBe(empty);
    expect(await check({ pgbouncerVersion: '1.24.1' })).toBe('[pgbouncer]\n;server_check_query = <empty>\n');
    expect(await check({})).toBe('[pgbouncer]\n;server_check_query = <empty>\n');
  });

  it('server_fast_close is not written for PgBouncer before 1.9', async () => {
    const file = 'v02-rds-append.pgbouncer.ini';
    const { result } = await run(file, { pgbouncerVersion: '1.8.1' });
    expect(result.patched).not.toContain('server_fast_close');
    expect(result.patched).not.toContain('tcp_user_timeout');
  });

  it('a [databases]-only fragment gets no semantic finding', async () => {
    const fragment = '[databases]\nshop = host=shop.abc123.eu-west-1.rds.amazonaws.com dbname=shop\n';
    const result = await engine.analyse(fragment, { filename: 'pgbouncer.ini', rules: MINE, unsafe: true });
    expect(result.findings).toEqual([]);
  });
});
