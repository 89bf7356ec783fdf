import { detectEol } from '../../../core/text';
import type { Utf16Range } from '../../../core/types';

/**
 * A line lexer for pgbouncer.ini that mirrors PgBouncer's own reader, `parse_ini_file` in libusual's
 * `usual/cfparser.c`, rather than the generic tree-sitter INI grammar (which the harness still uses
 * to check that a fix adds no syntax error). What cfparser does, and so what this lexer does:
 * - leading whitespace is skipped; a line whose first non-blank character is `;` or `#` is a comment.
 *   There are NO inline comments: `x = 600 ; note` gives the value `600 ; note`.
 * - `%include<blank>path` includes a file (the path runs to end of line, trailing blanks trimmed).
 * - `[name]` opens a section; the name is everything between the brackets, compared case-sensitively.
 * - otherwise a key of `[A-Za-z0-9_.*-]` characters, optional blanks, a required `=`, optional blanks,
 *   and the value up to end of line with trailing whitespace (including a CR) trimmed. No quote
 *   processing: quotes are part of the value.
 * Every offset is a UTF-16 code unit index into the text (as JS strings index it).
 */

export type EolKind = '' | '\n' | '\r\n';

interface LineBase {
  /** 0-based line number. */
  index: number;
  /** Start of the line. */
  start: number;
  /** End of the line's content (before CR LF / LF). */
  end: number;
  /** End including the line break. */
  next: number;
  eol: EolKind;
  /** Start of the first non-blank character (or `end` for a blank line). */
  contentStart: number;
  /** The `[section]` this line belongs to (the last header above it), or null before any header. */
  section: string | null;
  /** Line index of that header, or -1. */
  headerIndex: number;
}

export interface BlankLine extends LineBase {
  kind: 'blank';
}

export interface CommentLine extends LineBase {
  kind: 'comment';
}

export interface SectionLine extends LineBase {
  kind: 'section';
  name: string;
}

export interface IncludeLine extends LineBase {
  kind: 'include';
  path: string;
}

export interface SettingLine extends LineBase {
  kind: 'setting';
  key: string;
  keyRange: Utf16Range;
  /** `=` position. */
  equals: number;
  /** The value as PgBouncer reads it: after `=` and blanks, to end of line, trailing blanks trimmed. */
  value: string;
  valueRange: Utf16Range;
}

/** A line cfparser rejects with "syntax error in configuration" (a key without `=`, `[x` without `]`). */
export interface InvalidLine extends LineBase {
  kind: 'invalid';
}

export type IniLine = BlankLine | CommentLine | SectionLine | IncludeLine | SettingLine | InvalidLine;

const KEY_CHAR = /[A-Za-z0-9_.*-]/;
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '\f';

export function lexIni(text: string): IniLine[] {
  const lines: IniLine[] = [];
  let section: string | null = null;
  let headerIndex = -1;
  let start = 0;
  let index = 0;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    const next = lf < 0 ? text.length : lf + 1;
    let end = lf < 0 ? text.length : lf;
    let eol: EolKind = lf < 0 ? '' : '\n';
    if (eol === '\n' && text[end - 1] === '\r') {
      end -= 1;
      eol = '\r\n';
    }
    let p = start;
    while (p < end && isSpace(text[p])) p++;
    const base = { index, start, end, next, eol, contentStart: p, section, headerIndex };
    const c = text[p];
    if (p >= end) {
      lines.push({ ...base, kind: 'blank' });
    } else if (text.startsWith('%include', p) && isBlank(text[p + 8])) {
      let v = p + 8;
      while (v < end && isBlank(text[v])) v++;
      lines.push({ ...base, kind: 'include', path: trimEnd(text, v, end).value });
    } else if (c === ';' || c === '#') {
      lines.push({ ...base, kind: 'comment' });
    } else if (c === '[') {
      const close = text.indexOf(']', p);
      if (close < 0 || close > end) {
        lines.push({ ...base, kind: 'invalid' });
      } else {
        section = text.slice(p + 1, close);
        headerIndex = index;
        lines.push({ ...base, section, headerIndex, kind: 'section', name: section });
      }
    } else {
      let k = p;
      while (k < end && KEY_CHAR.test(text[k] ?? '')) k++;
      let e = k;
      while (e < end && isBlank(text[e])) e++;
      if (text[e] !== '=') {
        lines.push({ ...base, kind: 'invalid' });
      } else {
        let v = e + 1;
        while (v < end && isBlank(text[v])) v++;
        const trimmed = trimEnd(text, v, end);
        lines.push({
          ...base,
          kind: 'setting',
          key: text.slice(p, k),
          keyRange: { start: p, end: k },
          equals: e,
          value: trimmed.value,
          valueRange: { start: v, end: trimmed.end },
        });
      }
    }
    start = next;
    index++;
  }
  return lines;
}

function trimEnd(text: string, from: number, to: number): { value: string; end: number } {
  let end = to;
  while (end > from && isSpace(text[end - 1])) end--;
  return { value: text.slice(from, end), end };
}

/** `key = value` (blanks on both sides of `=`) or `key=value`; anything else is `other`. */
export function separatorStyle(text: string, line: SettingLine): 'spaced' | 'compact' | 'other' {
  const before = text.slice(line.keyRange.end, line.equals);
  const after = text.slice(line.equals + 1, line.valueRange.start);
  if (before === '' && after === '') return 'compact';
  if (before !== '' && after !== '') return 'spaced';
  return 'other';
}

/** The file's line break: the one most lines end with (core/text.ts `detectEol`). */
export function fileEol(text: string): '\n' | '\r\n' {
  return detectEol(text);
}
