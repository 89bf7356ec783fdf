/**
 * The checks the real-server suites share (tests/servers): start the server with an original config
 * and with its patched version, and compare what the server reports with what the files say.
 *
 * For one original and its patched files:
 * - keys a server of this version does not know are commented out before starting. In the original
 *   that is just noted; a patched file may hold one only when the rule may write it: the environment
 *   names a newer version, or the version is unknown and the file holds review fixes (`.unsafe`).
 *   Otherwise the fix wrote a key the assumed version lacks, which fails.
 * - the original: if the server refuses it, the engine must have said so (a finding of severity
 *   `error`); if it loads, the server's values for the keys the fix changes must be the original's
 *   (so the reader and the unit reading are right), and no finding may claim it cannot load.
 * - every patched file must start, and for every key whose effective value differs from the
 *   original's, the server must report the patched value in its own unit.
 */
import { basename } from 'node:path';
import { expect } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import { engine } from './engine';
import { osKeepaliveDefaults, PG_MAJOR, PG_OWNED, type PgConfigServer, pgMismatch } from './pg-config-server';
import { PGBOUNCER_OWNED, type PgBouncerRunner, pgbouncerMismatch } from './pgbouncer';
import { changedKeys, pgbouncerSettings, postgresSettings, type Stack, versionAbove } from './server-configs';

/** Findings of these rules mean the file cannot load, whatever the key. */
const CANNOT_LOAD = new Set([
  'pgbouncer.time-unit-suffix',
  'pgbouncer.boolean-word',
  'postgres.unquoted-unit-value',
]);

/**
 * Millisecond timeouts (PostgreSQL GUCs, PgBouncer's tcp_user_timeout): a patched value between 0 and
 * 1 s is a number meant in seconds (`30` read as 30 ms), which the unit rules exist to catch.
 */
const MS_TIMEOUTS = new Set([
  'tcp_user_timeout',
  'client_connection_check_interval',
  'idle_session_timeout',
  'idle_in_transaction_session_timeout',
  'statement_timeout',
  'lock_timeout',
]);

function subSecond(ms: number): string | null {
  return ms > 0 && ms < 1000 ? `the patched file leaves ${ms} ms: a value meant in seconds?` : null;
}

export interface Patched {
  kind: 'fixed' | 'unsafe';
  text: string;
}

export interface ProofCase {
  /** For messages: the fixture's path. */
  label: string;
  /** The file name the engine sees (format detection). */
  filename: string;
  original: string;
  patched: Patched[];
  environment: EnvironmentProfile;
  /**
   * Whether the original must load: `'engine'` asks the engine (all rules, the fixture's
   * environment); a boolean states it (hand-written examples that do not depend on the rules).
   */
  originalLoads: 'engine' | boolean;
}

/** What a proof did, for the test's own assertions (and notes in messages). */
export interface ProofReport {
  originalError: string | null;
  dropped: string[];
  compared: string[];
}

async function engineSays(c: ProofCase): Promise<{ cannotLoad: string[]; errors: string[] }> {
  const result = await engine.analyse(c.original, {
    filename: basename(c.filename),
    environment: c.environment,
  });
  const describe = (f: { ruleId: string; line: number; message: string }) =>
    `${f.ruleId} (line ${f.line + 1}): ${f.message}`;
  return {
    cannotLoad: result.findings.filter((f) => CANNOT_LOAD.has(f.ruleId)).map(describe),
    errors: result.findings.filter((f) => f.severity === 'error').map(describe),
  };
}

/** Keys to comment out before starting, and problems with keys a fix wrote that the server lacks. */
function unknownKeys(
  c: ProofCase,
  stack: Stack,
  settings: (text: string) => Map<string, string>,
  knows: (key: string) => boolean,
): { drop: Set<string>; problems: string[] } {
  const before = settings(c.original);
  const drop = new Set([...before.keys()].filter((k) => !knows(k)));
  const problems: string[] = [];
  const version = stack === 'postgres' ? c.environment.pgMajor : c.environment.pgbouncerVersion;
  const newer =
    stack === 'postgres'
      ? c.environment.pgMajor !== undefined && c.environment.pgMajor > PG_MAJOR
      : versionAbove(c.environment.pgbouncerVersion, '1.18');
  for (const p of c.patched) {
    for (const key of settings(p.text).keys()) {
      if (knows(key)) continue;
      drop.add(key);
      if (before.has(key) || newer || (version === undefined && p.kind === 'unsafe')) continue;
      problems.push(
        `the ${p.kind} file sets ${key}, which ${stack === 'postgres' ? `PostgreSQL ${PG_MAJOR}` : 'PgBouncer 1.18'} does not know, ` +
          `while the environment says ${version === undefined ? 'nothing about the version' : `version ${version}`}`,
      );
    }
  }
  return { drop, problems };
}

