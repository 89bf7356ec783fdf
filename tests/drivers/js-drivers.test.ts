/**
 * Proof against the real libraries: every JavaScript / TypeScript fixture of rules/js, its patched
 * goldens, and the file patched by every JS rule at once (review fixes included, pinned versions
 * stated) run with the real `pg`, `pg-pool`, `postgres`, `sequelize`, `knex` and `typeorm` packages
 * against a throwaway PostgreSQL (ORMs: what they pass to node-postgres, their pools, their sockets).
 * A patched file must build the same pools and clients, connect, run SELECT 1, and the libraries
 * must really use what the fix wrote (pool.options, the client's connection parameters, the socket's
 * keepalive, sql.options). TypeScript versions are type-checked against the pinned @types/pg and
 * postgres typings. A fix the real library rejects, or that breaks tsc, fails here.
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import { triage } from '../../engine/triage/index';
import { RULES } from '../../rules/index';
import { engine } from '../support/engine';
import { type PgServer, startPostgres } from '../support/postgres';
import { JS_CHECKS } from './js/checks';
import type { HarnessReport, InstanceReport } from './js/report';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const HARNESS = join(root, 'tests/drivers/js/harness.cjs');
const RULES_DIR = join(root, 'rules/js');

/** The versions installed here (package.json pins them): version-gated fixes are written for these. */
const PINNED: EnvironmentProfile = {
  versions: {
    pg: '8.23.1',
    pgPool: '3.14.0',
    postgresjs: '3.4.9',
    sequelize: '6.37.8',
    knex: '3.3.0',
    typeorm: '1.1.1',
  },
};
const JS_RULE_IDS = RULES.filter((r) => r.id.startsWith('js.')).map((r) => r.id);

function jsFixtures(dir = RULES_DIR): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...jsFixtures(path));
    else if (
      dir.endsWith('fixtures') &&
      /^(ng|ok)-.*\.(js|ts|tsx)$/.test(entry) &&
      !/\.(fixed|unsafe)\.\w+$/.test(entry)
    )
      out.push(path);
  }
  return out.sort();
}

function ruleIdOf(fixture: string): string {
  return relative(join(root, 'rules'), fixture).split('/fixtures/')[0]?.split('/').join('.') ?? '';
}

const isTs = (path: string) => /\.tsx?$/.test(path);

/** Why a fixture may not run here as written (a package or name only the real app has). */
const NOT_RUNNABLE =
  /^(builds nothing|Error: the harness does not provide module|ReferenceError: \w+ is not defined)/;

/**
 * Originals that fail on purpose: the trap the rule is about. The patched version must then work.
 * postgres.js forwards unknown URL keys as startup parameters, which PostgreSQL refuses (42704).
 */
const EXPECTED_FAILURE: Record<string, (i: InstanceReport) => boolean> = {
  'js.postgresjs.foreign-url-params': (i) => i.error?.code === '42704',
};

/**
 * Fixtures whose original cannot start, on purpose: a value read from the environment that the rule
 * reports and never rewrites. `Number(undefined)` is NaN, and sequelize-pool refuses a NaN min.
 */
const STARTUP_FAILURE: Record<string, RegExp> = {
  'js/sequelize/pool-keeps-stale-conns/fixtures/ng-env-min.js': /^Error: min must be an integer >= 0$/,
};

/**
 * Goldens that hold only half of what the library needs, because another rule writes the other half in
 * the same pass: keepalive-missing adds the delay and leaves `keepAlive: true` to options-in-url-ignored,
 * which moves `keepalives=1` out of the URL. Their all-rules version is checked in full.
 */
const COMPOSED: Record<string, string> = {
  'js/pg/keepalive-missing/fixtures/ng-v05-url-options-anonymous.js': 'js.pg.options-in-url-ignored',
};

let pg: PgServer;
let scratch: string;
/** Fixture path → the file patched by every JS rule (unsafe, pinned versions) and the rules it applied. */
const allRules = new Map<string, { path: string; text: string; applied: string[] }>();
/** Fixture or golden path → its transpiled copy in the scratch folder. */
const staged = new Map<string, string>();
/** Path (real or virtual) → TypeScript diagnostics. */
const tsDiagnostics = new Map<string, string[]>();

