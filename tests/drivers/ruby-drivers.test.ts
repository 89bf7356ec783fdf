/**
 * Proof against the real Rails stack: every database.yml fixture, its goldens and the reference's
 * Rails vectors are loaded the way Rails loads them (ERB, then YAML with aliases) by
 * tests/drivers/ruby/harness.rb, each block staleproof reports on is connected with Debian's Active
 * Record and ruby-pg to a throwaway PostgreSQL, and the harness reads back what Active Record kept,
 * what the pool uses and what libpq really got (`conninfo_hash`). Every patched file must connect and
 * hand libpq / the pool exactly what the fix wrote.
 *
 * Debian ships Active Record 6.1: the Rails 8.1 pool keys (`keepalive`, `max_age`,
 * `min_connections`) are shown only to reach the configuration and never libpq; their pool
 * behaviour comes from the 8.1 source (see the rule docs).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { railsConfigs } from '../../rules/ruby/_lib/database-yml';
import { host } from '../support/engine';
import { type PgServer, startPostgres } from '../support/postgres';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const HARNESS = join(root, 'tests/drivers/ruby/harness.rb');
/** Debian's interpreter, where ruby-pg and ruby-activerecord live (not an rbenv one on PATH). */
const RUBY = '/usr/bin/ruby';

interface Block {
  name: string;
  error?: string;
  select1?: number;
  configuration?: Record<string, unknown>;
  conninfo?: Record<string, string>;
  idleTimeout?: number | null;
  reapingFrequency?: number | null;
}

interface Report {
  versions: Record<string, string | number>;
  blocks: Block[];
}

let pg: PgServer;

function yamlFixtures(dir = join(root, 'rules/ruby')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...yamlFixtures(path));
    else if (
      /(fixtures|_vectors)$/.test(dir) &&
      /\.yml$/.test(entry) &&
      !/\.(fixed|unsafe)\.yml$/.test(entry)
    )
      out.push(path);
  }
  return out.sort();
}

async function blockNames(text: string): Promise<string[]> {
  const doc = await host.parse('yaml', text);
  try {
    return railsConfigs(doc).map((c) => c.name);
  } finally {
    doc.dispose();
  }
}

/** All files at once: Active Record takes a second or two to load, once. */
async function harnessAll(items: { file: string; names: string[] }[]): Promise<Map<string, Report>> {
  const child = run(RUBY, [HARNESS], {
    cwd: tmpdir(),
    timeout: 60_000,
    env: {
      ...process.env,
      DATABASE_URL: pg.url().replace('postgresql://', 'postgres://'),
      TEST_PG_HOST: pg.host,
      TEST_PG_PORT: String(pg.port),
      TEST_PG_USER: pg.user,
      TEST_PG_PASSWORD: pg.password,
      TEST_PG_DATABASE: pg.database,
    },
  });
  child.child.stdin?.end(JSON.stringify(items));
  const { stdout } = await child;
  const reports = JSON.parse(stdout) as (Report & { file: string })[];
  return new Map(reports.map((r) => [r.file, r]));
}

let reports = new Map<string, Report>();

async function harness(file: string, names: string[]): Promise<Report> {
  const key = `${file}\u0000${names.join(',')}`;
  const cached = reports.get(key);
  if (cached) return cached;
  const fresh = (await harnessAll([{ file, names }])).get(file) as Report;
  reports.set(key, fresh);
  return fresh;
}

/** What each rule's fix must put where Rails and libpq read it, on one patched block. */
const CHECKS: Record<string, (b: Block, original: Block, text: string) => void> = {
  'ruby.rails.keepalives-missing': (b) => {
    expect(b.conninfo?.keepalives_idle).toMatch(/^\d+$/);
    expect(Number(b.conninfo?.keepalives_idle)).toBeGreaterThan(0);
    expect(b.conninfo?.keepalives_interval).toMatch(/^\d+$/);
    expect(b.conninfo?.keepalives_count).toMatch(/^\d+$/);
  },
  'ruby.rails.tcp-user-timeout-missing': (b) => expect(b.conninfo?.tcp_user_timeout).toBe('30000'),
  'ruby.rails.connect-timeout-missing': (b) => expect(Number(b.conninfo?.connect_timeout)).toBeGreaterThan(0),
  'ruby.rails.idle-reaping-disabled': (b) => {
    expect(b.idleTimeout ?? 0).toBeGreaterThan(0);
    expect(b.reapingFrequency ?? 0).toBeGreaterThan(0);
  },
  'ruby.rails.keepalive-key-confusion': (b, original) => {
    // `keepalive` never reaches libpq on 6.1; `keepalives: 30` renamed gives libpq the idle time.
    expect(b.conninfo?.keepalive).toBeUndefined();
    if (original.conninfo?.keepalives && original.conninfo.keepalives !== '1') {
      expect(b.conninfo?.keepalives_idle).toBe(original.conninfo.keepalives);
    }
  },
  'ruby.rails.pool-keepalive-above-lb': (b) => {
    expect(Number(b.configuration?.keepalive)).toBeLessThanOrEqual(240);
    expect(b.conninfo?.keepalive).toBeUndefined();
  },
  'ruby.rails.max-age-missing': (b) => {
    expect(b.configuration?.max_age).toBe(1800);
    expect(b.conninfo?.max_age).toBeUndefined();
  },
};

