import type { Node } from 'web-tree-sitter';
import { detectEol, lineEndOffset, lineIndent } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { type ParsedConnectionString, parseConnectionString } from '../../_lib/connection-string';

/**
 * Go source as the pgx / lib/pq rules read it: the calls that open a connection or a pool, where
 * their connection string comes from, the config variables they fill, and edits that keep gofmt's
 * layout (tabs, one statement a line, the `"time"` import in its group).
 */

export type GoDriver = 'pgx' | 'pgxpool' | 'libpq';

/** Where a DSN argument comes from. Only `literal` and `sprintf` carry text the rules may edit. */
export type DsnSource =
  | {
      kind: 'literal' | 'sprintf';
      /** The string node (for `sprintf`, the format string). */
      node: Node;
      /** The string's content and where it starts in the file. */
      content: string;
      contentStart: number;
      parsed: ParsedConnectionString | null;
      /** False when escapes (`\"`, `\\`) would shift offsets: then the rules report without editing. */
      editable: boolean;
    }
  | { kind: 'env'; node: Node; name: string }
  | { kind: 'unknown'; node: Node };

export interface GoSite {
  /** `pgx.Connect`, `pgxpool.New`, `sql.Open`… as written, for messages. */
  label: string;
  /** The function called (without package). */
  func: string;
  driver: GoDriver;
  /** For `sql.Open` / `sqlx.Open` / `stdlib.OpenDB`: the result is a `*sql.DB`. */
  databaseSql: boolean;
  /** Major version of pgx from the import path, when the file imports it. */
  pgxMajor: 4 | 5 | null;
  call: Node;
  dsn: DsnSource | null;
  /** The statement holding the call, and the variable the result is assigned to (`db`, `cfg`). */
  statement: Node | null;
  variable: string | null;
}

interface ImportInfo {
  /** Local package name → import path. */
  names: Map<string, string>;
  paths: Set<string>;
}

export function goImports(doc: ParsedDocument): ImportInfo {
  return doc.memo('go.imports', () => {
    const names = new Map<string, string>();
    const paths = new Set<string>();
    for (const spec of doc.root.descendantsOfType('import_spec')) {
      if (!spec) continue;
      const pathNode = spec.childForFieldName('path');
      if (!pathNode) continue;
      const path = pathNode.text.slice(1, -1);
      paths.add(path);
      const alias = spec.childForFieldName('name')?.text;
      const segments = path.split('/');
      let last = segments.at(-1) ?? path;
      if (/^v\d+$/.test(last) && segments.length > 1) last = segments.at(-2) ?? last;
      if (alias === '_' || alias === '.') continue;
      names.set(alias ?? last, path);
    }
    return { names, paths };
  });
}

/** The pgx major version the file imports (v4 or v5), or null when it imports neither. */
export function pgxMajor(doc: ParsedDocument): 4 | 5 | null {
  const { paths } = goImports(doc);
  for (const p of paths) if (p.startsWith('github.com/jackc/pgx/v5')) return 5;
  for (const p of paths)
    if (p.startsWith('github.com/jackc/pgx/v4') || p === 'github.com/jackc/pgx') return 4;
  return null;
}

/** The import path behind a package name, or the conventional one when the file does not import it. */
function packageOf(doc: ParsedDocument, name: string): string | null {
  return goImports(doc).names.get(name) ?? CONVENTIONAL[name] ?? null;
}

const CONVENTIONAL: Record<string, string> = {
  pgx: 'github.com/jackc/pgx',
  pgxpool: 'github.com/jackc/pgx/pgxpool',
  pgconn: 'github.com/jackc/pgconn',
  stdlib: 'github.com/jackc/pgx/stdlib',
  sql: 'database/sql',
  sqlx: 'github.com/jmoiron/sqlx',
};

function family(path: string): 'pgx' | 'pgxpool' | 'pgconn' | 'stdlib' | 'sql' | 'sqlx' | null {
  if (path === 'database/sql') return 'sql';
  if (path === 'github.com/jmoiron/sqlx') return 'sqlx';
  if (/^github\.com\/jackc\/pgx(\/v\d+)?\/pgxpool$/.test(path)) return 'pgxpool';
  if (/^github\.com\/jackc\/pgx(\/v\d+)?\/stdlib$/.test(path)) return 'stdlib';
  if (/^github\.com\/jackc\/pgx(\/v\d+)?\/pgconn$/.test(path) || path === 'github.com/jackc/pgconn')
    return 'pgconn';
  if (/^github\.com\/jackc\/pgx(\/v\d+)?$/.test(path)) return 'pgx';
  return null;
}

