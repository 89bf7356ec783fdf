import type { Node } from 'web-tree-sitter';
import { detectEol, isFirstOnLine, lineEndOffset, lineIndent, lineStartOffset } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { backslashLiteral, type Literal, plainLiteral } from './literal';
import { type ConfigEntry, type ConfigValue, groupDigits } from './model';

/**
 * Kotlin pool code: an object built by a constructor call (`HikariConfig()`, `BasicDataSource()`)
 * and configured in an `apply { … }` block (`maxLifetime = 20_000`, `setKeepaliveTime(30_000)`,
 * `addDataSourceProperty("tcpKeepAlive", "true")`) and/or through the variable it is stored in
 * (`config.maxLifetime = …`, `config.setMaxLifetime(…)`). Java setters are Kotlin properties, so
 * every entry is keyed by the property name (`setMaxLifetime` and `maxLifetime` are one key).
 * Values are evaluated only when constant, as in Java.
 */

export interface KotlinSetting {
  /** Property name: `maxLifetime` (from `maxLifetime = …` or `setMaxLifetime(…)`). */
  prop: string;
  entry: ConfigEntry;
}

export interface KotlinCall {
  name: string;
  call: Node;
  args: Node[];
  /** The call is a statement of its own (removable with its line). */
  statement: boolean;
}

export interface KotlinObject {
  /** Constructor name without package: `HikariConfig`. */
  type: string;
  /** The variable it is stored in (`val config = …`), or null for an inline `T().apply { }`. */
  name: string | null;
  constructor: Node;
  /** Constructor arguments (a `HikariDataSource(config)` wraps another object). */
  args: Node[];
  settings: KotlinSetting[];
  /** Calls on the object other than plain setters (`addDataSourceProperty`). */
  calls: KotlinCall[];
  /** Adds `prop = value` (a Kotlin literal already) where this object's settings are written. */
  insert(prop: string, value: string): TextEdit | null;
  /** Adds a method call statement: `addDataSourceProperty("x", "y")`. */
  insertCall(call: string): TextEdit | null;
}

