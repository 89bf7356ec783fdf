/**
 * Proof against the real drivers: every Python fixture and its patched goldens run with Debian's
 * SQLAlchemy, psycopg2, asyncpg and Flask-SQLAlchemy against a throwaway PostgreSQL. A patched file
 * must build the same engines as the original, connect, run SELECT 1, and its pools must really use
 * the settings the fix wrote. A fix the real driver rejects fails here.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index';
import { type PgServer, startPostgres } from '../support/postgres';
import { PYTHON_VECTORS } from '../vectors/python/vectors';
import { expectedFile } from '../vectors/vector';
import type { DriverCheck, HarnessReport } from './python/report';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const HARNESS = join(root, 'tests/drivers/python/harness.py');
/** Debian's interpreter, where the python3-* driver packages live (not a pyenv one on PATH). */
const PYTHON = '/usr/bin/python3';

/**
 * What each rule's fix must change in the driver's own view: `python/checks/<rule id>.ts` exports
 * `check(engine)`, run on every engine that rule's fixtures build (original of ok-*, goldens of ng-*).
 */
const CHECKS = import.meta.glob<{ check: DriverCheck }>('./python/checks/*.ts', { eager: true });
const EXPECTATIONS: Record<string, DriverCheck> = Object.fromEntries(
  Object.entries(CHECKS).map(([path, module]) => [
    path.replace('./python/checks/', '').replace(/\.ts$/, ''),
    module.check,
  ]),
);

function pythonFixtures(dir = join(root, 'rules/python')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...pythonFixtures(path));
    else if (dir.endsWith('fixtures') && /\.py$/.test(entry) && !/\.(fixed|unsafe)\.py$/.test(entry))
      out.push(path);
  }
  return out.sort();
}

function ruleIdOf(fixture: string): string {
  return relative(join(root, 'rules'), fixture).split('/fixtures/')[0]?.split('/').join('.') ?? '';
}

let pg: PgServer;

async function harness(file: string): Promise<HarnessReport> {
  const { stdout } = await run(PYTHON, [HARNESS, file], {
    env: { ...process.env, DATABASE_URL: pg.url() },
    // Fixtures may name a SQLite file: it lands in the temp folder, not in the repository.
    cwd: tmpdir(),
    timeout: 60_000,
  });
  return JSON.parse(stdout) as HarnessReport;
}

const fixtures = pythonFixtures();
/** Why a fixture may not run here as written; any other failure is a harness or fixture bug. */
const NOT_RUNNABLE =
  /^(builds no engine|NameError|AttributeError: the harness does not know|NoSuchModuleError|ModuleNotFoundError: No module named 'dj_database_url'|ImproperlyConfigured: Could not find the GDAL library)/;
const runnable: string[] = [];
/** Fixtures whose original crashes with the predicted error and whose goldens work. */
const crashes: string[] = [];

/**
 * Failures that are the point of a rule, on Debian's versions: libpq 15 refuses load_balance_hosts
 * (libpq 16+), and psycopg_pool 3.1 has neither `check=` nor `check_connection` (3.2+). A fixture or
 * golden may fail only this way, and only where the installed version really is older; the check
 * fix is review for exactly this reason, so its review golden must fail here.
 */
function versionGated(report: HarnessReport, error: string | undefined): boolean {
  if (!error) return false;
  if (/invalid connection option "load_balance_hosts"/.test(error)) return true;
  const pool = (report as HarnessReport & { versions?: Record<string, string> }).versions?.psycopg_pool;
  const [major = 0, minor = 0] = (pool ?? '').split('.').map(Number);
  const oldPool = pool !== undefined && (major < 3 || (major === 3 && minor < 2));
  if (oldPool && /has no attribute 'check_connection'|unexpected keyword argument 'check'/.test(error))
    return true;
  // Django before 5.1 has no pool: it hands OPTIONS["pool"] to the driver, which refuses it (Debian 12
  // ships Django 3.2).
  const django = (report as HarnessReport & { versions?: Record<string, string> }).versions?.django;
  const [djangoMajor = 0, djangoMinor = 0] = (django ?? '').split('.').map(Number);
  const oldDjango = django !== undefined && (djangoMajor < 5 || (djangoMajor === 5 && djangoMinor < 1));
  return oldDjango && /invalid connection option "pool"/.test(error);
}

/**
 * A fixture whose original is meant to crash says so in a comment, with the driver's own words:
 * `# driver: the unfixed file fails with "TypeError: Invalid argument(s) 'pool_size'"`. The suite
 * then requires exactly that failure from the original, and a working engine from every golden.
 */