/** Index of the DSN argument, per family and function. */
const DSN_FUNCS: Record<string, Record<string, number>> = {
  pgx: { Connect: 1, ParseConfig: 0 },
  pgconn: { Connect: 1, ParseConfig: 0 },
  pgxpool: { New: 1, Connect: 1, ParseConfig: 0 },
  sql: { Open: 1 },
  sqlx: { Open: 1, Connect: 1, MustOpen: 1, MustConnect: 1 },
  stdlib: {},
};

function callName(call: Node): { pkg: string; func: string } | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return null;
  const operand = fn.childForFieldName('operand');
  const field = fn.childForFieldName('field');
  if (operand?.type !== 'identifier' || !field) return null;
  return { pkg: operand.text, func: field.text };
}

export function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return (args?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
}

/** Content of a Go string literal; null for anything else. */
export function goString(node: Node): { content: string; start: number; escapes: boolean } | null {
  if (node.type === 'raw_string_literal') {
    return { content: node.text.slice(1, -1), start: node.startIndex + 1, escapes: false };
  }
  if (node.type === 'interpreted_string_literal') {
    const inner = node.text.slice(1, -1);
    return { content: inner, start: node.startIndex + 1, escapes: inner.includes('\\') };
  }
  return null;
}

/** The single `NAME := …`, `var NAME = …` or `const NAME = …` that gives `name` its value. */
export function resolveIdentifier(doc: ParsedDocument, name: string, before: number): Node | null {
  const found: Node[] = [];
  for (const type of ['short_var_declaration', 'assignment_statement']) {
    for (const decl of doc.root.descendantsOfType(type)) {
      if (!decl) continue;
      const left = decl.childForFieldName('left')?.namedChildren ?? [];
      const right = decl.childForFieldName('right')?.namedChildren ?? [];
      left.forEach((l, i) => {
        if (l?.type === 'identifier' && l.text === name && right[i] && left.length === right.length)
          found.push(right[i] as Node);
      });
    }
  }
  for (const type of ['var_spec', 'const_spec']) {
    for (const spec of doc.root.descendantsOfType(type)) {
      if (!spec) continue;
      const names = spec.childrenForFieldName('name').filter((n): n is Node => !!n);
      const values = spec.childForFieldName('value')?.namedChildren ?? [];
      names.forEach((n, i) => {
        if (n.text === name && values[i]) found.push(values[i] as Node);
      });
    }
  }
  const usable = found.filter((n) => n.startIndex < before);
  return found.length === 1 && usable.length === 1 ? (usable[0] as Node) : null;
}

export function dsnSource(doc: ParsedDocument, node: Node, depth = 0): DsnSource {
  const literal = goString(node);
  if (literal) {
    return {
      kind: 'literal',
      node,
      content: literal.content,
      contentStart: literal.start,
      parsed: parseConnectionString(literal.content),
      editable: !literal.escapes,
    };
  }
  if (node.type === 'identifier' && depth < 3) {
    const value = resolveIdentifier(doc, node.text, node.startIndex);
    if (value) return dsnSource(doc, value, depth + 1);
  }
  if (node.type === 'call_expression') {
    const name = callName(node);
    const args = callArguments(node);
    if (name && (name.func === 'Getenv' || name.func === 'LookupEnv') && name.pkg === 'os') {
      const first = args[0] ? goString(args[0]) : null;
      return { kind: 'env', node, name: first?.content ?? args[0]?.text ?? '?' };
    }
    if (name?.pkg === 'fmt' && name.func === 'Sprintf' && args[0]) {
      const format = goString(args[0]);
      if (format) {
        return {
          kind: 'sprintf',
          node: args[0],
          content: format.content,
          contentStart: format.start,
          parsed: parseConnectionString(format.content),
          editable: !format.escapes && !format.content.includes('%%'),
        };
      }
    }
  }
  return { kind: 'unknown', node };
}

function enclosingStatement(node: Node): Node | null {
  let cur: Node | null = node;
  while (cur?.parent && cur.parent.type !== 'statement_list' && cur.parent.type !== 'block') {
    if (cur.type === 'source_file') return null;
    cur = cur.parent;
  }
  return cur?.parent ? cur : null;
}

/** The variable a call's result goes to: `db, err := sql.Open(…)` gives `db`. */
function assignedVariable(statement: Node | null, call: Node): string | null {
  if (!statement) return null;
  if (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement') {
    if (statement.type === 'var_declaration') {
      const spec = statement.descendantsOfType('var_spec')[0];
      const value = spec?.childForFieldName('value')?.namedChildren[0];
      if (value?.id === call.id) return spec?.childForFieldName('name')?.text ?? null;
    }
    return null;
  }
  const right = statement.childForFieldName('right')?.namedChildren ?? [];
  if (right[0]?.id !== call.id) return null;
  const first = statement.childForFieldName('left')?.namedChildren[0];
  return first && (first.type === 'identifier' || first.type === 'selector_expression') && first.text !== '_'
    ? first.text
    : null;
}

