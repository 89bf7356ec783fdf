import type { TextEdit, Utf16Range } from '../../core/types';

/**
 * Database connection strings as they appear in configs: URIs (`postgresql+asyncpg://u:p@h:5432/db?k=v`,
 * `jdbc:postgresql://h/db?k=v`) and libpq key=value DSNs (`host=db keepalives_idle=30`). Parsing keeps
 * the offset of every part, so fixes edit a parameter in place and leave the rest byte for byte.
 * Offsets are relative to the start of the string given; callers add the offset of the string's content.
 */

export interface Param {
  key: string;
  value: string;
  /** The whole `key=value`, without the separator before it. */
  range: Utf16Range;
  valueRange: Utf16Range;
}

export interface HostPort {
  host: string;
  port?: string;
}

export interface ParsedUri {
  kind: 'uri';
  /** Everything before `://`, e.g. `postgresql+asyncpg` or `jdbc:postgresql`. */
  scheme: string;
  /** `postgresql`, `postgres`, `mysql`… (for `jdbc:postgresql`, `postgresql`). */
  dialect: string;
  /** SQLAlchemy's `+driver`, if any. */
  driver?: string;
  hosts: HostPort[];
  database?: string;
  params: Param[];
  /** Offset where a new parameter goes: after the last one, or at the end of the path (then with `?`). */
  queryEnd: number;
  hasQuery: boolean;
}

export interface ParsedDsn {
  kind: 'dsn';
  params: Param[];
  end: number;
}

export type ParsedConnectionString = ParsedUri | ParsedDsn;

const URI = /^([a-z][a-z0-9+.:-]*):\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i;

function splitHosts(authority: string): HostPort[] {
  const at = authority.lastIndexOf('@');
  const hostPart = at >= 0 ? authority.slice(at + 1) : authority;
  if (hostPart === '') return [];
  return hostPart.split(',').map((entry) => {
    const ipv6 = /^\[([^\]]+)\](?::(\d*))?$/.exec(entry);
    if (ipv6) return { host: ipv6[1] ?? '', port: ipv6[2] || undefined };
    const colon = entry.lastIndexOf(':');
    return colon >= 0
      ? { host: entry.slice(0, colon), port: entry.slice(colon + 1) || undefined }
      : { host: entry };
  });
}

export function parseUri(text: string): ParsedUri | null {
  const match = URI.exec(text);
  if (!match) return null;
  const scheme = match[1] ?? '';
  const authority = match[2] ?? '';
  const path = match[3] ?? '';
  const query = match[4] ?? '';
  const base = scheme.replace(/^jdbc:/i, '');
  const [dialect = '', driver] = base.split('+');
  const queryStart = scheme.length + 3 + authority.length + path.length;
  const params: Param[] = [];
  if (query.length > 1) {
    let offset = queryStart + 1;
    for (const part of query.slice(1).split('&')) {
      const eq = part.indexOf('=');
      const key = decodeURIComponent(eq >= 0 ? part.slice(0, eq) : part);
      const value = eq >= 0 ? part.slice(eq + 1) : '';
      if (part.length > 0) {
        params.push({
          key,
          value: safeDecode(value),
          range: { start: offset, end: offset + part.length },
          valueRange: { start: offset + (eq >= 0 ? eq + 1 : part.length), end: offset + part.length },
        });
      }
      offset += part.length + 1;
    }
  }
  return {
    kind: 'uri',
    scheme,
    dialect: dialect.toLowerCase(),
    driver: driver?.toLowerCase(),
    hosts: splitHosts(authority),
    database: path.length > 1 ? safeDecode(path.slice(1)) : undefined,
    params,
    queryEnd: queryStart + query.length,
    hasQuery: query.length > 0,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** libpq `key=value` pairs separated by whitespace; values may be single-quoted with `\` escapes. */
export function parseDsn(text: string): ParsedDsn | null {
  const params: Param[] = [];
  const pair = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)/y;
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  };
  skipSpace();
  while (i < text.length) {
    pair.lastIndex = i;
    const m = pair.exec(text);
    if (!m) return null;
    const raw = m[2] ?? '';
    const valueStart = i + m[0].length - raw.length;
    const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    params.push({
      key: m[1] ?? '',
      value,
      range: { start: i, end: i + m[0].length },
      valueRange: { start: valueStart, end: valueStart + raw.length },
    });
    i += m[0].length;
    skipSpace();
  }
  return params.length > 0 ? { kind: 'dsn', params, end: text.length } : null;
}

export function parseConnectionString(text: string): ParsedConnectionString | null {
  return parseUri(text) ?? parseDsn(text);
}

export function getParam(parsed: ParsedConnectionString, key: string): Param | undefined {
  // libpq and SQLAlchemy take the last occurrence of a repeated key.
  return parsed.params.filter((p) => p.key === key).at(-1);
}

/** All hosts: URI authority hosts, plus `host=` parameters (SQLAlchemy's multi-host form, libpq DSNs). */
export function hostsOf(parsed: ParsedConnectionString): HostPort[] {
  const fromParams = parsed.params
    .filter((p) => p.key === 'host')
    .flatMap((p) => p.value.split(',').map((h) => ({ host: h.split(':')[0] ?? '', port: h.split(':')[1] })));
  return parsed.kind === 'uri' ? [...parsed.hosts, ...fromParams] : fromParams;
}

/** A Unix-socket connection: TCP settings (keepalives, timeouts) do not apply to it. */
export function isUnixSocket(parsed: ParsedConnectionString): boolean {
  const hosts = hostsOf(parsed);
  return hosts.length > 0 && hosts.every((h) => h.host.startsWith('/') || h.host.startsWith('%2F'));
}

/** Edits that set `key` to `value`: replace the value in place, or append the parameter. */
export function setParamEdit(parsed: ParsedConnectionString, key: string, value: string): TextEdit {
  const existing = getParam(parsed, key);
  if (existing)
    return {
      ...existing.valueRange,
      text: parsed.kind === 'dsn' ? dsnValue(value) : encodeURIComponent(value),
    };
  if (parsed.kind === 'dsn')
    return { start: parsed.end, end: parsed.end, text: ` ${key}=${dsnValue(value)}` };
  const separator = parsed.hasQuery ? (parsed.params.length > 0 ? '&' : '') : '?';
  return {
    start: parsed.queryEnd,
    end: parsed.queryEnd,
    text: `${separator}${key}=${encodeURIComponent(value)}`,
  };
}

function dsnValue(value: string): string {
  return /^[^\s'\\]+$/.test(value) ? value : `'${value.replace(/(['\\])/g, '\\$1')}'`;
}

/** Removes a parameter with its separator, keeping the rest of the query well-formed. */
export function removeParamEdit(parsed: ParsedConnectionString, param: Param, text: string): TextEdit {
  if (parsed.kind === 'dsn') {
    let start = param.range.start;
    let end = param.range.end;
    while (end < text.length && /\s/.test(text[end] ?? '')) end++;
    if (end === text.length) while (start > 0 && /\s/.test(text[start - 1] ?? '')) start--;
    return { start, end, text: '' };
  }
  const index = parsed.params.indexOf(param);
  if (parsed.params.length === 1) {
    return { start: param.range.start - 1, end: param.range.end, text: '' };
  }
  if (index === 0) return { start: param.range.start, end: param.range.end + 1, text: '' };
  return { start: param.range.start - 1, end: param.range.end, text: '' };
}
