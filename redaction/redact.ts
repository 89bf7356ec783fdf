import { LineIndex } from '../core/line-index';
import { markRedacted, type RedactedText } from '../core/redacted';
import type { Utf16Range } from '../core/types';

export type RedactionKind = 'password';

export interface Redaction {
  kind: RedactionKind;
  /** Which detector found it, e.g. `uri-userinfo-password`. */
  detector: string;
  range: Utf16Range;
  line: number;
  column: number;
  length: number;
  placeholder: string;
}

export interface RedactionResult {
  text: RedactedText;
  redactions: Redaction[];
}

export const PLACEHOLDER = '<redacted>';

/**
 * Values that stand for a secret without being one: environment references, template variables,
 * f-string fields, `<password>` placeholders, masks, and our own placeholder (so redaction is idempotent).
 */
const REFERENCE =
  /^(\$\{[^}]*\}|\$[A-Za-z_]\w*|\{\{.*\}\}|\{[\w.[\]'"()]*\}|<[^<>]*>|%\([\w]+\)s|%s|\*+|x{3,}|\.\.\.)$/i;

export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}

interface Detector {
  id: string;
  kind: RedactionKind;
  pattern: RegExp;
  /** Capture group index of the secret. */
  group: number;
}

/**
 * Connection-string password detectors. Each regex must use the `d` flag so the secret's exact
 * indices are known. The broader catalog (tokens, keys, identifiers) is its own issue.
 */
const DETECTORS: readonly Detector[] = [
  {
    // scheme://user:password@host — any scheme: postgresql+asyncpg, jdbc:postgresql, redis, amqp…
    // The password may contain '@' (the last '@' before the host ends it) but not '/', quotes or spaces.
    id: 'uri-userinfo-password',
    kind: 'password',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@'"`]*:([^\s/'"`]+)@[^\s@/?#'"`]/dgi,
    group: 1,
  },
  {
    // ...?user=app&password=secret (JDBC URLs, libpq URIs)
    id: 'uri-query-password',
    kind: 'password',
    pattern: /[?&;](?:password|pass|pwd)=([^&\s'"`#;]+)/dgi,
    group: 1,
  },
  {
    // libpq key=value DSN: password='with spaces' or password=bare
    id: 'libpq-keyword-password',
    kind: 'password',
    pattern: /(?:^|[\s'"`])password\s*=\s*('(?:[^'\\]|\\.)*'|[^\s'"`]+)/dgim,
    group: 1,
  },
  {
    // PGPASSWORD=secret in shells, .env files, compose files
    id: 'pgpassword-env',
    kind: 'password',
    pattern: /\bPGPASSWORD\s*[=:]\s*["']?([^\s"']+)/dg,
    group: 1,
  },
  {
    // password="secret", "password": "secret", password: 'secret' in code and config
    id: 'quoted-password-assignment',
    kind: 'password',
    pattern: /\b(?:password|passwd|db_password|db_pass)["']?\s*[:=]\s*(["'])((?:(?!\1)[^\\\n]|\\.)+)\1/dgi,
    group: 2,
  },
];

const LIBPQ_KEY =
  '(?:host|hostaddr|dbname|user|port|sslmode|connect_timeout|application_name|options|target_session_attrs)';
const LIBPQ_NEIGHBOUR_BEFORE = new RegExp(
  `\\b${LIBPQ_KEY}\\s*=\\s*(?:'(?:[^'\\\\]|\\\\.)*'|[^\\s',()]+)\\s+$`,
);
const LIBPQ_NEIGHBOUR_AFTER = new RegExp(`^\\s+${LIBPQ_KEY}\\s*=`);

/**
 * A libpq DSN separates `key=value` pairs by spaces inside one string; Python keyword arguments are
 * separated by commas. Only a password with a libpq neighbour counts, so `password=pw_var` is kept.
 */
function libpqLooksLikeDsn(text: string, keyStart: number, valueEnd: number): boolean {
  const before = text.slice(Math.max(0, keyStart - 300), keyStart);
  const after = text.slice(valueEnd, valueEnd + 100);
  return LIBPQ_NEIGHBOUR_BEFORE.test(before) || LIBPQ_NEIGHBOUR_AFTER.test(after);
}

/** Finds connection-string secrets and replaces each with a placeholder. Never throws. */
export function redact(input: string): RedactionResult {
  const found: Array<{ start: number; end: number; detector: Detector }> = [];
  for (const detector of DETECTORS) {
    detector.pattern.lastIndex = 0;
    for (const match of input.matchAll(detector.pattern)) {
      const indices = match.indices?.[detector.group];
      const value = match[detector.group];
      if (!indices || value === undefined) continue;
      let [start, end] = indices;
      let secret = value;
      if (detector.id === 'libpq-keyword-password') {
        const keyStart = (match.index ?? 0) + match[0].search(/password/i);
        if (!libpqLooksLikeDsn(input, keyStart, end)) continue;
        if (secret.startsWith("'") && secret.endsWith("'") && secret.length >= 2) {
          start += 1;
          end -= 1;
          secret = secret.slice(1, -1);
        }
      }
      if (secret.length === 0 || isReference(secret) || secret === PLACEHOLDER) continue;
      found.push({ start, end, detector });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const f of found) {
    const prev = kept[kept.length - 1];
    if (prev && f.start < prev.end) continue;
    kept.push(f);
  }
  const lines = new LineIndex(input);
  let out = '';
  let cursor = 0;
  const redactions: Redaction[] = [];
  for (const f of kept) {
    out += input.slice(cursor, f.start) + PLACEHOLDER;
    cursor = f.end;
    const pos = lines.position(f.start);
    redactions.push({
      kind: f.detector.kind,
      detector: f.detector.id,
      range: { start: f.start, end: f.end },
      line: pos.line,
      column: pos.column,
      length: f.end - f.start,
      placeholder: PLACEHOLDER,
    });
  }
  out += input.slice(cursor);
  return { text: markRedacted(out), redactions };
}