export function goSites(doc: ParsedDocument): GoSite[] {
  return doc.memo('go.sites', () => {
    const major = pgxMajor(doc);
    const out: GoSite[] = [];
    for (const call of doc.root.descendantsOfType('call_expression')) {
      if (!call) continue;
      const name = callName(call);
      if (!name) continue;
      const path = packageOf(doc, name.pkg);
      const fam = path ? family(path) : null;
      if (!fam) continue;
      const args = callArguments(call);
      const statement = enclosingStatement(call);
      const variable = assignedVariable(statement, call);
      const base = { call, statement, variable, pgxMajor: major, label: `${name.pkg}.${name.func}` };
      if (fam === 'stdlib' && name.func === 'OpenDB') {
        out.push({ ...base, func: name.func, driver: 'pgx', databaseSql: true, dsn: null });
        continue;
      }
      const index = DSN_FUNCS[fam]?.[name.func];
      if (index === undefined) continue;
      const dsnNode = args[index];
      if (fam === 'sql' || fam === 'sqlx') {
        const driverName = args[0] ? goString(args[0])?.content : undefined;
        let driver: GoDriver | null = null;
        if (driverName === 'postgres') driver = 'libpq';
        else if (driverName === 'pgx' || driverName === 'pgx/v5' || driverName === 'pgx/v4') driver = 'pgx';
        if (!driver) continue;
        out.push({
          ...base,
          func: name.func,
          driver,
          databaseSql: true,
          dsn: dsnNode ? dsnSource(doc, dsnNode) : null,
        });
        continue;
      }
      out.push({
        ...base,
        func: name.func,
        driver: fam === 'pgxpool' ? 'pgxpool' : 'pgx',
        databaseSql: false,
        dsn: dsnNode ? dsnSource(doc, dsnNode) : null,
      });
    }
    return out;
  });
}

/** A statement `X.Field… = value` in the file, with its left-hand path. */
export interface FieldAssignment {
  statement: Node;
  /** `cfg.ConnConfig.ConnectTimeout` split: ['cfg', 'ConnConfig', 'ConnectTimeout']. */
  path: string[];
  value: Node;
}

export function fieldAssignments(doc: ParsedDocument): FieldAssignment[] {
  return doc.memo('go.fieldAssignments', () => {
    const out: FieldAssignment[] = [];
    for (const statement of doc.root.descendantsOfType('assignment_statement')) {
      if (!statement) continue;
      const left = statement.childForFieldName('left')?.namedChildren ?? [];
      const right = statement.childForFieldName('right')?.namedChildren ?? [];
      left.forEach((l, i) => {
        if (l?.type === 'selector_expression' && right[i]) {
          out.push({ statement, path: l.text.split('.').map((s) => s.trim()), value: right[i] as Node });
        }
      });
    }
    return out;
  });
}

/** Method calls `recv.Method(args)` as statements. */
export function methodCalls(
  doc: ParsedDocument,
  method: string,
): { recv: string; call: Node; args: Node[] }[] {
  const out: { recv: string; call: Node; args: Node[] }[] = [];
  for (const call of doc.root.descendantsOfType('call_expression')) {
    if (!call) continue;
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'selector_expression') continue;
    if (fn.childForFieldName('field')?.text !== method) continue;
    out.push({ recv: fn.childForFieldName('operand')?.text ?? '', call, args: callArguments(call) });
  }
  return out;
}

/** True for `0`, `0 * time.Second`, `time.Duration(0)`. */
export function isZeroDuration(node: Node): boolean {
  const t = node.text.replace(/\s+/g, '');
  return /^(0|0\*time\.\w+|time\.\w+\*0|time\.Duration\(0\))$/.test(t);
}

/** Parses a Go duration literal expression (`30 * time.Second`, `time.Hour`) to seconds; null if not literal. */
export function durationSeconds(node: Node): number | null {
  const t = node.text.replace(/\s+/g, '');
  const units: Record<string, number> = {
    Nanosecond: 1e-9,
    Microsecond: 1e-6,
    Millisecond: 1e-3,
    Second: 1,
    Minute: 60,
    Hour: 3600,
  };
  if (t === '0') return 0;
  let m = /^time\.(\w+)$/.exec(t);
  if (m && units[m[1] as string] !== undefined) return units[m[1] as string] as number;
  m = /^(\d+(?:\.\d+)?)\*time\.(\w+)$/.exec(t) ?? /^time\.(\w+)\*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) {
    const [a, b] = /^\d/.test(m[1] as string) ? [m[1], m[2]] : [m[2], m[1]];
    const unit = units[b as string];
    return unit === undefined ? null : Number(a) * unit;
  }
  return null;
}

