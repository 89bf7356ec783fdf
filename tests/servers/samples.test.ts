/**
 * The servers' own sample configs, as installed by Debian: PostgreSQL 15's postgresql.conf.sample and
 * PgBouncer 1.18's pgbouncer.ini (the copy under /usr/share/doc too, when it differs). A file of
 * defaults, all commented out, gets exactly the findings reference/server-network.md predicts for
 * unset settings (a commented-out line is never read as active), and the patched files (review fixes
 * too) start on the real servers with the values the fixes wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../support/engine';
import { PG_MAJOR, PgConfigServer } from '../support/pg-config-server';
import { PgBouncerRunner } from '../support/pgbouncer';
import { provePgBouncer, provePostgres } from '../support/server-proof';

const POSTGRES_SAMPLE = `/usr/share/postgresql/${PG_MAJOR}/postgresql.conf.sample`;
const PGBOUNCER_SAMPLE = '/etc/pgbouncer/pgbouncer.ini';
const PGBOUNCER_DOC_SAMPLE = '/usr/share/doc/pgbouncer/examples/pgbouncer.ini';

/** §3: the rules for unset settings, with the safety the catalog gives their fixes. */
const POSTGRES_EXPECTED = [
  'postgres.client-connection-check-unset:review',
  'postgres.keepalives-unset:safe',
  'postgres.tcp-user-timeout-unset:review',
];
const PGBOUNCER_EXPECTED = [
  'pgbouncer.keepalive-timers-unset:safe',
  'pgbouncer.tcp-user-timeout-unset:review',
];

function read(path: string): string {
  // The packages are installed by scripts/system-deps.sh: a missing sample is a failure, not a skip.
  expect(existsSync(path), `${path} is missing: run scripts/system-deps.sh`).toBe(true);
  return readFileSync(path, 'utf8');
}

async function findingsAndPatch(text: string, filename: string) {
  const result = await engine.analyse(text, { filename });
  expect(result.format.format).toBe(filename === 'postgresql.conf' ? 'postgresql-conf' : 'pgbouncer-ini');
  const kinds = [...new Set(result.findings.map((f) => `${f.ruleId}:${f.fix?.safety ?? 'none'}`))].sort();
  const patched = (await engine.analyse(text, { filename, unsafe: true })).patched;
  return { kinds, patched };
}

let pg: PgConfigServer;
let pgb: PgBouncerRunner;

beforeAll(async () => {
  pg = PgConfigServer.create();
  pgb = await PgBouncerRunner.create();
}, 60_000);

afterAll(async () => {
  try {
    pg?.dispose();
  } finally {
    await pgb?.dispose();
  }
});

describe(`PostgreSQL ${PG_MAJOR}'s postgresql.conf.sample`, () => {
  it('gets the findings for unset keepalives, tcp_user_timeout and the connection check, and the patched file starts', async () => {
    const text = read(POSTGRES_SAMPLE);
    const { kinds, patched } = await findingsAndPatch(text, 'postgresql.conf');
    expect(kinds).toEqual(POSTGRES_EXPECTED);
    const report = await provePostgres(pg, {
      label: POSTGRES_SAMPLE,
      filename: 'postgresql.conf',
      original: text,
      patched: [{ kind: 'unsafe', text: patched }],
      environment: {},
      originalLoads: true,
    });
    expect(report.compared).toEqual([
      'client_connection_check_interval',
      'tcp_keepalives_count',
      'tcp_keepalives_idle',
      'tcp_keepalives_interval',
      'tcp_user_timeout',
    ]);
  }, 60_000);
});

describe('PgBouncer 1.18 sample pgbouncer.ini', () => {
  const samples = [PGBOUNCER_SAMPLE];
  const same = (a: string, b: string) =>
    existsSync(a) && existsSync(b) && readFileSync(a, 'utf8') === readFileSync(b, 'utf8');
  if (existsSync(PGBOUNCER_DOC_SAMPLE) && !same(PGBOUNCER_DOC_SAMPLE, PGBOUNCER_SAMPLE)) {
    samples.push(PGBOUNCER_DOC_SAMPLE);
  }

  for (const path of samples) {
    it(`${path} gets the findings for unset keepalive timers and tcp_user_timeout, and the patched file starts`, async () => {
      const text = read(path);
      // Its `%include` line is commented out, so include-may-override has nothing to say.
      expect(/^\s*%include/m.test(text)).toBe(false);
      const { kinds, patched } = await findingsAndPatch(text, 'pgbouncer.ini');
      expect(kinds).toEqual(PGBOUNCER_EXPECTED);
      const report = await provePgBouncer(pgb, {
        label: path,
        filename: 'pgbouncer.ini',
        original: text,
        patched: [{ kind: 'unsafe', text: patched }],
        environment: {},
        originalLoads: true,
      });
      expect(report.compared).toEqual(['tcp_keepcnt', 'tcp_keepidle', 'tcp_keepintvl', 'tcp_user_timeout']);
    }, 60_000);
  }
});