function expectedFailure(source: string): string | null {
  const quoted = /^\s*#\s*driver: the unfixed file fails with "(.+)"\s*$/m.exec(source)?.[1];
  return quoted ? quoted.replace(/\\"/g, '"') : null;
}

describe('Python fixtures against the real drivers', () => {
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());

  for (const fixture of fixtures) {
    const name = relative(join(root, 'rules'), fixture);
    const goldens = ['fixed', 'unsafe']
      .map((kind) => fixture.replace(/\.py$/, `.${kind}.py`))
      .filter((path) => existsSync(path));
    it(`${name}: ${goldens.length ? 'the patched file still builds, connects and uses what the fix wrote' : 'the driver confirms why the rule stays silent'}`, async () => {
      const original = await harness(fixture);
      const expectation = EXPECTATIONS[ruleIdOf(fixture)];
      const crash = expectedFailure(readFileSync(fixture, 'utf8'));
      if (crash) {
        // The rule's claim: this really crashes, with these words. Every golden that changed the
        // file must then work; one that did not (no safe fix, a review-only rule) crashes the same.
        expect(original.error ?? 'no error', `${name} must fail as its comment says`).toContain(crash);
        for (const golden of goldens) {
          if (readFileSync(golden, 'utf8') === readFileSync(fixture, 'utf8')) {
            expect((await harness(golden)).error).toBe(original.error);
            continue;
          }
          const patched = await harness(golden);
          expect(patched.error ?? null, `${relative(root, golden)} fails with the real driver`).toBeNull();
          expect(patched.engines.length).toBeGreaterThan(0);
          for (const engine of patched.engines) expect(engine.select1).toBe(1);
          if (expectation) expect(patched.engines.map(expectation).filter(Boolean)).toEqual([]);
        }
        crashes.push(name);
        return;
      }
      const runsHere = original.ok && original.engines.length > 0;
      if (!runsHere) {
        // Not runnable as written: a name only the real app defines, a function never called, or a
        // driver newer than Debian's. Anything else would be a harness bug.
        if (!versionGated(original, original.error))
          expect(original.error ?? 'builds no engine').toMatch(NOT_RUNNABLE);
      } else {
        runnable.push(name);
        for (const engine of original.engines) expect(engine.select1).toBe(1);
        if (expectation && name.includes('/ok-')) {
          expect(original.engines.map(expectation).filter(Boolean)).toEqual([]);
        }
      }
      for (const golden of goldens) {
        const patched = await harness(golden);
        if (!runsHere) {
          // The fix must not make it fail differently.
          expect(patched.error ?? 'builds no engine').toBe(original.error ?? 'builds no engine');
          continue;
        }
        if (golden.endsWith('.unsafe.py') && versionGated(patched, patched.error)) continue;
        expect(patched.error ?? null, `${relative(root, golden)} fails with the real driver`).toBeNull();
        expect(patched.engines.map((e) => [e.kind, e.driver, e.poolClass])).toEqual(
          original.engines.map((e) => [e.kind, e.driver, e.poolClass]),
        );
        for (const engine of patched.engines) expect(engine.select1).toBe(1);
        // A golden holds what the fix wrote only where it differs from the input: review-only rules
        // write into the unsafe golden, and a finding without an edit writes nothing to check.
        const wrote = readFileSync(golden, 'utf8') !== readFileSync(fixture, 'utf8');
        if (expectation && wrote) expect(patched.engines.map(expectation).filter(Boolean)).toEqual([]);
      }
    }, 120_000); // a few Python processes each; slow only when the machine is loaded
  }

  // The reference's vectors, as the reference writes them: the safe patch must run wherever the
  // original runs (or crashes with a driver error), and every rule that fixed it must see its fix.
  for (const vector of PYTHON_VECTORS.filter((v) => v.file.endsWith('.py'))) {
    const file = join(root, 'tests/vectors/python', vector.file);
    const golden = join(root, 'tests/vectors/python', expectedFile(vector.file));
    it(`vector ${vector.id}: the reference's patch runs with the real drivers`, async () => {
      const original = await harness(file);
      const notRunnable =
        !original.ok && (NOT_RUNNABLE.test(original.error ?? '') || versionGated(original, original.error));
      if (!existsSync(golden)) {
        // No safe patch: the input is runnable as it is, or not runnable here at all.
        if (!notRunnable) expect(original.error ?? null).toBeNull();
        return;
      }
      const patched = await harness(golden);
      if (notRunnable || (original.ok && original.engines.length === 0)) {
        // Not runnable here either way; a patch may only fail for a version Debian lacks.
        if (!versionGated(patched, patched.error))
          expect(patched.error ?? 'builds no engine').toBe(original.error ?? 'builds no engine');
        return;
      }
      expect(patched.error ?? null, `${vector.id}: the patched vector fails with the real driver`).toBeNull();
      expect(patched.engines.length).toBeGreaterThan(0);
      for (const engine of patched.engines) expect(engine.select1).toBe(1);
      const fixedBy = Object.entries(vector.fires).filter(([, fix]) => fix === 'safe');
      for (const [id] of fixedBy) {
        const check = EXPECTATIONS[id];
        if (check) expect(patched.engines.map(check).filter(Boolean), `${vector.id}: ${id}`).toEqual([]);
      }
    }, 120_000);
  }

  it('has driver checks only for registered rules, and one for every SQLAlchemy rule', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of Object.keys(EXPECTATIONS)) expect(ids).toContain(id);
    for (const id of ids.filter((i) => i.startsWith('python.sqlalchemy.'))) {
      expect(Object.keys(EXPECTATIONS), `tests/drivers/python/checks/${id}.ts is missing`).toContain(id);
    }
  });

  it('has a driver check for every libpq, psycopg and pool rule that writes a fix', () => {
    const libpqFamily =
      /^python\.(libpq|psycopg|psycopg_pool|psycopg2_pool|asyncpg|django|flask_sqlalchemy)\./;
    const withFix = RULES.filter((r) => libpqFamily.test(r.id) && !/^none\b/.test(r.docs.fixSafety));
    expect(withFix.length).toBeGreaterThan(0);
    for (const { id } of withFix) {
      expect(Object.keys(EXPECTATIONS), `tests/drivers/python/checks/${id}.ts is missing`).toContain(id);
    }
  });

  it('runs most fixtures for real, not just a few', () => {
    expect(runnable.length, `runnable: ${runnable.join(', ')}`).toBeGreaterThanOrEqual(
      Math.ceil(fixtures.length * 0.6),
    );
  });
});
