/**
 * reference/server-network.md §6, PostgreSQL vectors (TV7–TV10): exactly the reference's postgres
 * rule ids fire (opt-in advisories off), each with the reference's kind of fix, and applying the safe
 * and review fixes gives the reference's output byte for byte (expected files written by hand from
 * the reference, `⇥` = tab). A rule may fire more than once (TV9), so the comparison is a sorted
 * list of `ruleId:safety`. Every output is run through the engine again: nothing changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import { engine } from '../../tests/support/engine';
import { RULES } from '../index';

const here = new URL('./_vectors/', import.meta.url).pathname;
const MINE = RULES.filter((r) => r.id.startsWith('postgres.') && !r.optIn).map((r) => r.id);

interface PgVector {
  id: string;
  file: string;
  expected: string;
  environment: EnvironmentProfile;
  fires: string[];
  differs?: string;
}

const VECTORS: PgVector[] = [
  {
    id: 'TV7',
    file: 'tv07-uncomment.postgresql.conf',
    expected: 'tv07-uncomment.postgresql.fixed.conf',
    environment: { pgMajor: 16, os: 'linux' },
    fires: [
      'postgres.client-connection-check-unset:review',
      'postgres.keepalives-unset:safe',
      'postgres.tcp-user-timeout-unset:review',
    ],
  },
  {
    id: 'TV8',
    file: 'tv08-duplicate-include.postgresql.conf',
    expected: 'tv08-duplicate-include.postgresql.fixed.conf',
    environment: { pgMajor: 16, os: 'linux', middleboxIdleSeconds: 350 },
    fires: [
      'postgres.duplicate-key:none',
      'postgres.include-may-override:none',
      'postgres.keepalives-unset:safe',
    ],
  },
  {
    id: 'TV9',
    file: 'tv09-unit-traps.postgresql.conf',
    expected: 'tv09-unit-traps.postgresql.fixed.conf',
    environment: { pgMajor: 15, os: 'linux' },
    fires: [
      'postgres.keepalives-unset:safe',
      'postgres.ms-guc-bare-small:review',
      'postgres.ms-guc-bare-small:review',
      'postgres.unquoted-unit-value:safe',
    ],
  },
  {
    id: 'TV10',
    file: 'tv10-pg13.postgresql.conf',
    expected: 'tv10-pg13.postgresql.fixed.conf',
    environment: { pgMajor: 13 },
    fires: ['postgres.keepalives-unset:safe', 'postgres.tcp-user-timeout-unset:review'],
  },
  {
    // Not a reference vector: TV8's config embedded in a Kubernetes ConfigMap (`postgresql.conf: |`).
    id: 'TV8 in a ConfigMap',
    file: 'tv08-configmap.yaml',
    expected: 'tv08-configmap.fixed.yaml',
    environment: { pgMajor: 16, os: 'linux', middleboxIdleSeconds: 350 },
    fires: [
      'postgres.duplicate-key:none',
      'postgres.include-may-override:none',
      'postgres.keepalives-unset:safe',
    ],
  },
];

describe('postgres vectors: reference/server-network.md §6 (safe and review fixes)', () => {
  for (const vector of VECTORS) {
    it(`${vector.id} (${vector.file}) fires ${[...new Set(vector.fires)].join(', ')}`, async () => {
      const text = readFileSync(join(here, vector.file), 'utf8');
      const options = { filename: vector.file, environment: vector.environment, rules: MINE, unsafe: true };
      const result = await engine.analyse(text, options);
      expect(result.problems).toEqual([]);
      const fired = result.findings.map((f) => `${f.ruleId}:${f.fix ? f.fix.safety : 'none'}`).sort();
      expect(fired).toEqual(vector.fires);
      expect(result.patched).toBe(readFileSync(join(here, vector.expected), 'utf8'));
      const again = await engine.analyse(result.patched, options);
      expect(again.patched).toBe(result.patched);
    });
  }
});

describe('postgres version and platform gates', () => {
  const tv7 = readFileSync(join(here, 'tv07-uncomment.postgresql.conf'), 'utf8');
  const fired = async (environment: EnvironmentProfile, text = tv7) =>
    (await engine.analyse(text, { filename: 'postgresql.conf', environment, rules: MINE })).findings
      .map((f) => `${f.ruleId}:${f.fix ? f.fix.safety : 'none'}`)
      .sort();

  it('TV10: on PostgreSQL 13 the PG 14 setting stays commented and its rule is silent', async () => {
    const text = readFileSync(join(here, 'tv10-pg13.postgresql.conf'), 'utf8');
    expect(await fired({ pgMajor: 13 }, text)).not.toContain('postgres.client-connection-check-unset:review');
    expect(await fired({ pgMajor: 14 }, text)).toContain('postgres.client-connection-check-unset:review');
  });

  it('PostgreSQL 11 gets neither tcp_user_timeout nor client_connection_check_interval', async () => {
    expect(await fired({ pgMajor: 11 })).toEqual(['postgres.keepalives-unset:safe']);
  });

  it('an unknown version still offers the gated fixes, as review, naming the minimum', async () => {
    const result = await engine.analyse(tv7, { filename: 'postgresql.conf', rules: MINE });
    const messages = result.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('PostgreSQL 12 or later');
    expect(messages).toContain('PostgreSQL 14 or later');
  });

  it('the version written in the file wins over the profile', async () => {
    const text = `data_directory = '/var/lib/postgresql/13/main'\n${tv7}`;
    expect(await fired({ pgMajor: 16, os: 'linux' }, text)).not.toContain(
      'postgres.client-connection-check-unset:review',
    );
  });

  it('Windows: no tcp_keepalives_count, tcp_user_timeout or client_connection_check_interval', async () => {
    const result = await engine.analyse(tv7, {
      filename: 'postgresql.conf',
      environment: { pgMajor: 16, os: 'windows' },
      rules: MINE,
      unsafe: true,
    });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['postgres.keepalives-unset']);
    expect(result.patched).toContain('#tcp_keepalives_count = 0');
    expect(result.patched).toContain('tcp_keepalives_interval = 10');
  });

  it('Azure flexible server: client_connection_check_interval is reported without a fix', async () => {
    expect(await fired({ pgMajor: 16, os: 'linux', platform: 'azure' })).toContain(
      'postgres.client-connection-check-unset:none',
    );
  });

  it('a middlebox below 120 s gets an idle time of half its timeout', async () => {
    const result = await engine.analyse('tcp_keepalives_idle = 60\n', {
      filename: 'postgresql.conf',
      environment: { middleboxIdleSeconds: 60, os: 'linux', pgMajor: 11 },
      rules: ['postgres.keepalives-unset'],
    });
    expect(result.patched).toBe(
      'tcp_keepalives_idle = 30\ntcp_keepalives_interval = 10\ntcp_keepalives_count = 6\n',
    );
  });
});