async function harness(file: string, baseDir: string): Promise<HarnessReport> {
  const { stdout } = await run(process.execPath, [HARNESS, file, baseDir], {
    env: {
      ...process.env,
      TEST_PG: JSON.stringify({
        host: pg.host,
        port: pg.port,
        user: pg.user,
        password: pg.password,
        database: pg.database,
      }),
    },
    cwd: tmpdir(),
    timeout: 90_000,
  });
  return JSON.parse(stdout) as HarnessReport;
}

function notRunnableReason(report: HarnessReport): string {
  if (!report.ok) return report.error ?? 'failed';
  return report.instances.length === 0 ? 'builds nothing' : '';
}

const runs = new Map<string, Promise<HarnessReport>>();

/**
 * A golden or all-rules version with the same text as one already run (a rule that only reports, a
 * review fix left out of `.fixed`) gives the same report: run each distinct text once per folder.
 */
function harnessOnce(file: string, baseDir: string): Promise<HarnessReport> {
  const key = `${baseDir}\0${readFileSync(file, 'utf8')}`;
  let report = runs.get(key);
  if (!report) {
    report = harness(file, baseDir);
    runs.set(key, report);
  }
  return report;
}

/** Type-checks every TypeScript fixture, golden and all-rules version in one program. */
function typeCheck(files: Map<string, string>) {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noUncheckedIndexedAccess: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? read(name);
  host.fileExists = (name) => files.has(name) || exists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const text = files.get(name);
    return text !== undefined
      ? ts.createSourceFile(name, text, language)
      : getSourceFile(name, language, onError, create);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  for (const name of files.keys()) {
    const source = program.getSourceFile(name);
    const diagnostics = source
      ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      : [];
    tsDiagnostics.set(
      name,
      diagnostics.map((d) => {
        const at =
          d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return `line ${at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );
  }
}

/** CommonJS for the harness: transpiled once here, so each child process skips loading TypeScript. */
function transpile(text: string, fileName: string): string {
  return ts.transpileModule(text, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      allowJs: true,
    },
  }).outputText;
}

/** Writes `text` (from `source`, a fixture path) as `<scratch mirror of its folder>/<name>.cjs`. */
function stage(source: string, text: string, name: string): string {
  const dir = join(scratch, relative(RULES_DIR, dirname(source)));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name.replace(/\.(js|ts|tsx)$/, '.cjs'));
  writeFileSync(path, transpile(text, source));
  return path;
}

function goldensOf(fixture: string): string[] {
  return ['fixed', 'unsafe']
    .map((kind) => fixture.replace(/\.(\w+)$/, `.${kind}.$1`))
    .filter((path) => existsSync(path));
}

const fixtures = jsFixtures();
const runnable: string[] = [];

describe('JavaScript / TypeScript fixtures against the real pg, postgres, sequelize, knex and typeorm packages', () => {
  beforeAll(async () => {
    pg = await startPostgres();
    scratch = mkdtempSync(join(tmpdir(), 'staleproof-js-'));
    const tsFiles = new Map<string, string>();
    // Modules the fixtures import from their own folder (e.g. db-base.ts), staged beside them.
    for (const dir of new Set(fixtures.map(dirname))) {
      for (const entry of readdirSync(dir)) {
        if (/^(ng|ok)-/.test(entry) || !/\.(js|ts)$/.test(entry)) continue;
        stage(join(dir, entry), readFileSync(join(dir, entry), 'utf8'), entry);
        if (isTs(entry)) tsFiles.set(join(dir, entry), readFileSync(join(dir, entry), 'utf8'));
      }
    }
    for (const fixture of fixtures) {
      const text = readFileSync(fixture, 'utf8');
      const result = await engine.analyse(text, {
        filename: fixture,
        unsafe: true,
        environment: PINNED,
        rules: JS_RULE_IDS,
      });
      const path = stage(fixture, result.patched, basename(fixture).replace(/\.(\w+)$/, '.all-rules.$1'));
      staged.set(fixture, stage(fixture, text, basename(fixture)));
      for (const golden of goldensOf(fixture))
        staged.set(golden, stage(golden, readFileSync(golden, 'utf8'), basename(golden)));
      const applied = [...new Set(result.applied.map((id) => id.split('@')[0] ?? ''))];
      allRules.set(fixture, { path, text: result.patched, applied });
      if (isTs(fixture)) {
        tsFiles.set(fixture, text);
        for (const golden of goldensOf(fixture)) tsFiles.set(golden, readFileSync(golden, 'utf8'));
        tsFiles.set(fixture.replace(/\.(\w+)$/, '.all-rules.$1'), result.patched);
      }
    }
    typeCheck(tsFiles);
  }, 120_000);
  afterAll(() => {
    pg?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  // Each fixture runs in its own node processes, so several run at once; the suites after this one
  // start only when all of them are done.
  describe('fixtures', () => {
    for (const fixture of fixtures) {
      const name = relative(join(root, 'rules'), fixture);
      const ruleId = ruleIdOf(fixture);
      it.concurrent(`${name}: patched versions build the same pools, connect and use what the fixes wrote`, async ({
        expect,
      }) => {
        const baseDir = join(scratch, relative(RULES_DIR, dirname(fixture)));
        const runFile = (path: string) => staged.get(path) ?? path;
        const goldens = goldensOf(fixture);
        const variants = [
          ...goldens.map((g) => ({
            label: relative(root, g),
            path: runFile(g),
            rules: COMPOSED[name] ? [] : [ruleId],
            wrote: readFileSync(g, 'utf8') !== readFileSync(fixture, 'utf8'),
          })),
          (() => {
            const all = allRules.get(fixture);
            if (!all) throw new Error(`no all-rules version of ${name}`);
            return {
              label: `${name} patched by every JS rule`,
              path: all.path,
              rules: all.applied,
              wrote: all.applied.length > 0,
            };
          })(),
        ];
        const [original, ...patched] = await Promise.all([
          harnessOnce(runFile(fixture), baseDir),
          ...variants.map((v) => harnessOnce(v.path, baseDir)),
        ]);
        if (!original) throw new Error('no report');

        if (isTs(fixture)) {
          expect(tsDiagnostics.get(fixture), `${name} does not type-check`).toEqual([]);
          for (const golden of goldens)
            expect(tsDiagnostics.get(golden), `${relative(root, golden)} breaks tsc`).toEqual([]);
          const all = fixture.replace(/\.(\w+)$/, '.all-rules.$1');
          expect(tsDiagnostics.get(all), `${name} patched by every JS rule breaks tsc`).toEqual([]);
        }

        const reason = notRunnableReason(original);
        if (reason) {
          // Not runnable as written: a package or a name only the real app has, or a function never
          // called, or a trap the rule reports without rewriting (the patched versions fail the same way).
          expect(reason).toMatch(STARTUP_FAILURE[name] ?? NOT_RUNNABLE);
          for (const [i, report] of patched.entries()) {
            expect(
              notRunnableReason(report as HarnessReport),
              `${variants[i]?.label} fails differently`,
            ).toBe(reason);
          }
          return;
        }
        runnable.push(name);
        const expectedFailure = name.includes('/ng-') ? EXPECTED_FAILURE[ruleId] : undefined;
        for (const instance of original.instances) {
          if (instance.error && expectedFailure?.(instance)) continue;
          expect(instance.error, `${name} fails with the real library`).toBeNull();
          expect(instance.select1).toBe(1);
        }
        expect(original.uncaught).toEqual([]);

        for (const [i, report] of patched.entries()) {
          const variant = variants[i];
          if (!report || !variant) continue;
          expect(report.error, `${variant.label} fails to load`).toBeNull();
          expect(report.uncaught, `${variant.label} crashed`).toEqual([]);
          expect(
            report.instances.map((x) => x.kind),
            `${variant.label} builds other instances`,
          ).toEqual(original.instances.map((x) => x.kind));
          for (const instance of report.instances) {
            // A fix for the trap itself may leave another trap in place (e.g. TLS files only reported).
            if (instance.error && !variant.wrote && expectedFailure?.(instance)) continue;
            expect(instance.error, `${variant.label} fails with the real library`).toBeNull();
            expect(instance.select1).toBe(1);
          }
          if (!variant.wrote) continue;
          for (const id of variant.rules) {
            const check = JS_CHECKS[id];
            if (!check) continue;
            const problems = report.instances.map(check).filter(Boolean);
            expect(problems, `${variant.label}: ${id} wrote a fix the library does not use`).toEqual([]);
          }
        }
      });
    }
  });

  it('has driver checks only for registered rules, and one for every JS rule that writes a fix', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of Object.keys(JS_CHECKS)) expect(ids).toContain(id);
    for (const rule of RULES.filter((r) => r.id.startsWith('js.') && !/^none\b/.test(r.docs.fixSafety))) {
      expect(Object.keys(JS_CHECKS), `tests/drivers/js/checks.ts has no check for ${rule.id}`).toContain(
        rule.id,
      );
    }
  });

  it('proves the traps the rules leave alone: a pool key @types/pg lacks on ClientConfig fails tsc', () => {
    const typed =
      "import { Client, type ClientConfig } from 'pg';\nconst config: ClientConfig = { host: 'db', max: 5 };\nexport const c = new Client(config);\n";
    const inline =
      "import { Client } from 'pg';\nexport const c = new Client({ host: 'db', idleTimeoutMillis: 10000 });\n";
    const files = new Map([
      [join(RULES_DIR, 'trap-typed.ts'), typed],
      [join(RULES_DIR, 'trap-inline.ts'), inline],
    ]);
    typeCheck(files);
    for (const path of files.keys()) {
      expect((tsDiagnostics.get(path) ?? []).join('\n')).toMatch(
        /Object literal may only specify known properties/,
      );
    }
  });

  it('proves the NaN trap: Number(undefined) disables pg-pool timeouts, so env values are only reported', async () => {
    const fixture = join(RULES_DIR, 'pg/idle-timeout-disabled/fixtures/ng-v04-env-numbers.js');
    const report = await harness(staged.get(fixture) ?? fixture, dirname(fixture));
    const pool = report.instances[0];
    expect(pool?.options?.idleTimeoutMillis).toBe('NaN');
    expect(pool?.options?.connectionTimeoutMillis).toBe('NaN');
    expect(pool?.client?.connectionTimeoutMillis).toBe(0);
  });

  it('proves postgres.js max_lifetime in ms overflows the timer (fires after 1 ms)', async () => {
    const fixture = join(RULES_DIR, 'postgresjs/seconds-given-as-ms/fixtures/ng-lifetime-overflow.js');
    const report = await harness(staged.get(fixture) ?? fixture, dirname(fixture));
    expect(report.warnings.join('\n')).toMatch(/does not fit into a 32-bit signed integer/);
  });

  it.each([
    ['pg-idle-pool', 'js.pg.unhandled-error-event', /Emitted 'error' event on BoundPool instance/],
    ['pg-client', 'js.pg.unhandled-error-event', /Emitted 'error' event on Client instance/],
    [
      'postgresjs-url',
      'js.postgresjs.unknown-startup-parameter',
      /unrecognized configuration parameter "connection_limit"/,
    ],
  ])('triage recognises the real %s error output', async (mode, id, text) => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tests/drivers/js/errors.cjs'), mode],
        { env: { ...process.env, TEST_PG: JSON.stringify(pg) }, timeout: 30_000 },
        (error, _stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.code, 'the library did not fail as expected').not.toBe(0);
    expect(result.stderr).toMatch(text);
    expect(triage(result.stderr)[0]?.signature.id).toBe(id);
  });

  it('proves Sequelize v6 forwards dialectOptions.keepAlive but drops keepAliveInitialDelayMillis', async () => {
    const fixture = join(RULES_DIR, 'sequelize/unforwarded-dialect-option/fixtures/ng-v09-nested-objects.js');
    const report = await harness(staged.get(fixture) ?? fixture, dirname(fixture));
    const instance = report.instances[0];
    expect(instance?.kind).toBe('sequelize');
    expect(instance?.pgConfig?.keepAlive).toBe(true);
    expect(instance?.pgConfig).not.toHaveProperty('keepAliveInitialDelayMillis');
    expect(instance?.client?.socketKeepalive).toEqual({ enable: true, delay: 0 });
  });

  it('proves the pool tarn builds for Knex < 3.2.0 rejects the lifetime keys at startup', () => {
    // Knex before 3.2.0 handed every pool key to tarn; 3.2.0+ takes the lifetime keys out first.
    const requireFromRoot = createRequire(join(root, 'package.json'));
    const { Pool: TarnPool } = requireFromRoot(
      requireFromRoot.resolve('tarn', { paths: [join(root, 'node_modules/knex')] }),
    ) as {
      Pool: new (options: Record<string, unknown>) => unknown;
    };
    const base = { create: async () => ({}), destroy: () => {}, min: 0, max: 1 };
    expect(() => new TarnPool({ ...base })).not.toThrow();
    expect(() => new TarnPool({ ...base, maxConnectionLifetimeMillis: 600000 })).toThrow(
      /Tarn: unsupported option opt\.maxConnectionLifetimeMillis/,
    );
    try {
      new TarnPool({ ...base, maxConnectionLifetimeMillis: 600000 });
    } catch (error) {
      expect(triage(String(error))[0]?.signature.id).toBe('js.knex.tarn-unsupported-option');
    }
  });

  it('triage recognises the real Knex acquire timeout and Sequelize connection errors', async () => {
    const requireFromRoot = createRequire(join(root, 'package.json'));
    const knex = requireFromRoot('knex') as (config: object) => {
      transaction(): Promise<{ rollback(): Promise<void> }>;
      raw(sql: string): Promise<unknown>;
      destroy(): Promise<void>;
    };
    const db = knex({
      client: 'pg',
      connection: {
        host: pg.host,
        port: pg.port,
        user: pg.user,
        password: pg.password,
        database: pg.database,
      },
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 300,
    });
    const trx = await db.transaction();
    const timeout = await db.raw('select 1').catch((e: unknown) => e);
    await trx.rollback();
    await db.destroy();
    expect(triage(String(timeout))[0]?.signature.id).toBe('js.knex.acquire-timeout');

    const { Sequelize } = requireFromRoot('sequelize') as {
      Sequelize: new (
        url: string,
        options: object,
      ) => { authenticate(): Promise<void>; close(): Promise<void> };
    };
    const refused = new Sequelize(`postgres://app:fake@127.0.0.1:1/app`, {
      dialect: 'postgres',
      logging: false,
    });
    const error = await refused.authenticate().catch((e: unknown) => e);
    await refused.close();
    expect(String(error)).toMatch(/SequelizeConnectionRefusedError/);
    expect(triage(String(error))[0]?.signature.id).toBe('js.sequelize.connection-error');
  });

  it('checks the Prisma .env goldens: the disabled timeouts are gone, every other URL part is kept', () => {
    // No Prisma engine runs here: what can be shown is the URL the engine would read.
    const dir = join(RULES_DIR, 'prisma/timeout-disabled/fixtures');
    const urls = (text: string) =>
      [...text.matchAll(/=\s*["']?(postgres(?:ql)?:\/\/[^"'\s#]+)/g)].map((m) => new URL(m[1] as string));
    const goldens = readdirSync(dir).filter((n) => /^ng-.*\.fixed\.env$/.test(n));
    expect(goldens.length).toBeGreaterThan(0);
    for (const golden of goldens) {
      const before = urls(readFileSync(join(dir, golden.replace('.fixed', '')), 'utf8'));
      const after = urls(readFileSync(join(dir, golden), 'utf8'));
      expect(after.length, golden).toBe(before.length);
      after.forEach((url, i) => {
        const original = before[i] as URL;
        for (const key of ['pool_timeout', 'max_idle_connection_lifetime', 'connect_timeout'])
          expect(url.searchParams.get(key), `${golden}: ${key}`).not.toBe('0');
        expect(`${url.origin}${url.pathname}`).toBe(`${original.origin}${original.pathname}`);
        for (const [key, value] of url.searchParams) expect(original.searchParams.get(key)).toBe(value);
      });
    }
  });

  it('runs most fixtures for real, not just a few', () => {
    expect(runnable.length, `runnable: ${runnable.join(', ')}`).toBeGreaterThanOrEqual(
      Math.ceil(fixtures.length * 0.6),
    );
  });
});
