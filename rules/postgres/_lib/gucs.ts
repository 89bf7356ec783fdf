/**
 * The PostgreSQL settings this catalog reads, with the unit a bare number is taken in and the first
 * major version that knows them (reference server-network.md §1.2; PostgreSQL `guc_parameters.dat`).
 * A setting newer than the server stops the postmaster at start, so rules gate writes on `since`.
 */

export type BaseUnit = 's' | 'ms' | 'none';

export interface GucInfo {
  name: string;
  unit: BaseUnit;
  /** First major version with the setting (9.6 is written 9.6). */
  since: number;
}

export const GUCS = {
  tcp_keepalives_idle: { name: 'tcp_keepalives_idle', unit: 's', since: 8.1 },
  tcp_keepalives_interval: { name: 'tcp_keepalives_interval', unit: 's', since: 8.1 },
  tcp_keepalives_count: { name: 'tcp_keepalives_count', unit: 'none', since: 8.1 },
  tcp_user_timeout: { name: 'tcp_user_timeout', unit: 'ms', since: 12 },
  client_connection_check_interval: { name: 'client_connection_check_interval', unit: 'ms', since: 14 },
  idle_session_timeout: { name: 'idle_session_timeout', unit: 'ms', since: 14 },
  idle_in_transaction_session_timeout: {
    name: 'idle_in_transaction_session_timeout',
    unit: 'ms',
    since: 9.6,
  },
  statement_timeout: { name: 'statement_timeout', unit: 'ms', since: 7.3 },
  transaction_timeout: { name: 'transaction_timeout', unit: 'ms', since: 17 },
} as const satisfies Record<string, GucInfo>;

export type GucName = keyof typeof GUCS;

/** The settings whose bare numbers are milliseconds (rule 28 reads them). */
export const MS_GUCS: readonly GucName[] = (Object.keys(GUCS) as GucName[]).filter(
  (k) => GUCS[k].unit === 'ms',
);

/** Keys the rules of this catalog read and write (rule 31 watches what an include may override). */
export const MANAGED_KEYS: readonly string[] = [
  'tcp_keepalives_idle',
  'tcp_keepalives_interval',
  'tcp_keepalives_count',
  'tcp_user_timeout',
  'client_connection_check_interval',
  'statement_timeout',
  'idle_session_timeout',
  'idle_in_transaction_session_timeout',
  'transaction_timeout',
];

/** PostgreSQL's time units (guc.c `time_unit_conversion_table`), in milliseconds. Case-sensitive. */
const TIME_UNITS: Record<string, number> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Memory units are legal after a number too (`64MB`), so rule 29 knows them as units. */
export const UNIT_WORDS = new Set([...Object.keys(TIME_UNITS), 'B', 'kB', 'MB', 'GB', 'TB']);

const NUMBER_WITH_UNIT =
  /^\s*([-+]?(?:0x[0-9a-fA-F]+|\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z]*)\s*$/;

export interface ParsedValue {
  /** In milliseconds for time settings, the plain number for counts. */
  amount: number;
  /** Whether the text carries a unit (`30s`), which a rewrite keeps. */
  hasUnit: boolean;
}

/**
 * Reads a value as PostgreSQL's `parse_int` would for the given base unit: a number, optional
 * blanks, an optional unit. Null when the text is not a number (an `on`, a `${VAR}`): then nothing
 * is known and rules leave the value alone.
 */
export function parseGucValue(value: string, unit: BaseUnit): ParsedValue | null {
  const m = NUMBER_WITH_UNIT.exec(value);
  if (!m) return null;
  const [, num = '', u = ''] = m;
  const n = /^[-+]?0x/i.test(num) ? Number.parseInt(num, 16) : Number(num);
  if (!Number.isFinite(n)) return null;
  if (unit === 'none') return u === '' ? { amount: n, hasUnit: false } : null;
  if (u === '') return { amount: unit === 's' ? n * 1000 : n, hasUnit: false };
  const factor = TIME_UNITS[u];
  if (factor === undefined) return null;
  return { amount: n * factor, hasUnit: true };
}

/** What a fix writes: a duration in milliseconds, or a count. */
export interface WantedValue {
  key: GucName;
  /** Milliseconds for time settings, the number for counts. */
  amount: number;
  /** Write whole seconds (`600s`) rather than the largest unit (`10min`). */
  seconds?: boolean;
}

/**
 * The value text for a setting: counts bare; seconds settings bare unless the value being replaced
 * carried a unit; millisecond settings always with a unit (`30s`), so nobody reads `30000` as seconds.
 */
export function renderValue(wanted: WantedValue, keepUnit: boolean): string {
  const info: GucInfo = GUCS[wanted.key];
  if (info.unit === 'none') return String(wanted.amount);
  const ms = wanted.amount;
  if (info.unit === 's' && !keepUnit) return String(Math.round(ms / 1000));
  if (!wanted.seconds && ms % 60_000 === 0 && ms >= 300_000) return `${ms / 60_000}min`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** `30 s`, `5 min`: a duration for messages. */
export function describeMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}
