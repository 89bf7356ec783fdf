import type { Node } from 'web-tree-sitter';
import { detectEol, isFirstOnLine, lineEndOffset, lineIndent, lineStartOffset } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { backslashLiteral, type Literal, plainLiteral } from './literal';
import { type ConfigEntry, type ConfigValue, groupDigits } from './model';

/**
 * Java pool code: setter blocks on a `HikariConfig` / `HikariDataSource` variable, Spring
 * `DataSourceBuilder` chains, `addDataSourceProperty(name, value)`. Values are evaluated only when
 * they are constant: literals (`120_000L`), products and sums of literals, `TimeUnit.X.toMillis(n)`,
 * `Duration.ofX(n).toMillis()`; anything else (a constant, an env lookup) stays unknown.
 */

const UNIT_MS: Record<string, number> = {
  NANOSECONDS: 1e-6,
  MICROSECONDS: 1e-3,
  MILLISECONDS: 1,
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};
const DURATION_MS: Record<string, number> = {
  ofMillis: 1,
  ofSeconds: 1000,
  ofMinutes: 60_000,
  ofHours: 3_600_000,
  ofDays: 86_400_000,
};

/** The value of a constant numeric expression, or null. */
export function evaluateNumber(node: Node | null): number | null {
  if (!node) return null;
  switch (node.type) {
    case 'decimal_integer_literal': {
      const digits = node.text.replace(/_/g, '').replace(/[lL]$/, '');
      return /^\d+$/.test(digits) ? Number(digits) : null;
    }
    case 'parenthesized_expression':
      return evaluateNumber(node.namedChildren.find((c) => c?.type !== 'comment') ?? null);
    case 'unary_expression': {
      const operand = evaluateNumber(node.childForFieldName('operand'));
      const op = node.childForFieldName('operator')?.text ?? node.text.trim()[0];
      if (operand === null) return null;
      return op === '-' ? -operand : op === '+' ? operand : null;
    }
    case 'cast_expression':
      return evaluateNumber(node.childForFieldName('value'));
    case 'binary_expression': {
      const left = evaluateNumber(node.childForFieldName('left'));
      const right = evaluateNumber(node.childForFieldName('right'));
      const op = node.childForFieldName('operator')?.text;
      if (left === null || right === null) return null;
      if (op === '*') return left * right;
      if (op === '+') return left + right;
      if (op === '-') return left - right;
      return null;
    }
    case 'method_invocation': {
      const name = node.childForFieldName('name')?.text ?? '';
      const object = node.childForFieldName('object');
      const args = argumentsOf(node);
      // TimeUnit.MINUTES.toMillis(2), or MINUTES.toMillis(2) with a static import.
      if (name === 'toMillis' && object && args.length === 1) {
        const unit = object.text.split('.').at(-1) ?? '';
        const n = evaluateNumber(args[0] ?? null);
        if (
          UNIT_MS[unit] !== undefined &&
          n !== null &&
          /^(TimeUnit\.)?[A-Z]+$/.test(object.text.replace(/^java\.util\.concurrent\./, ''))
        ) {
          return n * (UNIT_MS[unit] as number);
        }
      }
      // Duration.ofMinutes(2).toMillis()
      if (name === 'toMillis' && object?.type === 'method_invocation' && args.length === 0) {
        const of = object.childForFieldName('name')?.text ?? '';
        const receiver = object.childForFieldName('object')?.text ?? '';
        const inner = argumentsOf(object);
        const n = evaluateNumber(inner[0] ?? null);
        if (
          /^(java\.time\.)?Duration$/.test(receiver) &&
          DURATION_MS[of] !== undefined &&
          inner.length === 1 &&
          n !== null
        ) {
          return n * (DURATION_MS[of] as number);
        }
      }
      return null;
    }
    default:
      return null;
  }
}

export function argumentsOf(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return list ? list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [];
}

export function stringLiteral(node: Node | null): Literal | null {
  if (node?.type !== 'string_literal') return null;
  const raw = node.text;
  if (!raw.startsWith('"') || raw.startsWith('"""')) return null;
  return backslashLiteral(raw.slice(1, -1), node.startIndex + 1);
}

function writeNumber(original: Node, value: number): string {
  if (original.type !== 'decimal_integer_literal') return String(value);
  const raw = original.text;
  const suffix = /[lL]$/.exec(raw)?.[0] ?? '';
  return `${raw.includes('_') ? groupDigits(value) : String(value)}${suffix}`;
}

