/**
 * How PgBouncer reads a `[pgbouncer]` value (libusual cfparser.c setters): integers with
 * `strtol(value, &end, 0)` (so `010` is 8, `0x1e` is 30, a trailing word is rejected), times with
 * `strtod` as non-negative decimal seconds, enums case-insensitively, strings as written.
 */

/** Keys whose value is an integer 0/1 switch: a word such as `on` is rejected by strtol. */
export const BOOLEAN_KEYS: ReadonlySet<string> = new Set([
  'tcp_keepalive',
  'server_fast_close',
  'server_reset_query_always',
  'server_round_robin',
  'disable_pqexec',
  'application_name_add_host',
  'log_connections',
  'log_disconnections',
  'log_pooler_errors',
  'log_stats',
  'so_reuseport',
  'syslog',
]);

/** Keys whose value is SQL: a `;` or `#` there may be SQL, not a comment. */
export const SQL_KEYS: ReadonlySet<string> = new Set([
  'server_check_query',
  'server_reset_query',
  'auth_query',
]);

/** Time keys stored as integers (seconds, or milliseconds for tcp_user_timeout). */
const INTEGER_TIME_KEYS: ReadonlySet<string> = new Set([
  'tcp_keepidle',
  'tcp_keepintvl',
  'tcp_user_timeout',
  'stats_period',
]);

/** `*_timeout`, `*_lifetime`, `*_retry`, `*_delay`, `*_ttl`, `*_period`, plus the keepalive timers. */
export function isTimeKey(key: string): boolean {
  return (
    /_(timeout|lifetime|retry|delay|ttl|period)$/.test(key) ||
    key === 'tcp_keepidle' ||
    key === 'tcp_keepintvl'
  );
}

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  us: 1e-6,
  ms: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
};

const WITH_UNIT = /^(\d+(?:\.\d+)?|\.\d+)[ \t]*([A-Za-z]+)$/;

function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/**
 * A time value written with a unit (`2min`, `30s`, `500ms`): the plain number PgBouncer reads
 * (seconds; milliseconds for tcp_user_timeout), or `text: null` when the key takes integers and the
 * conversion is fractional. Null when the value has no (known) unit.
 */
export function unitValue(key: string, value: string): { text: string | null; unit: string } | null {
  if (!isTimeKey(key)) return null;
  const m = WITH_UNIT.exec(value);
  if (!m) return null;
  const factor = UNIT_SECONDS[(m[2] ?? '').toLowerCase()];
  if (factor === undefined) return null;
  const seconds = Number(m[1]) * factor;
  const n = key === 'tcp_user_timeout' ? seconds * 1000 : seconds;
  const rounded = Number(n.toPrecision(12));
  if (INTEGER_TIME_KEYS.has(key) && !Number.isInteger(rounded)) return { text: null, unit: m[2] ?? '' };
  return { text: formatNumber(rounded), unit: m[2] ?? '' };
}

const WORDS: Readonly<Record<string, string>> = {
  on: '1',
  yes: '1',
  true: '1',
  off: '0',
  no: '0',
  false: '0',
};

/** `1`/`0` for a boolean word on a 0/1 key; null otherwise. */
export function booleanWordValue(key: string, value: string): string | null {
  if (!BOOLEAN_KEYS.has(key)) return null;
  return WORDS[value.toLowerCase()] ?? null;
}

/** C `strtol(value, &end, 0)` accepting the whole string, or null when PgBouncer would reject it. */
export function parseCInteger(value: string): number | null {
  const m = /^[ \t]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(value);
  if (!m) return null;
  const digits = m[2] ?? '';
  const n = /^0[xX]/.test(digits)
    ? Number.parseInt(digits.slice(2), 16)
    : digits.startsWith('0')
      ? Number.parseInt(digits, 8)
      : Number.parseInt(digits, 10);
  return m[1] === '-' ? -n : n;
}

/** cfparser's `parse_time`: a non-negative decimal number of seconds, or null. */
export function parseSeconds(value: string): number | null {
  if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Reads a value as the key's setter would: integer keys via strtol, the rest as seconds. */
export function numericValue(key: string, value: string): number | null {
  const integer =
    key.startsWith('tcp_') ||
    BOOLEAN_KEYS.has(key) ||
    key === 'listen_backlog' ||
    key === 'max_prepared_statements' ||
    key === 'stats_period';
  return integer ? parseCInteger(value) : parseSeconds(value);
}
