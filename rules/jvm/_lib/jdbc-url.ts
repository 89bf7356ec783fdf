import type { TextEdit, Utf16Range } from '../../../core/types';
import { type Literal, literalRange } from './literal';

/**
 * pgJDBC URLs (`jdbc:postgresql://h1:5432,h2:5432/db?k=v`, `jdbc:postgresql:db`, `jdbc:postgresql:/`)
 * found inside a decoded value. Parameter names are case-sensitive, as pgJDBC reads them; every
 * offset is an index into the literal's decoded text, turned into file offsets only when editing.
 */
export interface UrlParam {
  key: string;
  value: string;
  /** `key=value` without its separator, in literal indexes. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export interface PgUrl {
  literal: Literal;
  /** Where the URL starts and ends in the literal. */
  start: number;
  end: number;
  text: string;
  hosts: Array<{ host: string; port?: string }>;
  database?: string;
  params: UrlParam[];
  /** Where a new parameter goes (the end of the query, or of the path when there is no `?`). */
  queryEnd: number;
  hasQuery: boolean;
}

const URL_IN_TEXT = /jdbc:postgresql:[^\s"'`<>]*/g;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parsePgUrl(literal: Literal, start: number, end: number): PgUrl {
  const text = literal.value.slice(start, end);
  const prefix = 'jdbc:postgresql:';
  const q = text.indexOf('?');
  const head = q >= 0 ? text.slice(0, q) : text;
  const rest = head.slice(prefix.length);
  let hosts: PgUrl['hosts'] = [];
  let database: string | undefined;
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash >= 0 ? rest.slice(2, slash) : rest.slice(2);
    database = slash >= 0 ? rest.slice(slash + 1) : undefined;
    hosts = authority
      .split(',')
      .filter((h) => h !== '')
      .map((entry) => {
        const v6 = /^\[([^\]]+)\](?::(\d*))?$/.exec(entry);
        if (v6) return { host: v6[1] ?? '', port: v6[2] || undefined };
        const colon = entry.lastIndexOf(':');
        return colon >= 0
          ? { host: entry.slice(0, colon), port: entry.slice(colon + 1) || undefined }
          : { host: entry };
      });
  } else {
    database = rest.replace(/^\//, '') || undefined;
  }
  const params: UrlParam[] = [];
  if (q >= 0) {
    let offset = start + q + 1;
    for (const part of text.slice(q + 1).split('&')) {
      const eq = part.indexOf('=');
      if (part.length > 0) {
        params.push({
          key: eq >= 0 ? part.slice(0, eq) : part,
          value: decode(eq >= 0 ? part.slice(eq + 1) : ''),
          start: offset,
          end: offset + part.length,
          valueStart: eq >= 0 ? offset + eq + 1 : offset + part.length,
          valueEnd: offset + part.length,
        });
      }
      offset += part.length + 1;
    }
  }
  return { literal, start, end, text, hosts, database, params, queryEnd: end, hasQuery: q >= 0 };
}

/** Every pgJDBC URL inside a decoded value. */
export function pgUrlsIn(literal: Literal): PgUrl[] {
  const out: PgUrl[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(literal.value); m; m = URL_IN_TEXT.exec(literal.value)) {
    out.push(parsePgUrl(literal, m.index, m.index + m[0].length));
  }
  return out;
}

/** The parameter pgJDBC uses for `key` (exact name; a repeated key: the last one). */
export function urlParam(url: PgUrl, key: string): UrlParam | undefined {
  return url.params.filter((p) => p.key === key).at(-1);
}

export function urlRange(url: PgUrl): Utf16Range {
  return literalRange(url.literal, url.start, url.end);
}

export function paramRange(url: PgUrl, param: UrlParam): Utf16Range {
  return literalRange(url.literal, param.start, param.end);
}

/** Replaces a parameter's value in place. */
export function setUrlValueEdit(url: PgUrl, param: UrlParam, value: string): TextEdit {
  return { ...literalRange(url.literal, param.valueStart, param.valueEnd), text: encodeValue(value) };
}

/** Renames a parameter in place, keeping its value. */
export function renameUrlParamEdit(url: PgUrl, param: UrlParam, key: string): TextEdit {
  return { ...literalRange(url.literal, param.start, param.start + param.key.length), text: key };
}

function encodeValue(value: string): string {
  return value.replace(/[%&#\s]/g, (c) => encodeURIComponent(c));
}

/**
 * Adds `key=value` to the query (`?` or `&` as the URL needs). The edit also rewrites the URL's last
 * character, so two additions to one URL never apply in the same pass (both would start with `?`),
 * and a line inserted after the URL's line always lands after the addition.
 */
export function addUrlParamEdit(text: string, url: PgUrl, key: string, value: string): TextEdit {
  const separator = url.hasQuery ? (/[?&]$/.test(url.text) ? '' : '&') : '?';
  const lastStart = url.literal.offsets[url.queryEnd - 1] ?? 0;
  const lastEnd = url.literal.offsets[url.queryEnd] ?? lastStart;
  return {
    start: lastStart,
    end: lastEnd,
    text: `${text.slice(lastStart, lastEnd)}${separator}${key}=${encodeValue(value)}`,
  };
}

/** Sets a parameter: in place when present, else added to the query. */
export function putUrlParamEdit(text: string, url: PgUrl, key: string, value: string): TextEdit {
  const existing = urlParam(url, key);
  return existing ? setUrlValueEdit(url, existing, value) : addUrlParamEdit(text, url, key, value);
}

/** Removes one parameter with its separator (the `?` too when it was the only one). */
export function removeUrlParamEdit(url: PgUrl, param: UrlParam): TextEdit {
  const index = url.params.indexOf(param);
  if (url.params.length === 1) return { ...literalRange(url.literal, param.start - 1, param.end), text: '' };
  if (index === 0) return { ...literalRange(url.literal, param.start, param.end + 1), text: '' };
  return { ...literalRange(url.literal, param.start - 1, param.end), text: '' };
}
