/**
 * Proof against the real Go drivers: every Go fixture, its goldens and the reference's Go vectors,
 * read the way staleproof reads them (the sites of rules/go/_lib), are run through a small harness
 * built once with Debian's Go, pgx v4 and lib/pq (tests/drivers/go/harness): each connection string
 * (pointed at a throwaway PostgreSQL, keeping every other parameter) is parsed by pgx / pgxpool as the
 * file would, the config fields and `*sql.DB` setters the file writes are applied, and the harness
 * reads back what the driver holds and runs SELECT 1. Originals flagged for keys the server refuses
 * must fail with 42704; every patched file must connect and hold what the fix wrote.
 *
 * Not shown by Debian's versions: pgx v5 (pgxpool.New, PingTimeout, MaxConnLifetimeJitter, the 15 s
 * keepalive) — the harness runs v5-importing fixtures against v4's equivalent calls, and keys only v5
 * reads are accepted as failing here with the server's own 42704.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUri } from '../../rules/_lib/connection-string';
import { readableDsn } from '../../rules/go/_lib/dsn';
import { durationSeconds, fieldAssignments, type GoSite, goSites, methodCalls } from '../../rules/go/_lib/go';
import { host } from '../support/engine';
import { type PgServer, startPostgres } from '../support/postgres';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const HARNESS_SRC = join(root, 'tests/drivers/go/harness/main.go');
const BUILD = join(tmpdir(), 'staleproof-go-harness');
const BIN = join(BUILD, 'harness');
/** Debian's Go, which finds pgx v4 and lib/pq under /usr/share/gocode with GO111MODULE=off. */
const GO = '/usr/bin/go';

interface Case {
  driver: 'pgx' | 'pgxpool' | 'stdlib' | 'libpq';
  dsn: string;
  maxOpen?: number;
  maxLifetime?: number;
  maxIdleTime?: number;
  poolMaxConnLifetime?: number;
  connectTimeout?: number;
}

interface Result {
  driver: string;
  parseError?: string;
  connectTimeout: number;
  runtimeParams: Record<string, string>;
  maxConns?: number;
  maxConnLifetime: number;
  dbMaxOpen?: number;
  dbMaxLifetime: number;
  dbMaxIdleTime: number;
  select1: number;
  error?: string;
}

let pg: PgServer;

function goFixtures(dir = join(root, 'rules/go')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...goFixtures(path));
    else if (/(fixtures|_vectors)$/.test(dir) && /\.go$/.test(entry) && !/\.(fixed|unsafe)\.go$/.test(entry))
      out.push(path);
  }
  return out.sort();
}

const V5_CONSUMED = new Set(['default_query_exec_mode', 'description_cache_capacity']);