const fixtures = yamlFixtures();

describe('database.yml fixtures against Debian Active Record and ruby-pg', () => {
  beforeAll(async () => {
    pg = await startPostgres();
    // One Ruby process for every fixture and golden.
    const items: { file: string; names: string[] }[] = [];
    for (const fixture of fixtures) {
      for (const file of [
        fixture,
        ...['fixed', 'unsafe'].map((k) => fixture.replace(/\.yml$/, `.${k}.yml`)),
      ]) {
        if (existsSync(file)) items.push({ file, names: await blockNames(readFileSync(file, 'utf8')) });
      }
    }
    const all = await harnessAll(items);
    reports = new Map(items.map((i) => [`${i.file}\u0000${i.names.join(',')}`, all.get(i.file) as Report]));
  }, 120_000);
  afterAll(() => pg?.stop());

  it('libpq gets the keepalive keys; the singular `keepalive` and Rails 8.1 keys never reach it', async () => {
    const file = join(root, 'rules/ruby/_vectors/v19-rails72-anchor.fixed.yml');
    const report = await harness(file, ['production']);
    expect(report.versions.activerecord).toMatch(/^\d+\.\d+/);
    const [b] = report.blocks;
    expect(b?.error).toBeUndefined();
    expect(b).toMatchObject({
      select1: 1,
      idleTimeout: 300,
      conninfo: {
        keepalives_idle: '30',
        keepalives_interval: '10',
        keepalives_count: '3',
        connect_timeout: '10',
        tcp_user_timeout: '30000',
      },
    });
    expect(b?.conninfo?.keepalive).toBeUndefined();
    expect(b?.configuration?.keepalive).toBe(30);
  });

  for (const fixture of fixtures) {
    const name = relative(join(root, 'rules'), fixture);
    const goldens = ['fixed', 'unsafe']
      .map((kind) => fixture.replace(/\.yml$/, `.${kind}.yml`))
      .filter((path) => existsSync(path));
    const ruleId = name.startsWith('ruby/_vectors')
      ? null
      : name.split('/fixtures/')[0]?.split('/').join('.');
    it(`${name}: ${goldens.length ? 'every patched block connects and libpq / the pool get what the fix wrote' : 'the blocks connect as written'}`, async () => {
      const text = readFileSync(fixture, 'utf8');
      const names = await blockNames(text);
      const original = await harness(fixture, names);
      for (const b of original.blocks) {
        expect(b.error, `${name} ${b.name}`).toBeUndefined();
        expect(b.select1).toBe(1);
      }
      for (const golden of goldens) {
        const patchedText = readFileSync(golden, 'utf8');
        if (patchedText === text) continue;
        const patched = await harness(golden, await blockNames(patchedText));
        expect(patched.blocks.map((b) => b.name)).toEqual(original.blocks.map((b) => b.name));
        for (const [i, b] of patched.blocks.entries()) {
          expect(b.error, `${relative(root, golden)} ${b.name}`).toBeUndefined();
          expect(b.select1).toBe(1);
          const before = original.blocks[i] as Block;
          if (JSON.stringify(before.configuration) === JSON.stringify(b.configuration)) continue;
          const check = ruleId ? CHECKS[ruleId] : undefined;
          if (
            check &&
            (golden.endsWith('.unsafe.yml') || !/idle-reaping|tcp-user|max-age/.test(ruleId ?? ''))
          ) {
            check(b, before, patchedText);
          }
          if (!ruleId) for (const c of Object.values(CHECKS).slice(0, 3)) c(b, before, patchedText);
        }
      }
    }, 120_000);
  }

  it('a block that merges the anchor keeps the anchor for development', async () => {
    const file = join(
      root,
      'rules/ruby/rails/idle-reaping-disabled/fixtures/ng-v19-anchor-wrong-keys.unsafe.yml',
    );
    const report = await harness(file, ['production', 'default']);
    expect(report.blocks.map((b) => b.idleTimeout)).toEqual([300, null]);
  });
});
