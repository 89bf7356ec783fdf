import { type EnvironmentProfile, effectiveIdleLimit } from '../core/environment';
import { LineIndex } from '../core/line-index';
import type { Finding } from '../core/types';
import { numberOf, pgbouncerConfigOfText } from '../rules/pgbouncer/_lib/config';
import { parseConf } from '../rules/postgres/_lib/conf-lexer';
import { lastSetting } from '../rules/postgres/_lib/conf-patch';
import { GUCS, parseGucValue } from '../rules/postgres/_lib/gucs';
import { majorFromConfText } from '../rules/postgres/_lib/versions';
import type { FormatId } from '../wasm-parsers/formats';

/**
 * Several files of one deployment read together: an application's pool config, the pgbouncer.ini in
 * front of its database and that database's postgresql.conf. What the server-side files state is a
 * fact about the path the application's connections take, so it feeds the application's thresholds
 * the way the environment profile does:
 *
 * - a pgbouncer.ini among the files means the applications connect through PgBouncer (startup
 *   parameters PgBouncer refuses are reported);
 * - PgBouncer's `client_idle_timeout` closes idle application connections, and PostgreSQL's
 *   `idle_session_timeout` (14+) closes idle sessions of clients that connect directly: either is an
 *   idle limit on the path (jvm.md's L_idle lists both). It closes cleanly, so it becomes the
 *   profile's `idleCloseSeconds`, which pool bounds stay under, not `middleboxIdleSeconds`: a TCP
 *   keepalive does not reset an application-level idle timer;
 * - a major version the postgresql.conf names (Debian and RHEL paths) is the server's version.
 *
 * Conservative by construction: what the user stated explicitly wins (behindPgbouncer = false, a
 * pgMajor), an idle limit only ever lowers the threshold (the unknown-middlebox default stays when it
 * is tighter), and a file never feeds itself.
 */

/** Formats that configure the server side; every other format is read as a client of the database. */
const SERVER_FORMATS: ReadonlySet<FormatId> = new Set(['pgbouncer-ini', 'postgresql-conf', 'sysctl']);

export function isClientFormat(format: FormatId | 'unknown'): boolean {
  return format !== 'unknown' && !SERVER_FORMATS.has(format);
}

export interface ProjectFile {
  id: string;
  text: string;
  /** Detected or chosen. */
  format: FormatId | 'unknown';
  /** For messages: the file name, or a label such as "tab 2". */
  label: string;
}

export type ProjectFact =
  | { kind: 'behind-pgbouncer'; fileId: string; label: string; line: number; summary: string }
  | {
      kind: 'idle-limit';
      fileId: string;
      label: string;
      line: number;
      key: 'client_idle_timeout' | 'idle_session_timeout';
      seconds: number;
      /** Which clients the limit closes: those of PgBouncer, or those connecting to PostgreSQL directly. */
      closes: 'pgbouncer-clients' | 'direct-clients';
      summary: string;
    }
  | { kind: 'pg-major'; fileId: string; label: string; line: number; major: number; summary: string };

function lineOf(text: string, offset: number): number {
  return new LineIndex(text).position(offset).line;
}

function pgbouncerFacts(file: ProjectFile): ProjectFact[] {
  const config = pgbouncerConfigOfText(file.text);
  if (config.headers.length === 0) return [];
  const facts: ProjectFact[] = [
    {
      kind: 'behind-pgbouncer',
      fileId: file.id,
      label: file.label,
      line: lineOf(file.text, config.headers[0]?.start ?? 0),
      summary: `the applications connect through PgBouncer (${file.label})`,
    },
  ];
  const idle = config.effective.get('client_idle_timeout');
  const seconds = idle ? numberOf(config, 'client_idle_timeout') : null;
  if (idle && seconds !== null && seconds > 0) {
    facts.push({
      kind: 'idle-limit',
      fileId: file.id,
      label: file.label,
      line: lineOf(file.text, idle.line.start),
      key: 'client_idle_timeout',
      seconds: Math.max(1, Math.floor(seconds)),
      closes: 'pgbouncer-clients',
      summary: `PgBouncer closes application connections idle for ${Math.floor(seconds)} s (client_idle_timeout, ${file.label} line ${lineOf(file.text, idle.line.start)})`,
    });
  }
  return facts;
}