export function javaValue(node: Node): ConfigValue {
  const literal =
    stringLiteral(node) ??
    (node.type === 'true' || node.type === 'false'
      ? { value: node.type, offsets: [...Array(node.type.length + 1).keys()].map((i) => node.startIndex + i) }
      : null);
  const number = evaluateNumber(node);
  return {
    range: { start: node.startIndex, end: node.endIndex },
    text: node.text,
    literal:
      literal ?? (node.type === 'decimal_integer_literal' ? plainLiteral(node.text, node.startIndex) : null),
    placeholder: false,
    number,
    write: (value) => ({
      start: node.startIndex,
      end: node.endIndex,
      text:
        typeof value === 'number'
          ? writeNumber(node, value)
          : (node.type === 'true' || node.type === 'false') && /^(true|false)$/.test(String(value))
            ? String(value)
            : node.type === 'string_literal' || typeof value === 'string'
              ? `"${String(value).replace(/(["\\])/g, '\\$1')}"`
              : String(value),
    }),
  };
}

/** Removes a whole statement, with its line when it has the line to itself (a trailing comment too). */
export function removeStatementEdit(text: string, statement: Node): TextEdit {
  const after = text.slice(statement.endIndex, lineEndOffset(text, statement.endIndex));
  if (isFirstOnLine(text, statement.startIndex) && /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(after)) {
    const start = lineStartOffset(text, statement.startIndex);
    const end = lineEndOffset(text, statement.endIndex);
    if (start > 0) return { start: text[start - 2] === '\r' ? start - 2 : start - 1, end, text: '' };
    const next = text.indexOf('\n', end);
    return { start: 0, end: next === -1 ? end : next + 1, text: '' };
  }
  let end = statement.endIndex;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return { start: statement.startIndex, end, text: '' };
}

/** A new statement on its own line after `anchor`, indented like it. */
export function insertStatementAfter(text: string, anchor: Node, statement: string): TextEdit {
  const at = lineEndOffset(text, anchor.endIndex);
  return { start: at, end: at, text: `${detectEol(text)}${lineIndent(text, anchor.startIndex)}${statement}` };
}

export interface JavaCall {
  call: Node;
  /** The statement the call is, when it is one (`cfg.setX(1);`). */
  statement: Node | null;
  name: string;
  args: Node[];
}

export const HIKARI_TYPES = /^(com\.zaxxer\.hikari\.)?(HikariConfig|HikariDataSource)$/;

/** Setters only HikariCP has: a receiver of unknown type that calls one is taken as a HikariCP config. */
const HIKARI_ONLY = new Set([
  'setMaximumPoolSize',
  'setMinimumIdle',
  'setKeepaliveTime',
  'setMaxLifetime',
  'setConnectionTestQuery',
  'addDataSourceProperty',
  'setDataSourceClassName',
  'setLeakDetectionThreshold',
  'setInitializationFailTimeout',
  'setValidationTimeout',
  'setConnectionTimeout',
]);

export interface JavaPoolVariable {
  /** The receiver as written: `cfg`, `this.config`. */
  name: string;
  type: 'HikariConfig' | 'HikariDataSource';
  /** The declaring statement (local variable or field), when this file has it. */
  declaration: Node | null;
  declarator: Node | null;
  /** Setter calls on the receiver, in document order. */
  calls: JavaCall[];
  /** Calls of a builder chain that initialises it (`DataSourceBuilder.create().url(…)…build()`). */
  builder: JavaCall[];
  /** `new HikariConfig("/hikari.properties")` or `new HikariDataSource(cfg)`: settings also come from elsewhere. */
  external: boolean;
  /** For `new HikariDataSource(cfg)`: the config variable it starts from. */
  wraps: string | null;
}

function baseName(object: Node): string | null {
  if (object.type === 'identifier') return object.text;
  if (object.type === 'field_access' && object.childForFieldName('object')?.type === 'this') {
    return object.childForFieldName('field')?.text ?? null;
  }
  return null;
}

function declarations(doc: ParsedDocument): Map<string, { statement: Node; declarator: Node; type: string }> {
  return doc.memo('jvm.java.declarations', () => {
    const out = new Map<string, { statement: Node; declarator: Node; type: string }>();
    const visit = (types: string[]) => {
      for (const statement of doc.root.descendantsOfType(types)) {
        if (!statement) continue;
        const type = statement.childForFieldName('type')?.text ?? '';
        for (const declarator of statement.childrenForFieldName('declarator')) {
          const name = declarator?.childForFieldName('name')?.text;
          if (declarator && name) out.set(name, { statement, declarator, type });
        }
        const name =
          statement.type === 'formal_parameter' ? statement.childForFieldName('name')?.text : undefined;
        if (name) out.set(name, { statement, declarator: statement, type });
      }
    };
    visit(['local_variable_declaration', 'field_declaration', 'formal_parameter']);
    return out;
  });
}