const UNIT_MS: Record<string, number> = {
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

function named(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/** `value_arguments` of a call, unwrapped to the expressions. */
export function kotlinArgs(call: Node): Node[] {
  const list = named(call).find((c) => c.type === 'value_arguments');
  if (!list) return [];
  return named(list).map((a) => (a.type === 'value_argument' ? (named(a).at(-1) ?? a) : a));
}

/** A call's callee: `f` in `f(x)`, or the navigation `a.b` in `a.b(x)`. */
function callee(call: Node): Node | null {
  return named(call)[0] ?? null;
}

function lambdaOf(call: Node): Node | null {
  const annotated = named(call).find((c) => c.type === 'annotated_lambda');
  return annotated ? (named(annotated).find((c) => c.type === 'lambda_literal') ?? null) : null;
}

/** The value of a constant numeric expression, or null. */
export function evaluateKotlinNumber(node: Node | null): number | null {
  if (!node) return null;
  switch (node.type) {
    case 'number_literal': {
      const digits = node.text.replace(/_/g, '').replace(/[lL]$/, '');
      return /^\d+$/.test(digits) ? Number(digits) : null;
    }
    case 'parenthesized_expression':
      return evaluateKotlinNumber(named(node)[0] ?? null);
    case 'unary_expression':
    case 'prefix_expression': {
      const operand = evaluateKotlinNumber(named(node).at(-1) ?? null);
      if (operand === null) return null;
      return node.text.trim().startsWith('-') ? -operand : node.text.trim().startsWith('+') ? operand : null;
    }
    case 'multiplicative_expression':
    case 'additive_expression':
    case 'binary_expression': {
      const [left, right] = [
        node.childForFieldName('left') ?? named(node)[0],
        node.childForFieldName('right') ?? named(node)[1],
      ];
      const a = evaluateKotlinNumber(left ?? null);
      const b = evaluateKotlinNumber(right ?? null);
      if (a === null || b === null || !left || !right) return null;
      const op = node.text.slice(left.endIndex - node.startIndex, right.startIndex - node.startIndex).trim();
      if (op === '*') return a * b;
      if (op === '+') return a + b;
      if (op === '-') return a - b;
      return null;
    }
    case 'call_expression': {
      const head = callee(node);
      const args = kotlinArgs(node);
      if (head?.type !== 'navigation_expression') return null;
      const parts = named(head);
      const method = parts.at(-1)?.text ?? '';
      const receiver = parts[0];
      // TimeUnit.MINUTES.toMillis(2)
      if (method === 'toMillis' && args.length === 1 && receiver) {
        const unit = receiver.text.split('.').at(-1) ?? '';
        const n = evaluateKotlinNumber(args[0] ?? null);
        if (/^(TimeUnit\.)?[A-Z]+$/.test(receiver.text) && UNIT_MS[unit] !== undefined && n !== null)
          return n * (UNIT_MS[unit] as number);
      }
      // Duration.ofMinutes(2).toMillis()
      if (method === 'toMillis' && args.length === 0 && receiver?.type === 'call_expression') {
        return durationMs(receiver);
      }
      return null;
    }
    default:
      return null;
  }
}

/** `Duration.ofSeconds(5)` in milliseconds, or null. */
export function durationMs(node: Node): number | null {
  if (node.type !== 'call_expression') return null;
  const head = callee(node);
  if (head?.type !== 'navigation_expression') return null;
  const parts = named(head);
  const of = parts.at(-1)?.text ?? '';
  const receiver = parts[0]?.text ?? '';
  const args = kotlinArgs(node);
  const n = evaluateKotlinNumber(args[0] ?? null);
  if (
    /^(java\.time\.)?Duration$/.test(receiver) &&
    DURATION_MS[of] !== undefined &&
    args.length === 1 &&
    n !== null
  )
    return n * (DURATION_MS[of] as number);
  return null;
}

/** A plain `"…"` string without templates, decoded; null otherwise. */
export function kotlinString(node: Node | null): Literal | null {
  if (node?.type !== 'string_literal') return null;
  const raw = node.text;
  if (!raw.startsWith('"') || raw.startsWith('"""') || raw.length < 2) return null;
  const body = raw.slice(1, -1);
  if (/\$[\w{]/.test(body)) return null;
  return body.includes('\\')
    ? backslashLiteral(body, node.startIndex + 1)
    : plainLiteral(body, node.startIndex + 1);
}

function writeNumber(original: Node, value: number): string {
  if (original.type !== 'number_literal') return String(value);
  const raw = original.text;
  const suffix = /[lL]$/.exec(raw)?.[0] ?? '';
  return `${raw.includes('_') ? groupDigits(value) : String(value)}${suffix}`;
}

export function kotlinValue(node: Node): ConfigValue {
  const str = kotlinString(node);
  const bool = node.type === 'boolean_literal' || node.text === 'true' || node.text === 'false';
  const literal =
    str ?? (bool || node.type === 'number_literal' ? plainLiteral(node.text, node.startIndex) : null);
  return {
    range: { start: node.startIndex, end: node.endIndex },
    text: node.text,
    literal,
    placeholder: false,
    number: evaluateKotlinNumber(node),
    write: (value) => ({
      start: node.startIndex,
      end: node.endIndex,
      text:
        typeof value === 'number'
          ? writeNumber(node, value)
          : typeof value === 'boolean' || (bool && /^(true|false)$/.test(String(value)))
            ? String(value)
            : `"${String(value).replace(/(["\\$])/g, '\\$1')}"`,
    }),
  };
}

/** Removes a statement with its line when it has the line to itself. */
function removeStatement(text: string, node: Node): TextEdit {
  const after = text.slice(node.endIndex, lineEndOffset(text, node.endIndex));
  if (isFirstOnLine(text, node.startIndex) && /^\s*;?\s*(\/\/.*)?$/.test(after)) {
    const start = lineStartOffset(text, node.startIndex);
    const end = lineEndOffset(text, node.endIndex);
    if (start > 0) return { start: text[start - 2] === '\r' ? start - 2 : start - 1, end, text: '' };
    const next = text.indexOf('\n', end);
    return { start: 0, end: next === -1 ? end : next + 1, text: '' };
  }
  let end = node.endIndex;
  while (text[end] === ' ' || text[end] === '\t' || text[end] === ';') end++;
  return { start: node.startIndex, end, text: '' };
}

function propOfSetter(name: string): string | null {
  return /^set[A-Z]/.test(name) ? `${name[3]?.toLowerCase()}${name.slice(4)}` : null;
}

function isStatement(node: Node): boolean {
  const p = node.parent;
  return (
    !!p &&
    (p.type === 'lambda_literal' ||
      p.type === 'statements' ||
      p.type === 'block' ||
      p.type === 'source_file' ||
      p.type === 'function_body')
  );
}

function settingFromAssignment(text: string, node: Node, receiver: string | null): KotlinSetting | null {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return null;
  let prop: string | null = null;
  if (receiver === null && left.type === 'identifier') prop = left.text;
  if (receiver !== null && left.type === 'navigation_expression') {
    const parts = named(left);
    if (parts.length === 2 && parts[0]?.text === receiver && parts[1]?.type === 'identifier')
      prop = parts[1].text;
  }
  if (!prop) return null;
  return {
    prop,
    entry: {
      key: prop,
      keyRange: { start: left.startIndex, end: left.endIndex },
      value: kotlinValue(right),
      range: { start: node.startIndex, end: node.endIndex },
      remove: () => [removeStatement(text, node)],
    },
  };
}

function callOn(node: Node, receiver: string | null): KotlinCall | null {
  if (node.type !== 'call_expression') return null;
  const head = callee(node);
  if (!head) return null;
  let name: string | null = null;
  if (receiver === null && head.type === 'identifier') name = head.text;
  if (receiver !== null && head.type === 'navigation_expression') {
    const parts = named(head);
    if (parts.length === 2 && parts[0]?.text === receiver) name = parts[1]?.text ?? null;
  }
  if (!name || lambdaOf(node)) return null;
  return { name, call: node, args: kotlinArgs(node), statement: isStatement(node) };
}

function settingFromCall(text: string, call: KotlinCall): KotlinSetting | null {
  const prop = propOfSetter(call.name);
  const arg = call.args[0];
  if (!prop || call.args.length !== 1 || !arg) return null;
  const head = callee(call.call) as Node;
  const nameNode = head.type === 'navigation_expression' ? (named(head).at(-1) ?? head) : head;
  return {
    prop,
    entry: {
      key: call.name,
      keyRange: { start: nameNode.startIndex, end: nameNode.endIndex },
      value: kotlinValue(arg),
      range: { start: call.call.startIndex, end: call.call.endIndex },
      remove: () => (call.statement ? [removeStatement(text, call.call)] : []),
    },
  };
}

function statementsOf(lambda: Node): Node[] {
  const out: Node[] = [];
  for (const c of named(lambda)) {
    if (c.type === 'statements') out.push(...named(c));
    else if (c.type !== 'lambda_parameters') out.push(c);
  }
  return out;
}

/** Every object built by calling one of `types` (simple or qualified name), with its settings. */
export function kotlinObjects(doc: ParsedDocument, types: RegExp): KotlinObject[] {
  if (doc.grammar !== 'kotlin') return [];
  return doc.memo(`jvm.kotlin.objects:${types.source}`, () => {
    const text = doc.text;
    const eol = detectEol(text);
    const out: KotlinObject[] = [];
    for (const call of doc.root.descendantsOfType('call_expression')) {
      if (!call) continue;
      const head = callee(call);
      if (!head || lambdaOf(call)) continue;
      const typeName = head.text.replace(/\s+/g, '').split('.').at(-1) ?? '';
      if ((head.type !== 'identifier' && head.type !== 'navigation_expression') || !types.test(typeName))
        continue;
      if (!/^[A-Z]/.test(typeName)) continue;
      // `T().apply { … }`: the lambda configures the object.
      let outer: Node = call;
      let block: Node | null = null;
      const nav = call.parent;
      if (
        nav?.type === 'navigation_expression' &&
        named(nav)[0]?.id === call.id &&
        /^(apply|also)$/.test(named(nav)[1]?.text ?? '')
      ) {
        const applied = nav.parent;
        if (applied?.type === 'call_expression' && lambdaOf(applied)) {
          block = lambdaOf(applied);
          outer = applied;
          if (named(nav)[1]?.text === 'also') block = null; // `also { it.x = … }`: not read
        }
      }
      const decl = outer.parent?.type === 'property_declaration' ? outer.parent : null;
      const name = decl
        ? (named(decl)
            .find((c) => c.type === 'variable_declaration')
            ?.text.split(':')[0]
            ?.trim() ?? null)
        : null;
      const settings: KotlinSetting[] = [];
      const calls: KotlinCall[] = [];
      const blockStatements = block ? statementsOf(block) : [];
      for (const s of blockStatements) {
        if (s.type === 'assignment') {
          const setting = settingFromAssignment(text, s, null);
          if (setting) settings.push(setting);
          continue;
        }
        const c = callOn(s, null);
        if (!c) continue;
        const setting = settingFromCall(text, c);
        if (setting) settings.push(setting);
        else calls.push(c);
      }
      let lastOutside: Node | null = null;
      if (name) {
        const scope = decl?.parent ?? doc.root;
        for (const n of scope.descendantsOfType(['assignment', 'call_expression'])) {
          if (!n || n.startIndex < outer.endIndex) continue;
          if (n.type === 'assignment') {
            const setting = settingFromAssignment(text, n, name);
            if (setting) {
              settings.push(setting);
              if (isStatement(n)) lastOutside = n;
            }
            continue;
          }
          const c = callOn(n, name);
          if (!c) continue;
          const setting = settingFromCall(text, c);
          if (setting) settings.push(setting);
          else calls.push(c);
          if (c.statement) lastOutside = c.call;
        }
      }
      const lastInBlock = blockStatements.at(-1) ?? null;
      const add = (line: (inBlock: boolean) => string): TextEdit | null => {
        if (lastOutside && name) {
          const at = lineEndOffset(text, lastOutside.endIndex);
          return {
            start: at,
            end: at,
            text: `${eol}${lineIndent(text, lastOutside.startIndex)}${line(false)}`,
          };
        }
        if (block && lastInBlock && isFirstOnLine(text, lastInBlock.startIndex)) {
          const at = lineEndOffset(text, lastInBlock.endIndex);
          if (at > block.endIndex - 1) return null;
          return {
            start: at,
            end: at,
            text: `${eol}${lineIndent(text, lastInBlock.startIndex)}${line(true)}`,
          };
        }
        if (name && decl && isFirstOnLine(text, decl.startIndex)) {
          const at = lineEndOffset(text, decl.endIndex);
          return { start: at, end: at, text: `${eol}${lineIndent(text, decl.startIndex)}${line(false)}` };
        }
        return null;
      };
      out.push({
        type: typeName,
        name,
        constructor: call,
        args: kotlinArgs(call),
        settings,
        calls,
        insert: (prop, value) => add((inBlock) => `${inBlock ? '' : `${name}.`}${prop} = ${value}`),
        insertCall: (c) => add((inBlock) => `${inBlock ? '' : `${name}.`}${c}`),
      });
    }
    return out.sort((a, b) => a.constructor.startIndex - b.constructor.startIndex);
  });
}

/** A Kotlin literal for a value the fix writes: digits grouped when the object's numbers are. */
export function kotlinLiteral(object: KotlinObject, value: number | string | boolean): string {
  if (typeof value === 'number') {
    const grouped = object.settings.some((s) => /\d_\d/.test(s.entry.value?.text ?? ''));
    return grouped ? groupDigits(value) : String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return `"${value.replace(/(["\\$])/g, '\\$1')}"`;
}

/** Every plain string literal of a Kotlin file, decoded. */
export function kotlinStrings(doc: ParsedDocument): Literal[] {
  return doc.root.descendantsOfType('string_literal').flatMap((n) => {
    const literal = n ? kotlinString(n) : null;
    return literal ? [literal] : [];
  });
}
