/**
 * Proof against the real PgBouncer 1.18 (issue #7): every pgbouncer.ini fixture with a golden, the
 * pgbouncer vectors and the examples in tests/servers/examples start PgBouncer on loopback with the
 * original and with each patched file. The patched file must start, and the admin console's
 * `SHOW CONFIG` must report the value the fix wrote (times in seconds, tcp_user_timeout in ms) for
 * every key whose effective value changed. An original PgBouncer refuses (inline comment on a number,
 * `2min`, `yes`, quoted numbers) must be one the engine flags as an error. Keys newer than 1.18 are
 * tested the other way round: the rules refuse to write them for 1.18.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import { engine } from '../support/engine';
import { PgBouncerRunner } from '../support/pgbouncer';
import { pgbouncerSettings, serverFixtures } from '../support/server-configs';
import { provePgBouncer } from '../support/server-proof';

const fixtures = serverFixtures('pgbouncer');
let pgb: PgBouncerRunner;

beforeAll(async () => {
  pgb = await PgBouncerRunner.create();
}, 60_000);

afterAll(async () => {
  await pgb?.dispose();
});

describe('PgBouncer 1.18 starts every patched pgbouncer.ini and SHOW CONFIG reports the values the fix wrote', () => {
  it('runs the installed PgBouncer 1.18', () => {
    expect(pgb.version).toMatch(/^1\.18(\.|$)/);
    expect(fixtures.filter((f) => f.example).length).toBeGreaterThan(0);
  });

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const report = await provePgBouncer(pgb, {
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

/** reference/server-network.md §6 TV1 and TV6, as text. */
const TV1 = [
  '[databases]',
  'app = host=db.internal port=5432 dbname=app',
  '',
  '[pgbouncer]',
  'listen_addr = *',
  'pool_mode = transaction',
  ';; keepalive on/off',
  ';tcp_keepalive = 1',
  ';; idle seconds before the first probe',
  ';tcp_keepidle = 0',
  ';tcp_keepintvl = 0',
  ';tcp_keepcnt = 0',
  ';tcp_user_timeout = 0',
  '',
].join('\n');
const TV6 = [
  '[pgbouncer]',
  'tcp_keepidle = 30',
  'tcp_keepintvl = 10',
  'tcp_keepcnt = 3',
  'tcp_user_timeout = 30000',
  'server_check_query = <empty>',
  'server_check_delay = 120',
  '',
].join('\n');

async function patch(text: string, environment: EnvironmentProfile): Promise<string> {
  const result = await engine.analyse(text, { filename: 'pgbouncer.ini', environment, unsafe: true });
  return result.patched;
}

describe('version gates: a key the assumed PgBouncer lacks is never written, and the result starts on 1.18', () => {
  it('PgBouncer 1.12: tcp_user_timeout (1.13) is not written', async () => {
    const environment: EnvironmentProfile = { pgbouncerVersion: '1.12.0' };
    const patched = await patch(TV1, environment);
    expect(pgbouncerSettings(patched).has('tcp_user_timeout')).toBe(false);
    expect(pgbouncerSettings(patched).get('tcp_keepidle')).toBe('30');
    await provePgBouncer(pgb, {
      label: 'TV1 (pgbouncerVersion=1.12.0)',
      filename: 'pgbouncer.ini',
      original: TV1,
      patched: [{ kind: 'unsafe', text: patched }],
      environment,
      originalLoads: true,
    });
  }, 60_000);

  it('PgBouncer 1.18: `<empty>` (1.25) is not written; the check query falls back to the default', async () => {
    const environment: EnvironmentProfile = { pgbouncerVersion: '1.18.0' };
    const patched = await patch(TV6, environment);
    expect(pgbouncerSettings(patched).get('server_check_query')).not.toBe('<empty>');
    const report = await provePgBouncer(pgb, {
      label: 'TV6 with <empty> (pgbouncerVersion=1.18.0)',
      filename: 'pgbouncer.ini',
      original: TV6,
      patched: [{ kind: 'unsafe', text: patched }],
      environment,
      originalLoads: true,
    });
    expect(report.compared).toContain('server_check_query');
  }, 60_000);

  it('every fixture patched for PgBouncer 1.18 (all rules, review fixes too) sets only keys 1.18 knows', async () => {
    const environment: EnvironmentProfile = { pgbouncerVersion: '1.18.0' };
    const problems: string[] = [];
    for (const fixture of serverFixtures('pgbouncer', { withoutGoldens: true })) {
      const result = await engine.analyse(fixture.text, {
        filename: fixture.path,
        environment,
        unsafe: true,
        optIn: true,
      });
      const before = pgbouncerSettings(fixture.text);
      for (const key of pgbouncerSettings(result.patched).keys()) {
        if (!before.has(key) && !pgb.knows(key)) problems.push(`${fixture.name}: writes ${key}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