/** The calls of a fluent chain, innermost first: `a.b().c(x).d()` → b, c, d. */
function chainCalls(node: Node | null): JavaCall[] {
  const out: JavaCall[] = [];
  let at = node;
  while (at && at.type === 'method_invocation') {
    out.unshift({
      call: at,
      statement: null,
      name: at.childForFieldName('name')?.text ?? '',
      args: argumentsOf(at),
    });
    at = at.childForFieldName('object');
  }
  return out;
}

function hikariByInitializer(
  value: Node | null,
): { type: JavaPoolVariable['type']; external: boolean; wraps: string | null; builder: JavaCall[] } | null {
  if (!value) return null;
  if (value.type === 'object_creation_expression') {
    const type = value.childForFieldName('type')?.text.replace(/^com\.zaxxer\.hikari\./, '') ?? '';
    if (type !== 'HikariConfig' && type !== 'HikariDataSource') return null;
    const args = argumentsOf(value);
    const wraps = args.length === 1 && args[0]?.type === 'identifier' ? (args[0]?.text ?? null) : null;
    return {
      type,
      external: args.length > 0,
      wraps: type === 'HikariDataSource' ? wraps : null,
      builder: [],
    };
  }
  const builder = chainCalls(value);
  const typed = builder.some(
    (c) =>
      c.name === 'type' && /^(com\.zaxxer\.hikari\.)?HikariDataSource\.class$/.test(c.args[0]?.text ?? ''),
  );
  if (typed) return { type: 'HikariDataSource', external: false, wraps: null, builder };
  return null;
}

export function javaPoolVariables(doc: ParsedDocument): JavaPoolVariable[] {
  if (doc.grammar !== 'java') return [];
  return doc.memo('jvm.java.pools', () => {
    const decls = declarations(doc);
    const calls = new Map<string, JavaCall[]>();
    for (const call of doc.root.descendantsOfType('method_invocation')) {
      if (!call) continue;
      const object = call.childForFieldName('object');
      const name = call.childForFieldName('name')?.text ?? '';
      if (!object || !/^(set|add)[A-Z]/.test(name)) continue;
      const receiver = baseName(object);
      if (!receiver) continue;
      const parent = call.parent;
      const statement = parent?.type === 'expression_statement' ? parent : null;
      const list = calls.get(receiver) ?? [];
      list.push({ call, statement, name, args: argumentsOf(call) });
      calls.set(receiver, list);
    }
    const out: JavaPoolVariable[] = [];
    const seen = new Set<string>();
    const consider = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const decl = decls.get(name);
      const own = calls.get(name) ?? [];
      const byInit = hikariByInitializer(decl?.declarator.childForFieldName('value') ?? null);
      const declaredType = decl?.type.replace(/^com\.zaxxer\.hikari\./, '').replace(/^final\s+/, '');
      let type: JavaPoolVariable['type'] | null = null;
      if (declaredType === 'HikariConfig' || declaredType === 'HikariDataSource') type = declaredType;
      else if (
        byInit &&
        (declaredType === 'var' || declaredType === 'DataSource' || declaredType === 'javax.sql.DataSource')
      )
        type = byInit.type;
      else if (!decl && own.some((c) => HIKARI_ONLY.has(c.name))) type = 'HikariConfig';
      if (!type) return;
      out.push({
        name,
        type,
        declaration: decl?.statement.type === 'formal_parameter' ? null : (decl?.statement ?? null),
        declarator: decl?.declarator ?? null,
        calls: own,
        builder: byInit?.builder ?? [],
        external: byInit ? byInit.external : decl?.statement.type === 'formal_parameter' || !decl,
        wraps: byInit?.wraps ?? null,
      });
    };
    for (const [name] of decls) consider(name);
    for (const [name] of calls) consider(name);
    // `new HikariDataSource(cfg)` with no setters of its own is cfg's pool, not another config.
    const configs = new Set(out.map((v) => v.name));
    return out
      .filter((v) => !(v.wraps && configs.has(v.wraps) && v.calls.length === 0))
      .sort(
        (a, b) =>
          (a.declaration?.startIndex ?? a.calls[0]?.call.startIndex ?? 0) -
          (b.declaration?.startIndex ?? b.calls[0]?.call.startIndex ?? 0),
      );
  });
}

/** A setter call as a config entry: `cfg.setMaxLifetime(20_000)` → key `setMaxLifetime`, value `20_000`. */
export function callEntry(text: string, call: JavaCall, valueIndex = 0, key = call.name): ConfigEntry | null {
  const arg = call.args[valueIndex];
  if (!arg) return null;
  const nameNode = call.call.childForFieldName('name') as Node;
  return {
    key,
    keyRange: { start: nameNode.startIndex, end: nameNode.endIndex },
    value: javaValue(arg),
    range: { start: call.call.startIndex, end: call.call.endIndex },
    remove: () => (call.statement ? [removeStatementEdit(text, call.statement)] : []),
  };
}