function postgresFacts(file: ProjectFile): ProjectFact[] {
  const conf = parseConf(file.text);
  const facts: ProjectFact[] = [];
  const idle = lastSetting(conf, 'idle_session_timeout');
  const parsed = idle ? parseGucValue(idle.value, GUCS.idle_session_timeout.unit) : null;
  if (idle && parsed && parsed.amount > 0) {
    const seconds = Math.max(1, Math.floor(parsed.amount / 1000));
    const line = lineOf(file.text, idle.nameRange.start);
    facts.push({
      kind: 'idle-limit',
      fileId: file.id,
      label: file.label,
      line,
      key: 'idle_session_timeout',
      seconds,
      closes: 'direct-clients',
      summary: `PostgreSQL ends sessions idle for ${seconds} s (idle_session_timeout, ${file.label} line ${line})`,
    });
  }
  const major = majorFromConfText(file.text);
  if (major !== undefined) {
    const at = file.text.search(new RegExp(`[/-]${major}(?:[/.]|$)`, 'm'));
    facts.push({
      kind: 'pg-major',
      fileId: file.id,
      label: file.label,
      line: at >= 0 ? lineOf(file.text, at) : 1,
      major,
      summary: `PostgreSQL ${major} (named by the paths in ${file.label})`,
    });
  }
  return facts;
}

/** The facts each server-side file states about the path; client files state none. */
export function readProjectFacts(files: readonly ProjectFile[]): ProjectFact[] {
  return files.flatMap((file) => {
    if (file.format === 'pgbouncer-ini') return pgbouncerFacts(file);
    if (file.format === 'postgresql-conf') return postgresFacts(file);
    return [];
  });
}

export interface FileEnvironment {
  environment: EnvironmentProfile;
  /** The facts that changed this file's profile, for the page and the CLI to name. */
  applied: ProjectFact[];
}

/**
 * The profile one file is read with: the user's profile plus what the other files state. A fact only
 * fills in what the user left open, or lowers the idle limit.
 */
export function environmentForFile(
  base: EnvironmentProfile,
  file: Pick<ProjectFile, 'id' | 'format'>,
  facts: readonly ProjectFact[],
): FileEnvironment {
  const others = facts.filter((f) => f.fileId !== file.id);
  const environment: EnvironmentProfile = { ...base };
  const applied: ProjectFact[] = [];

  const major = others.find((f) => f.kind === 'pg-major');
  if (major && base.pgMajor === undefined) {
    environment.pgMajor = major.major;
    applied.push(major);
  }
  if (!isClientFormat(file.format)) return { environment, applied };

  const pgbouncer = others.find((f) => f.kind === 'behind-pgbouncer');
  if (pgbouncer && base.behindPgbouncer === undefined) {
    environment.behindPgbouncer = true;
    applied.push(pgbouncer);
  }
  // With PgBouncer in between, the server's idle_session_timeout ends PgBouncer's sessions, not the
  // application's; without it, PgBouncer's client_idle_timeout closes nothing of this application.
  const through = environment.behindPgbouncer === true;
  const limits = others.filter(
    (f): f is Extract<ProjectFact, { kind: 'idle-limit' }> =>
      f.kind === 'idle-limit' && (f.closes === 'pgbouncer-clients') === through,
  );
  const current = effectiveIdleLimit(base).seconds;
  const tightest = limits.reduce<(typeof limits)[number] | undefined>(
    (best, f) => (best === undefined || f.seconds < best.seconds ? f : best),
    undefined,
  );
  if (tightest && tightest.seconds < current) {
    // A clean close, not a middlebox: pool bounds stay under it, keepalive timers do not chase it.
    environment.idleCloseSeconds = tightest.seconds;
    environment.idleCloseSource = `${tightest.key} in ${tightest.label} line ${tightest.line}`;
    applied.push(tightest);
  }
  return { environment, applied };
}

/**
 * Findings that exist only because of the other files: present when the file is read with the facts,
 * absent (no finding of the same rule on the same line) when it is read with the user's profile alone.
 * A finding both readings have, whose numbers the facts changed, is not one of them.
 */
export function crossFileFindingIds(
  alone: readonly Pick<Finding, 'ruleId' | 'line'>[],
  together: readonly Pick<Finding, 'id' | 'ruleId' | 'line'>[],
): string[] {
  const seen = new Set(alone.map((f) => `${f.ruleId}\0${f.line}`));
  return together.filter((f) => !seen.has(`${f.ruleId}\0${f.line}`)).map((f) => f.id);
}
