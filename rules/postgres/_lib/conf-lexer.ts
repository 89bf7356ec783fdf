/**
 * A line lexer for postgresql.conf that mirrors PostgreSQL's own (`src/backend/utils/misc/guc-file.l`
 * and `ParseConfigFp`), so rules read exactly what the server reads. The tree-sitter properties
 * grammar the harness parses with does not know postgresql.conf's inline `#` comments, its quoting
 * or its unit tokens, so rules use this instead; the tree only guards "no new syntax errors".
 *
 * Grammar per line: `name [=] value [# comment]`. Tokens as in guc-file.l (longest match, first rule
 * on a tie): ID, QUALIFIED_ID, STRING (`'…'` with `''` and backslash escapes), UNQUOTED_STRING,
 * INTEGER (with unit letters: `60s`, `5min`), REAL (no unit letters: `1.5s` is REAL `1.5` + ID `s`).
 * Anything after the value other than a comment is a syntax error, so `5 min` and `1.5s` are errors
 * unless quoted. Names compare case-insensitively. `include`, `include_if_exists` and `include_dir`
 * are directives. The last occurrence of a name wins.
 */

import type { Utf16Range } from '../../../core/types';

export type TokenType =
  | 'ws'
  | 'comment'
  | 'id'
  | 'qualified-id'
  | 'string'
  | 'unquoted'
  | 'integer'
  | 'real'
  | 'equals'
  | 'error';

export interface Token {
  type: TokenType;
  text: string;
  /** Offsets in the whole file. */
  start: number;
  end: number;
}

const L = 'A-Za-z_\\u0080-\\uffff';
const LD = 'A-Za-z_0-9\\u0080-\\uffff';
const TOKEN_RULES: ReadonlyArray<[TokenType, RegExp]> = [
  ['ws', /[ \t\r]+/y],
  ['comment', /#.*/y],
  ['id', new RegExp(`[${L}][${LD}]*`, 'y')],
  ['qualified-id', new RegExp(`[${L}][${LD}]*\\.[${L}][${LD}]*`, 'y')],
  ['string', /'(?:[^'\\\n]|\\.|'')*'/y],
  ['unquoted', new RegExp(`[${L}](?:[${LD}]|[-._:/])*`, 'y')],
  ['integer', /[-+]?(?:0x[0-9a-fA-F]+|\d+)[a-zA-Z]*/y],
  ['real', /[-+]?\d*\.\d*(?:[Ee][-+]?\d+)?/y],
  ['equals', /=/y],
];

/** Tokens of one line (without its line break), offsets shifted by `base`. */
export function lexLine(line: string, base: number): Token[] {
  const out: Token[] = [];
  let at = 0;
  while (at < line.length) {
    let best: [TokenType, number] | null = null;
    for (const [type, re] of TOKEN_RULES) {
      re.lastIndex = at;
      const m = re.exec(line);
      if (m && m[0].length > 0 && (!best || m[0].length > best[1])) best = [type, m[0].length];
    }
    const [type, length] = best ?? ['error', 1];
    out.push({ type, text: line.slice(at, at + length), start: base + at, end: base + at + length });
    at += length;
  }
  return out;
}

const VALUE_TYPES: ReadonlySet<TokenType> = new Set(['id', 'string', 'unquoted', 'integer', 'real']);

export interface ConfSetting {
  /** The name as written, and lower-cased for comparison. */
  name: string;
  key: string;
  nameRange: Utf16Range;
  /** The value token as written (with quotes), and as the server reads it. */
  raw: string;
  value: string;
  quoted: boolean;
  valueRange: Utf16Range;
  /** Whether an `=` separates name and value, and the exact text between them. */
  equals: boolean;
  separator: string;
  line: ConfLine;
}

export interface ConfLine {
  index: number;
  /** Start and end of the line's text, without its line break. */
  start: number;
  end: number;
  text: string;
  kind: 'blank' | 'comment' | 'setting' | 'include' | 'error';
  setting?: ConfSetting;
  tokens: Token[];
}

const INCLUDE_DIRECTIVES = new Set(['include', 'include_if_exists', 'include_dir']);

/** `GUC_scanstr`: strip the quotes, undo `''` and backslash escapes. */
export function unquote(raw: string): string {
  const body = raw.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === "'" && body[i + 1] === "'") {
      out += "'";
      i++;
    } else if (c === '\\' && i + 1 < body.length) {
      const n = body[i + 1] as string;
      const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1));
      if (simple[n] !== undefined) {
        out += simple[n];
        i++;
      } else if (oct) {
        out += String.fromCharCode(Number.parseInt(oct[0], 8));
        i += oct[0].length;
      } else {
        out += n;
        i++;
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** Classifies one line as ParseConfigFp would. */
export function parseLine(text: string, start: number, index: number): ConfLine {
  const tokens = lexLine(text, start);
  const significant = tokens.filter((t) => t.type !== 'ws' && t.type !== 'comment');
  const line: ConfLine = { index, start, end: start + text.length, text, kind: 'blank', tokens };
  if (significant.length === 0) {
    line.kind = tokens.some((t) => t.type === 'comment') ? 'comment' : 'blank';
    return line;
  }
  const [name, second, third, fourth] = significant;
  if (!name || (name.type !== 'id' && name.type !== 'qualified-id')) {
    line.kind = 'error';
    return line;
  }
  const equals = second?.type === 'equals';
  const value = equals ? third : second;
  const rest = equals ? fourth : third;
  if (!value || !VALUE_TYPES.has(value.type) || rest) {
    line.kind = 'error';
    return line;
  }
  const quoted = value.type === 'string';
  const key = name.text.toLowerCase();
  line.kind = INCLUDE_DIRECTIVES.has(key) ? 'include' : 'setting';
  line.setting = {
    name: name.text,
    key,
    nameRange: { start: name.start, end: name.end },
    raw: value.text,
    value: quoted ? unquote(value.text) : value.text,
    quoted,
    valueRange: { start: value.start, end: value.end },
    equals,
    separator: text.slice(name.end - start, value.start - start),
    line,
  };
  return line;
}

export interface ConfFile {
  text: string;
  lines: ConfLine[];
  /** Active settings (not include directives), in file order. */
  settings: ConfSetting[];
  includes: ConfLine[];
  /** `\r\n` when most lines end so. */
  eol: string;
  endsWithNewline: boolean;
  /** A postgresql.auto.conf (ALTER SYSTEM's header): every value is written quoted. */
  autoConf: boolean;
}

export function parseConf(text: string): ConfFile {
  const lines: ConfLine[] = [];
  let start = 0;
  let crlf = 0;
  let lf = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl === -1 ? text.length : nl;
    const hasCr = nl !== -1 && text[nl - 1] === '\r';
    if (nl !== -1) hasCr ? crlf++ : lf++;
    const end = hasCr ? stop - 1 : stop;
    if (nl === -1 && start === text.length && lines.length > 0) break;
    lines.push(parseLine(text.slice(start, end), start, lines.length));
    if (nl === -1) break;
    start = nl + 1;
  }
  const settings = lines.flatMap((l) => (l.kind === 'setting' && l.setting ? [l.setting] : []));
  return {
    text,
    lines,
    settings,
    includes: lines.filter((l) => l.kind === 'include'),
    eol: crlf > lf ? '\r\n' : '\n',
    endsWithNewline: text === '' || text.endsWith('\n'),
    autoConf: /^# Do not edit this file manually!\s*$/m.test(text) && /ALTER SYSTEM/.test(text),
  };
}