async function proveOriginal(c: ProofCase, serverError: string | null, server: string): Promise<void> {
  if (c.originalLoads === 'engine') {
    const says = await engineSays(c);
    if (serverError !== null) {
      expect(
        says.errors.length,
        `${c.label}: ${server} refuses the original, but the engine reports no error-severity finding.\nServer: ${serverError}`,
      ).toBeGreaterThan(0);
    } else {
      expect(
        says.cannotLoad,
        `${c.label}: ${server} loads the original, but findings claim it cannot`,
      ).toEqual([]);
    }
  } else {
    expect(
      serverError === null,
      `${c.label}: the original should ${c.originalLoads ? 'load' : 'be refused'}; server: ${serverError ?? 'loaded it'}`,
    ).toBe(c.originalLoads);
  }
}

export async function provePostgres(pg: PgConfigServer, c: ProofCase): Promise<ProofReport> {
  const os = osKeepaliveDefaults();
  const { drop, problems } = unknownKeys(c, 'postgres', postgresSettings, (k) => pg.knows(k));
  expect(problems, `${c.label}: ${problems.join('; ')}`).toEqual([]);
  const before = postgresSettings(c.original);
  const changed = (text: string) =>
    changedKeys(before, postgresSettings(text)).filter((k) => !PG_OWNED.has(k) && !drop.has(k));
  const allChanged = [...new Set(c.patched.flatMap((p) => changed(p.text)))].sort();

  const originalError = pg.check(c.original, drop);
  await proveOriginal(c, originalError, `PostgreSQL ${PG_MAJOR}`);
  if (originalError === null) {
    const started = await pg.start(c.original, allChanged, drop);
    expect(
      started.ok,
      `${c.label}: the original loads (postgres -C) but does not start: ${started.ok ? '' : started.error}`,
    ).toBe(true);
    if (started.ok) {
      for (const key of allChanged) {
        const s = started.settings.get(key);
        expect(s, `${c.label}: pg_settings has no ${key}`).toBeDefined();
        if (s) expect(pgMismatch(before.get(key), s, os), `${c.label}, original, ${key}`).toBeNull();
      }
    }
  }
  const seen = new Set<string>();
  for (const p of c.patched) {
    if (seen.has(p.text)) continue;
    seen.add(p.text);
    const after = postgresSettings(p.text);
    const keys = changed(p.text);
    const started = await pg.start(p.text, keys, drop);
    expect(
      started.ok,
      `${c.label}: the ${p.kind} file does not start on PostgreSQL ${PG_MAJOR}: ${started.ok ? '' : started.error}` +
        (originalError ? `\n(the original failed too: ${originalError})` : ''),
    ).toBe(true);
    if (!started.ok) continue;
    for (const key of keys) {
      const s = started.settings.get(key);
      expect(s, `${c.label}: pg_settings has no ${key}`).toBeDefined();
      if (s) expect(pgMismatch(after.get(key), s, os), `${c.label}, ${p.kind}, ${key}`).toBeNull();
      if (s && s.unit === 'ms' && MS_TIMEOUTS.has(key))
        expect(subSecond(Number(s.setting)), `${c.label}, ${p.kind}, ${key}`).toBeNull();
    }
  }
  return { originalError, dropped: [...drop], compared: allChanged };
}

export async function provePgBouncer(pgb: PgBouncerRunner, c: ProofCase): Promise<ProofReport> {
  const { drop, problems } = unknownKeys(c, 'pgbouncer', pgbouncerSettings, (k) => pgb.knows(k));
  expect(problems, `${c.label}: ${problems.join('; ')}`).toEqual([]);
  const before = pgbouncerSettings(c.original);
  const changed = (text: string) =>
    changedKeys(before, pgbouncerSettings(text)).filter((k) => !PGBOUNCER_OWNED.has(k) && !drop.has(k));
  const allChanged = [...new Set(c.patched.flatMap((p) => changed(p.text)))].sort();

  const original = await pgb.run(c.original, drop);
  const originalError = original.ok ? null : original.error;
  await proveOriginal(c, originalError, `PgBouncer ${pgb.version}`);
  if (original.ok) {
    for (const key of allChanged) {
      const shown = original.config.get(key);
      expect(shown, `${c.label}: SHOW CONFIG has no ${key}`).toBeDefined();
      if (shown) expect(pgbouncerMismatch(before.get(key), shown), `${c.label}, original, ${key}`).toBeNull();
    }
  }
  const seen = new Set<string>();
  for (const p of c.patched) {
    if (seen.has(p.text)) continue;
    seen.add(p.text);
    const after = pgbouncerSettings(p.text);
    const started = await pgb.run(p.text, drop);
    expect(
      started.ok,
      `${c.label}: the ${p.kind} file does not start on PgBouncer ${pgb.version}: ${started.ok ? '' : started.error}` +
        (originalError ? `\n(the original failed too: ${originalError})` : ''),
    ).toBe(true);
    if (!started.ok) continue;
    for (const key of changed(p.text)) {
      const shown = started.config.get(key);
      expect(shown, `${c.label}: SHOW CONFIG has no ${key}`).toBeDefined();
      if (shown) expect(pgbouncerMismatch(after.get(key), shown), `${c.label}, ${p.kind}, ${key}`).toBeNull();
      if (shown && key === 'tcp_user_timeout') {
        expect(subSecond(Number(shown.value)), `${c.label}, ${p.kind}, ${key}`).toBeNull();
      }
    }
  }
  return { originalError, dropped: [...drop], compared: allChanged };
}
