import type { TextEdit } from '../../../core/types';
import {
  getParam,
  isUnixSocket,
  type Param,
  type ParsedConnectionString,
} from '../../_lib/connection-string';
import type { DsnSource, GoSite } from './go';

/** A DSN the rules can read and edit: a literal or a `fmt.Sprintf` format without escapes. */
export type EditableDsn = Extract<DsnSource, { kind: 'literal' | 'sprintf' }> & {
  parsed: ParsedConnectionString;
};

export function readableDsn(site: GoSite): EditableDsn | null {
  const dsn = site.dsn;
  if (!dsn || (dsn.kind !== 'literal' && dsn.kind !== 'sprintf') || !dsn.parsed) return null;
  return dsn as EditableDsn;
}

/** Over TCP, or unknown: a Unix-socket DSN has no TCP settings to tune. */
export function overTcp(dsn: EditableDsn): boolean {
  return !isUnixSocket(dsn.parsed) && !dsn.content.includes('/tmp/.s.PGSQL');
}

export function param(dsn: EditableDsn, key: string): Param | undefined {
  return getParam(dsn.parsed, key);
}

function shift(edit: TextEdit, by: number): TextEdit {
  return { start: edit.start + by, end: edit.end + by, text: edit.text };
}

/**
 * Removes several parameters with edits that never overlap each other: a run of removed URI
 * parameters takes the `&` after it (or, at the end, the one before it; all of them, the `?`);
 * a key=value pair takes the spaces after it (at the end, the ones before it).
 */
export function removeParamsEdits(dsn: EditableDsn, remove: readonly Param[]): TextEdit[] {
  const parsed = dsn.parsed;
  const text = dsn.content;
  const edits: TextEdit[] = [];
  const params = parsed.params;
  const gone = new Set(remove);
  if (parsed.kind === 'dsn') {
    for (let i = 0; i < params.length; i++) {
      if (!gone.has(params[i] as Param)) continue;
      let j = i;
      while (j + 1 < params.length && gone.has(params[j + 1] as Param)) j++;
      const first = params[i] as Param;
      const last = params[j] as Param;
      if (j + 1 < params.length) {
        edits.push({ start: first.range.start, end: (params[j + 1] as Param).range.start, text: '' });
      } else {
        let start = first.range.start;
        while (start > 0 && /\s/.test(text[start - 1] ?? '')) start--;
        edits.push({ start, end: last.range.end, text: '' });
      }
      i = j;
    }
  } else {
    for (let i = 0; i < params.length; i++) {
      if (!gone.has(params[i] as Param)) continue;
      let j = i;
      while (j + 1 < params.length && gone.has(params[j + 1] as Param)) j++;
      const first = params[i] as Param;
      const last = params[j] as Param;
      if (j + 1 < params.length) {
        edits.push({ start: first.range.start, end: (params[j + 1] as Param).range.start, text: '' });
      } else if (i > 0) {
        edits.push({ start: (params[i - 1] as Param).range.end, end: last.range.end, text: '' });
      } else {
        edits.push({ start: first.range.start - 1, end: parsed.queryEnd, text: '' });
      }
      i = j;
    }
  }
  return edits.map((e) => shift(e, dsn.contentStart));
}

/**
 * Appends `key=value`. In a URI with parameters the edit rewrites the last parameter followed by
 * the new one, so it conflicts (and waits for the next fix pass) with any fix removing that
 * parameter, instead of leaving a dangling `&`.
 */
export function appendParamEdit(dsn: EditableDsn, key: string, value: string): TextEdit {
  const parsed = dsn.parsed;
  const last = parsed.params.at(-1);
  if (parsed.kind === 'dsn') {
    const at = last ? last.range.end : parsed.end;
    return shift({ start: at, end: at, text: ` ${key}=${value}` }, dsn.contentStart);
  }
  if (last) {
    const lastText = dsn.content.slice(last.range.start, last.range.end);
    return shift(
      { start: last.range.start, end: last.range.end, text: `${lastText}&${key}=${value}` },
      dsn.contentStart,
    );
  }
  const at = parsed.queryEnd;
  return shift(
    { start: at, end: at, text: `${parsed.hasQuery ? '' : '?'}${key}=${value}` },
    dsn.contentStart,
  );
}

export function replaceValueEdit(dsn: EditableDsn, p: Param, value: string): TextEdit {
  return shift({ ...p.valueRange, text: value }, dsn.contentStart);
}

/** A DSN's value may carry a `fmt.Sprintf` verb: then nobody knows it from the text. */
export function hasVerb(value: string): boolean {
  return /%[-+# 0-9.]*[a-zA-Z]/.test(value);
}
