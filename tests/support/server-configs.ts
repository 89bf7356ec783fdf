/**
 * Shared pieces of the real-server proofs (tests/servers): finding the pgbouncer.ini and
 * postgresql.conf fixtures with their goldens, and two small readers, written independently of the
 * rules' own lexers, that say which value each file makes effective.
 *
 * - pgbouncer.ini mirrors PgBouncer's lib/usual/cfparser.c: a comment is a whole line starting with
 *   `;` or `#`, there are no inline comments, the value runs to the end of the line with trailing
 *   blanks trimmed, keys are case-sensitive, the last assignment wins and every `[pgbouncer]` header
 *   resets the section to its defaults.
 * - postgresql.conf mirrors guc-file.l: `#` starts a comment outside quotes, `name [=] value`, names are
 *   case-insensitive, quoted values are unescaped (`''` and backslash escapes), the last occurrence wins.
 *   Include directives are not settings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { type EnvironmentProfile, parseEnvironmentAssignments } from '../../core/environment';
import { compareVersions } from '../../rules/jvm/_lib/versions';

export const root = new URL('../..', import.meta.url).pathname;

export type Stack = 'pgbouncer' | 'postgres';

export interface Golden {
  kind: 'fixed' | 'unsafe';
  path: string;
  text: string;
}

export interface ServerFixture {
  /** Path relative to the repository, for test names. */
  name: string;
  path: string;
  text: string;
  environment: EnvironmentProfile;
  /** The rule whose folder holds the fixture (`pgbouncer.boolean-word`), or null for vectors and examples. */
  ruleId: string | null;
  /** Hand-written examples of tests/servers/examples check the harness itself, not a rule. */
  example: boolean;
  goldens: Golden[];
}

const IS_INPUT: Record<Stack, RegExp> = {
  pgbouncer: /pgbouncer[\w.-]*\.ini$/,
  postgres: /postgresql[\w.-]*\.conf$/,
};

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function goldenPath(path: string, kind: Golden['kind']): string {
  const dot = path.lastIndexOf('.');
  return `${path.slice(0, dot)}.${kind}${path.slice(dot)}`;
}

export function environmentOf(path: string): EnvironmentProfile {
  const file = `${path.slice(0, path.lastIndexOf('.'))}.environment`;
  if (!existsSync(file)) return {};
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return parseEnvironmentAssignments(lines);
}

function ruleIdOf(path: string): string | null {
  const rel = relative(join(root, 'rules'), path);
  if (rel.startsWith('..') || !rel.includes('/fixtures/')) return null;
  return rel.split('/fixtures/')[0]?.split('/').join('.') ?? null;
}

/**
 * Every input of the stack that has a golden: rule fixtures (`rules/<stack>/<rule>/fixtures/ng-*`),
 * vectors (`rules/<stack>/_vectors/`) and the harness's own examples; with `withoutGoldens`, the ok-*
 * fixtures too. Configs embedded in YAML are left to the vectors tests.
 */
export function serverFixtures(stack: Stack, options: { withoutGoldens?: boolean } = {}): ServerFixture[] {
  const paths = [...walk(join(root, 'rules', stack)), ...walk(join(root, 'tests/servers/examples'))];
  const out: ServerFixture[] = [];
  for (const path of paths) {
    const name = basename(path);
    if (!IS_INPUT[stack].test(name) || /\.(fixed|unsafe)\.[^.]+$/.test(name)) continue;
    const goldens: Golden[] = [];
    for (const kind of ['fixed', 'unsafe'] as const) {
      const golden = goldenPath(path, kind);
      if (existsSync(golden)) goldens.push({ kind, path: golden, text: readFileSync(golden, 'utf8') });
    }
    if (goldens.length === 0 && !options.withoutGoldens) continue;
    out.push({
      name: relative(root, path),
      path,
      text: readFileSync(path, 'utf8'),
      environment: environmentOf(path),
      ruleId: ruleIdOf(path),
      example: dirname(path).startsWith(join(root, 'tests/servers/examples')),
      goldens,
    });
  }
  return out;
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** The effective `[pgbouncer]` settings of a pgbouncer.ini (includes are not followed). */
export function pgbouncerSettings(text: string): Map<string, string> {
  const settings = new Map<string, string>();
  let section: string | null = null;
  for (const raw of lines(text)) {
    // `.` stops at a carriage return: CRLF lines are read without it (cfparser trims it as a blank).
    const line = raw.replace(/^\s+/, '').replace(/\r$/, '');
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    if (/^%include[ \t]/.test(line)) continue;
    if (line.startsWith('[')) {
      const end = line.indexOf(']');
      section = end < 0 ? null : line.slice(1, end);
      if (section === 'pgbouncer') settings.clear();
      continue;
    }
    const match = /^([A-Za-z0-9_.*-]*)[ \t]*=[ \t]*(.*)$/.exec(line);
    if (!match || section !== 'pgbouncer') continue;
    settings.set(match[1] ?? '', (match[2] ?? '').replace(/\s+$/, ''));
  }
  return settings;
}

const PG_INCLUDE = /^(include|include_if_exists|include_dir)$/;

/** One postgresql.conf line: its name (lower case) and value (unquoted), or null for comments. */
export function postgresLine(raw: string): { name: string; value: string } | null {
  const match =
    /^\s*([A-Za-z_\x80-\xff][\w$\x80-\xff]*(?:\.[A-Za-z_\x80-\xff][\w$\x80-\xff]*)?)\s*=?\s*(.*)$/.exec(raw);
  if (!match) return null;
  const rest = match[2] ?? '';
  let value = '';
  if (rest.startsWith("'")) {
    let i = 1;
    while (i < rest.length) {
      const c = rest[i];
      if (c === '\\' && i + 1 < rest.length) {
        const next = rest[i + 1] ?? '';
        value += { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[next] ?? next;
        i += 2;
      } else if (c === "'" && rest[i + 1] === "'") {
        value += "'";
        i += 2;
      } else if (c === "'") {
        break;
      } else {
        value += c;
        i += 1;
      }
    }
  } else {
    value = (rest.split('#')[0] ?? '').trim();
  }
  return { name: (match[1] ?? '').toLowerCase(), value };
}

/** The effective settings of one postgresql.conf (includes are not followed). */
export function postgresSettings(text: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const raw of lines(text)) {
    const parsed = postgresLine(raw.replace(/\r$/, ''));
    if (!parsed || PG_INCLUDE.test(parsed.name)) continue;
    settings.set(parsed.name, parsed.value);
  }
  return settings;
}

/** Keys whose effective value differs between two readings (set, changed or removed). */
export function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** True when `version` is known and newer than `than` (`1.25` vs `1.18`). */
export function versionAbove(version: string | undefined, than: string): boolean {
  return version !== undefined && compareVersions(version, than) > 0;
}
