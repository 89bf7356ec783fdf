/**
 * Proof against the real PostgreSQL 15 (issue #7): every postgresql.conf fixture with a golden, the
 * postgres vectors and the examples in tests/servers/examples start a throwaway server on loopback
 * with the original and with each patched file. The patched file must start, and `pg_settings` (read
 * over TCP) must report, in the setting's base unit, the value the fix wrote for every key whose
 * effective value changed. An original the server refuses must be one the engine flags as an error.
 * GUCs newer than 15 are tested the other way round: the rules refuse to write them for 15.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import { engine } from '../support/engine';
import { PG_MAJOR, PgConfigServer } from '../support/pg-config-server';
import { postgresSettings, serverFixtures } from '../support/server-configs';
import { provePostgres } from '../support/server-proof';

const fixtures = serverFixtures('postgres');
let pg: PgConfigServer;

beforeAll(() => {
  pg = PgConfigServer.create();
}, 60_000);

afterAll(() => {
  pg?.dispose();
});

describe(`PostgreSQL ${PG_MAJOR} starts every patched postgresql.conf and reports the values the fix wrote`, () => {
  it('finds the fixtures and the examples', () => {
    expect(fixtures.filter((f) => f.example).length).toBeGreaterThan(0);
  });

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const report = await provePostgres(pg, {
        label: fixture.name,
        filename: fixture.path,
        original: fixture.text,
        patched: fixture.goldens,
        environment: fixture.environment,
        // Examples state it in their name; rule fixtures and vectors ask the engine.
        originalLoads: fixture.example ? !fixture.name.includes('broken') : 'engine',
      });
      // The examples check the harness itself: each changes settings the server must report.
      if (fixture.example) expect(report.compared, fixture.name).not.toEqual([]);
    }, 60_000);
  }
});

/** reference/server-network.md §6 TV10 (PG 13) and TV7 (PG 16), as text. */
const TV10 = 'tcp_keepalives_idle = 0\n#client_connection_check_interval = 0\n';
const TV7 = [
  '#tcp_keepalives_idle = 0\t\t# secs idle before probing; 0 = OS',
  '#tcp_keepalives_interval = 0\t# secs between probes; 0 = OS',
  '#tcp_keepalives_count = 0\t# lost probes allowed; 0 = OS',
  '#tcp_user_timeout = 0\t\t# ms; 0 = OS',
  '#client_connection_check_interval = 0\t# ms; 0 = off',
  '',
].join('\n');

async function patch(text: string, environment: EnvironmentProfile): Promise<string> {
  const result = await engine.analyse(text, { filename: 'postgresql.conf', environment, unsafe: true });
  return result.patched;
}

/** Non-zero values of these GUCs in the patched file (a GUC at 0 is off, as if absent). */
function written(text: string, names: readonly string[]): string[] {
  const settings = postgresSettings(text);
  return names.filter((n) => settings.has(n) && !/^'?0'?$/.test(settings.get(n) ?? ''));
}

describe('version gates: a GUC the assumed server lacks is never written, and the result starts on 15', () => {
  it('TV10 on PostgreSQL 13: client_connection_check_interval (14) stays commented', async () => {
    const patched = await patch(TV10, { pgMajor: 13, os: 'linux' });
    expect(patched).toContain('#client_connection_check_interval = 0\n');
    expect(written(patched, ['client_connection_check_interval'])).toEqual([]);
    expect(written(patched, ['tcp_keepalives_idle', 'tcp_user_timeout'])).toEqual([
      'tcp_keepalives_idle',
      'tcp_user_timeout',
    ]);
    await provePostgres(pg, {
      label: 'TV10 (pgMajor=13)',
      filename: 'postgresql.conf',
      original: TV10,
      patched: [{ kind: 'unsafe', text: patched }],
      environment: { pgMajor: 13, os: 'linux' },
      originalLoads: true,
    });
  }, 60_000);

  it('PostgreSQL 11: neither tcp_user_timeout (12) nor client_connection_check_interval (14)', async () => {
    const patched = await patch(TV7, { pgMajor: 11, os: 'linux' });
    expect(written(patched, ['tcp_user_timeout', 'client_connection_check_interval'])).toEqual([]);
    await provePostgres(pg, {
      label: 'TV7 (pgMajor=11)',
      filename: 'postgresql.conf',
      original: TV7,
      patched: [{ kind: 'unsafe', text: patched }],
      environment: { pgMajor: 11, os: 'linux' },
      originalLoads: true,
    });
  }, 60_000);

  it('Windows: neither tcp_user_timeout nor client_connection_check_interval', async () => {
    const patched = await patch(TV7, { pgMajor: 15, os: 'windows' });
    expect(written(patched, ['tcp_user_timeout', 'client_connection_check_interval'])).toEqual([]);
  });

  it(`every fixture patched for PostgreSQL ${PG_MAJOR} (all rules, review fixes too) sets only GUCs 15 knows`, async () => {
    const environment: EnvironmentProfile = { pgMajor: PG_MAJOR, os: 'linux' };
    const problems: string[] = [];
    for (const fixture of serverFixtures('postgres', { withoutGoldens: true })) {
      const result = await engine.analyse(fixture.text, {
        filename: fixture.path,
        environment,
        unsafe: true,
        optIn: true,
      });
      const before = postgresSettings(fixture.text);
      for (const key of postgresSettings(result.patched).keys()) {
        if (!before.has(key) && !pg.knows(key)) problems.push(`${fixture.name}: writes ${key}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