/** Go's `time.ParseDuration` for the forms DSNs use (`5m`, `1h30m`, `300ms`, `0`); null if not one. */
export function parseGoDuration(text: string): number | null {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  const scale: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  let i = 0;
  if (!text) return null;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return null;
    total += Number(m[1]) * (scale[m[2] as string] as number);
    i = re.lastIndex;
  }
  return total;
}

/** Seconds as a Go expression in the largest whole unit: 1800 → `30 * time.Minute`, 3600 → `time.Hour`. */
export function goDurationExpr(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  for (const [unit, size] of [
    ['Hour', 3_600_000],
    ['Minute', 60_000],
    ['Second', 1000],
    ['Millisecond', 1],
  ] as const) {
    if (ms % size === 0) {
      const n = ms / size;
      return n === 1 ? `time.${unit}` : `${n} * time.${unit}`;
    }
  }
  return `${ms} * time.Millisecond`;
}

/** True when the file imports `pkg` (by path). */
export function importsPath(doc: ParsedDocument, path: string): boolean {
  return goImports(doc).paths.has(path);
}

/**
 * The edit that adds `import "time"` in gofmt's place: in the standard-library group in sorted order,
 * or after a lone import, or after the package clause. Null when already imported or when the text is
 * a snippet without a package clause. The same text always gives the same edit, so several rules
 * needing the import share one edit.
 */
export function timeImportEdit(doc: ParsedDocument): TextEdit | null {
  if (importsPath(doc, 'time')) return null;
  const text = doc.text;
  const eol = detectEol(text);
  const decls = doc.root.namedChildren.filter((n): n is Node => n?.type === 'import_declaration');
  const list = decls.map((d) => d.namedChildren.find((c) => c?.type === 'import_spec_list')).find(Boolean);
  if (list) {
    const specs = list.namedChildren.filter((n): n is Node => n?.type === 'import_spec');
    const std = specs.filter((s) => !(s.childForFieldName('path')?.text ?? '').split('/')[0]?.includes('.'));
    const path = (s: Node) => (s.childForFieldName('path')?.text ?? '').slice(1, -1);
    const before = std.filter((s) => path(s) < 'time').at(-1);
    if (before) {
      const at = lineEndOffset(text, before.endIndex);
      return { start: at, end: at, text: `${eol}${lineIndent(text, before.startIndex)}"time"` };
    }
    const first = std[0] ?? specs[0];
    if (first) {
      const indent = lineIndent(text, first.startIndex);
      const at = first.startIndex - indent.length;
      return { start: at, end: at, text: `${indent}"time"${eol}` };
    }
    return null;
  }
  const last = decls.at(-1);
  if (last) {
    const at = lineEndOffset(text, last.endIndex);
    return { start: at, end: at, text: `${eol}import "time"` };
  }
  const pkg = doc.root.namedChildren.find((n) => n?.type === 'package_clause');
  if (!pkg) return null;
  const at = lineEndOffset(text, pkg.endIndex);
  return { start: at, end: at, text: `${eol}${eol}import "time"` };
}

/**
 * Where statements go after a call assigned to a variable: after the `if err != nil { … }` that
 * checks it, else right after the statement. Returns the offset and the statement's indentation.
 */
export function afterStatement(doc: ParsedDocument, statement: Node): { at: number; indent: string } {
  const text = doc.text;
  let anchor = statement;
  const next = statement.nextNamedSibling;
  if (next?.type === 'if_statement') {
    const condition = next.childForFieldName('condition')?.text ?? '';
    if (/\berr\b/.test(condition)) anchor = next;
  }
  return { at: lineEndOffset(text, anchor.endIndex), indent: lineIndent(text, statement.startIndex) };
}

/** Lines inserted after `at`, each on its own line with `indent`. */
export function insertLines(
  doc: ParsedDocument,
  at: number,
  indent: string,
  lines: readonly string[],
): TextEdit {
  const eol = detectEol(doc.text);
  return { start: at, end: at, text: lines.map((l) => `${eol}${indent}${l}`).join('') };
}

/** Lines inserted before a statement, at its indentation. */
export function insertBefore(doc: ParsedDocument, statement: Node, lines: readonly string[]): TextEdit {
  const eol = detectEol(doc.text);
  const indent = lineIndent(doc.text, statement.startIndex);
  const at = statement.startIndex;
  return { start: at, end: at, text: lines.map((l) => `${l}${eol}${indent}`).join('') };
}