/** Points a DSN at the test server and keeps every other parameter; fmt verbs become plain text. */
function retarget(content: string): string {
  const text = content.replace(/%[-+# 0-9.]*[a-zA-Z]/g, 'x');
  const uri = parseUri(text);
  if (uri) {
    // pgx v5 reads these itself; Debian's v4 would send them to the server.
    const query = uri.params
      .filter((p) => !V5_CONSUMED.has(p.key))
      .map((p) =>
        p.key === 'sslmode' && /^verify/.test(p.value)
          ? 'sslmode=require'
          : `${p.key}=${encodeURIComponent(p.value)}`,
      );
    return `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/${pg.database}${query.length ? `?${query.join('&')}` : ''}`;
  }
  const verify = /\bsslmode=verify/.test(text) ? ' sslmode=require' : '';
  return `${text} host=${pg.host} port=${pg.port} user=${pg.user} password=${pg.password} dbname=${pg.database}${verify}`;
}

function driverOf(site: GoSite): Case['driver'] {
  if (site.driver === 'libpq') return 'libpq';
  if (site.databaseSql) return 'stdlib';
  return site.driver === 'pgxpool' ? 'pgxpool' : 'pgx';
}

/** The cases one Go file builds, in site order. */
async function casesOf(text: string): Promise<Case[]> {
  const doc = await host.parse('go', text);
  try {
    const out: Case[] = [];
    const assignments = fieldAssignments(doc);
    for (const site of goSites(doc)) {
      if (!site.dsn) continue; // stdlib.OpenDB: no connection string of its own
      if (
        site.driver === 'pgxpool' &&
        site.func !== 'ParseConfig' &&
        site.func !== 'New' &&
        site.func !== 'Connect'
      )
        continue;
      const dsn = readableDsn(site);
      const c: Case = {
        driver: driverOf(site),
        dsn: dsn ? retarget(dsn.content) : pg.url().replace('postgresql://', 'postgres://'),
      };
      if (site.databaseSql && site.variable) {
        const value = (method: string) => {
          const call = methodCalls(doc, method).find((m) => m.recv === site.variable);
          return call?.args[0] ? (durationSeconds(call.args[0]) ?? Number(call.args[0].text)) : undefined;
        };
        c.maxOpen = value('SetMaxOpenConns');
        c.maxLifetime = value('SetConnMaxLifetime');
        c.maxIdleTime = value('SetConnMaxIdleTime');
      }
      if (site.driver === 'pgxpool' && site.variable) {
        const field = (...path: string[]) => {
          const a = assignments.find((x) => x.path.join('.') === [site.variable, ...path].join('.'));
          return a ? (durationSeconds(a.value) ?? undefined) : undefined;
        };
        c.poolMaxConnLifetime = field('MaxConnLifetime');
        c.connectTimeout = field('ConnConfig', 'ConnectTimeout');
      }
      out.push(c);
    }
    return out;
  } finally {
    doc.dispose();
  }
}

async function harness(cases: Case[]): Promise<Result[]> {
  if (cases.length === 0) return [];
  const child = run(BIN, [], { timeout: 60_000 });
  child.child.stdin?.end(JSON.stringify(cases));
  const { stdout } = await child;
  return JSON.parse(stdout) as Result[];
}

const REFUSED = /unrecognized configuration parameter "([a-z_]+)"/;
/** Keys the server refuses from Debian's pgx v4.15 / lib/pq 1.10.7 but newer versions read. */
const NEWER_ONLY =
  /unrecognized configuration parameter "(pool_max_conn_lifetime_jitter|pool_min_idle_conns|target_session_attrs|default_query_exec_mode|description_cache_capacity)"/;
const SENT_TO_SERVER_BY_MISTAKE = /^(pool_|keepalives)/;

function failure(r: Result): string | null {
  return r.parseError ?? r.error ?? (r.select1 === 1 ? null : 'SELECT 1 did not return 1');
}

const fixtures = goFixtures();

describe('Go fixtures against Debian pgx v4 and lib/pq', () => {
  beforeAll(async () => {
    mkdirSync(BUILD, { recursive: true });
    if (!existsSync(BIN) || statSync(BIN).mtimeMs < statSync(HARNESS_SRC).mtimeMs) {
      execFileSync(GO, ['build', '-o', BIN, HARNESS_SRC], {
        env: {
          ...process.env,
          GOPATH: '/usr/share/gocode',
          GO111MODULE: 'off',
          GOFLAGS: '',
          GOCACHE: join(BUILD, 'cache'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 110_000,
      });
    }
    pg = await startPostgres();
  }, 180_000);
  afterAll(() => pg?.stop());

  it('the harness reads what pgx v4.15 really does with the trap keys', async () => {
    const [pool, stdlib] = await harness([
      {
        driver: 'pgxpool',
        dsn: `${retarget('postgres://db/app?pool_max_conns=3&pool_max_conn_lifetime=0s&connect_timeout=10')}`,
      },
      { driver: 'stdlib', dsn: retarget('host=db pool_max_conns=5') },
    ]);
    expect(pool).toMatchObject({
      maxConns: 3,
      maxConnLifetime: 0,
      connectTimeout: 10,
      runtimeParams: {},
      select1: 1,
    });
    expect(stdlib?.runtimeParams).toEqual({ pool_max_conns: '5' });
    expect(stdlib?.error).toMatch(/unrecognized configuration parameter "pool_max_conns" \(SQLSTATE 42704\)/);
  });

  for (const fixture of fixtures) {
    const name = relative(join(root, 'rules'), fixture);
    const goldens = ['fixed', 'unsafe']
      .map((kind) => fixture.replace(/\.go$/, `.${kind}.go`))
      .filter((path) => existsSync(path));
    const ruleId = name.startsWith('go/_vectors')
      ? 'vector'
      : name.split('/fixtures/')[0]?.split('/').join('.');
    it(`${name}: ${goldens.length ? 'the patched file connects and holds what the fix wrote' : 'the driver agrees'}`, async () => {
      const text = readFileSync(fixture, 'utf8');
      const v5 = /github\.com\/jackc\/pgx\/v5/.test(text);
      const originalCases = await casesOf(text);
      const original = await harness(originalCases);
      const refused = original.map((r) => REFUSED.exec(failure(r) ?? '')?.[1]).filter(Boolean);
      const fixes = goldens.some((g) => readFileSync(g, 'utf8') !== text);
      if (name.includes('/ng-') && fixes && /pool-keys-outside-pgxpool|libpq-only-keys/.test(ruleId ?? '')) {
        // The point of these rules: the unfixed string kills every connection.
        expect(refused.length, `${name}: the original should be refused by the server`).toBeGreaterThan(0);
      }
      for (const [i, r] of original.entries()) {
        const why = failure(r);
        if (!why || REFUSED.test(why)) continue;
        expect(why, `${name} case ${i}`).toBeNull();
      }
      /** Refused for a key another Go rule removes (an ok fixture of one rule may be an ng of another). */
      const othersJob = (why: string | null) =>
        !!why &&
        SENT_TO_SERVER_BY_MISTAKE.test(REFUSED.exec(why)?.[1] ?? '') &&
        !/pool-keys-outside-pgxpool|libpq-only-keys/.test(ruleId ?? '');
      if (name.includes('/ok-')) {
        for (const r of original) {
          const why = failure(r);
          if (why && NEWER_ONLY.test(why) && (v5 || /target_session_attrs/.test(why))) continue;
          if (othersJob(why)) continue;
          expect(why, `${name}: an ok fixture must connect`).toBeNull();
        }
      }
      for (const golden of goldens) {
        const patchedText = readFileSync(golden, 'utf8');
        if (patchedText === text) continue; // a finding without an edit: nothing new to run
        const patched = await harness(await casesOf(patchedText));
        expect(patched.length).toBe(original.length);
        for (const [i, r] of patched.entries()) {
          const why = failure(r);
          if (why && NEWER_ONLY.test(why) && (v5 || /target_session_attrs/.test(why))) continue;
          if (othersJob(why)) {
            // Still refused for another rule's key, exactly as before this rule's fix.
            expect(othersJob(failure(original[i] as Result))).toBe(true);
            continue;
          }
          expect(why, `${relative(root, golden)} case ${i} fails with the real driver`).toBeNull();
          if (/pool-keys-outside-pgxpool|libpq-only-keys|vector/.test(ruleId ?? '')) {
            expect(Object.keys(r.runtimeParams).filter((k) => SENT_TO_SERVER_BY_MISTAKE.test(k))).toEqual([]);
          }
        }
        const both = patched
          .map((p, i) => [original[i] as Result, p] as const)
          .filter(([, p]) => !failure(p));
        // No fix may add a key that pgx sends to the server.
        for (const [o, p] of both) {
          expect(Object.keys(p.runtimeParams).filter((k) => !(k in o.runtimeParams))).toEqual([]);
        }
        switch (ruleId) {
          case 'go.pgx.connect-timeout-missing':
            for (const [o, p] of both)
              if (p.driver !== 'libpq' && o.connectTimeout === 0) expect(p.connectTimeout).toBe(10);
            break;
          case 'go.pgxpool.max-conn-lifetime-disabled':
            for (const [o, p] of both)
              if (o.maxConnLifetime === 0 && p.driver === 'pgxpool') expect(p.maxConnLifetime).toBe(3600);
            break;
          case 'go.databasesql.conn-max-lifetime-missing':
            for (const [, p] of both)
              if (p.driver === 'stdlib' || p.driver === 'libpq') expect(p.dbMaxLifetime).toBe(1800);
            break;
          case 'go.databasesql.conn-max-idle-time-missing':
            for (const [, p] of both) expect(p.dbMaxIdleTime).toBe(300);
            break;
          case 'go.pgx.pool-keys-outside-pgxpool':
            for (const [o, p] of both) {
              const wanted = o.runtimeParams.pool_max_conns;
              if (wanted && p.driver !== 'pgx' && p.driver !== 'pgxpool')
                expect(p.dbMaxOpen).toBe(Number(wanted));
            }
            break;
        }
      }
    }, 120_000);
  }

  it('tcp_user_timeout in a pgx DSN reaches PostgreSQL as its own server setting and is accepted', async () => {
    const [r] = await harness([{ driver: 'pgx', dsn: retarget('host=db tcp_user_timeout=30000') }]);
    expect(r).toMatchObject({ runtimeParams: { tcp_user_timeout: '30000' }, select1: 1 });
    expect(r?.error).toBeUndefined();
  });

  it('proves the vectors: TV18 ends with pool limits on the *sql.DB and a connect timeout pgx reads', async () => {
    const text = readFileSync(join(root, 'rules/go/_vectors/v18-pgx-stdlib-pool-keys.fixed.go'), 'utf8');
    const [r] = await harness(await casesOf(text));
    expect(r).toMatchObject({
      connectTimeout: 10,
      runtimeParams: {},
      dbMaxOpen: 10,
      dbMaxIdleTime: 300,
      dbMaxLifetime: 1800,
      select1: 1,
    });
  });
});
