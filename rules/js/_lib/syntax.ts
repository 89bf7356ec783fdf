import type { Node } from 'web-tree-sitter';
import { detectEol, isFirstOnLine, lineEndOffset, lineIndent, lineStartOffset } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';

/**
 * JavaScript / TypeScript syntax helpers over tree-sitter (grammars `javascript`, `typescript`, `tsx`,
 * which share these node types): object literals and their members, literal values, constant
 * arithmetic, `const` bindings, and format-preserving edits of object literals and statements.
 */

/** Named children without comments. */
export function elements(container: Node): Node[] {
  return container.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
}

/** `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x`: the expression inside. */
export function unwrap(node: Node): Node {
  let current = node;
  for (let depth = 0; depth < 10; depth++) {
    const inner = elements(current);
    let next: Node | undefined;
    if (
      current.type === 'parenthesized_expression' ||
      current.type === 'as_expression' ||
      current.type === 'satisfies_expression' ||
      current.type === 'non_null_expression'
    ) {
      next = inner[0];
    } else if (current.type === 'type_assertion') {
      next = inner[inner.length - 1];
    }
    if (!next) return current;
    current = next;
  }
  return current;
}

export interface PlainString {
  value: string;
  /** File offset of the first character of the content (after the quote). */
  contentStart: number;
  node: Node;
}

/**
 * A string literal (or a template literal without `${}`) whose content is its value: no escapes, so
 * offsets inside the value are offsets in the file. Null otherwise.
 */
export function plainString(node: Node | null | undefined): PlainString | null {
  if (!node) return null;
  if (node.type !== 'string' && node.type !== 'template_string') return null;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type !== 'string_fragment') return null;
    value += child.text;
  }
  return { value, contentStart: node.startIndex + 1, node };
}

/** The value of a string literal, escapes included (for keys and comparisons); null otherwise. */
export function stringValue(node: Node | null | undefined): string | null {
  if (node?.type !== 'string') return null;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_fragment') value += child.text;
    else if (child.type === 'escape_sequence') {
      try {
        value += JSON.parse(`"${child.text.replace(/^\\'/, "'")}"`) as string;
      } catch {
        return null;
      }
    } else return null;
  }
  return value;
}

/** The name a property key stands for: `a`, `'a'`, `"a"`, `3`, `['a']`; null for computed keys. */
export function propertyKey(key: Node): string | null {
  switch (key.type) {
    case 'property_identifier':
    case 'identifier':
      return key.text;
    case 'string':
      return stringValue(key);
    case 'number': {
      const n = numberLiteral(key.text);
      return n === null ? null : String(n);
    }
    case 'computed_property_name': {
      const inner = elements(key)[0];
      if (inner?.type === 'string') return stringValue(inner);
      if (inner?.type === 'template_string') return plainString(inner)?.value ?? null;
      return null;
    }
    default:
      return null;
  }
}

export type Member =
  /** `key: value` (also `'key': value`). */
  | { kind: 'pair'; key: string; keyNode: Node; value: Node; node: Node }
  /** `key` meaning `key: key`. */
  | { kind: 'shorthand'; key: string; value: Node; node: Node }
  /** `...source`. */
  | { kind: 'spread'; argument: Node; node: Node }
  /** `[expr]: value`, methods and accessors with computed names: some key, unknown which. */
  | { kind: 'unknown'; node: Node }
  /** `key() {}`, `get key() {}`. */
  | { kind: 'method'; key: string; node: Node };

export function objectMembers(object: Node): Member[] {
  const out: Member[] = [];
  for (const el of elements(object)) {
    if (el.type === 'pair') {
      const keyNode = el.childForFieldName('key');
      const value = el.childForFieldName('value');
      const key = keyNode ? propertyKey(keyNode) : null;
      if (keyNode && value && key !== null) out.push({ kind: 'pair', key, keyNode, value, node: el });
      else out.push({ kind: 'unknown', node: el });
    } else if (el.type === 'shorthand_property_identifier') {
      out.push({ kind: 'shorthand', key: el.text, value: el, node: el });
    } else if (el.type === 'spread_element') {
      const argument = elements(el)[0];
      if (argument) out.push({ kind: 'spread', argument, node: el });
      else out.push({ kind: 'unknown', node: el });
    } else if (el.type === 'method_definition') {
      const name = el.childForFieldName('name');
      const key = name ? propertyKey(name) : null;
      out.push(key === null ? { kind: 'unknown', node: el } : { kind: 'method', key, node: el });
    } else {
      out.push({ kind: 'unknown', node: el });
    }
  }
  return out;
}

/** A numeric literal's value: `30_000`, `0x1f`, `1e3`, `.5`; null for BigInt and anything else. */
export function numberLiteral(text: string): number | null {
  const clean = text.replace(/_/g, '');
  if (/n$/.test(clean)) return null;
  const value = /^0[0-7]+$/.test(clean) ? Number.parseInt(clean, 8) : Number(clean);
  return Number.isFinite(value) ? value : null;
}

/**
 * Evaluates constant arithmetic: numbers, unary `-`/`+`, `+ - * / % **`, parentheses, and names bound
 * by a `const` in this file to such an expression (`30 * SECOND`). Null when anything else is involved.
 */
export function numericValue(doc: ParsedDocument, node: Node, depth = 0): number | null {
  if (depth > 8) return null;
  const n = unwrap(node);
  switch (n.type) {
    case 'number':
      return numberLiteral(n.text);
    case 'unary_expression': {
      const op = n.childForFieldName('operator')?.text;
      const arg = n.childForFieldName('argument');
      if (!arg || (op !== '-' && op !== '+')) return null;
      const v = numericValue(doc, arg, depth + 1);
      return v === null ? null : op === '-' ? -v : v;
    }
    case 'binary_expression': {
      const op = n.childForFieldName('operator')?.text;
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (!left || !right) return null;
      const a = numericValue(doc, left, depth + 1);
      const b = numericValue(doc, right, depth + 1);
      if (a === null || b === null) return null;
      const result =
        op === '+'
          ? a + b
          : op === '-'
            ? a - b
            : op === '*'
              ? a * b
              : op === '/'
                ? a / b
                : op === '%'
                  ? a % b
                  : op === '**'
                    ? a ** b
                    : null;
      return result !== null && Number.isFinite(result) ? result : null;
    }
    case 'identifier': {
      const binding = constBinding(doc, n.text);
      return binding ? numericValue(doc, binding.value, depth + 1) : null;
    }
    default:
      return null;
  }
}

export type ValueKind =
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'undefined' }
  | { kind: 'nan' }
  | { kind: 'string'; value: string }
  /** Read at run time from the environment or converted with Number()/parseInt(): may be NaN or undefined. */
  | { kind: 'env' }
  | { kind: 'unknown' };

const CONVERSIONS = /^(Number|parseInt|parseFloat|Number\.parseInt|Number\.parseFloat|Boolean|JSON\.parse)$/;

/** True when the expression reads `process.env` / `import.meta.env` / `Bun.env` / `Deno.env` somewhere. */
export function readsEnvironment(node: Node): boolean {
  const hit = (n: Node) =>
    /^(process\.env|import\.meta\.env|Bun\.env|Deno\.env)\b/.test(n.text.replace(/\s+/g, ''));
  if (
    node.type === 'member_expression' ||
    node.type === 'subscript_expression' ||
    node.type === 'call_expression'
  ) {
    if (hit(node)) return true;
  }
  for (const child of node.namedChildren) if (child && readsEnvironment(child)) return true;
  return false;
}

/**
 * `x || 10000`, `Number(process.env.X ?? 10000)`, `env.X ? Number(env.X) : 10000`: a run-time value
 * with a literal fallback in code, so an unset variable does not end up as NaN or undefined.
 */
function hasLiteralDefault(doc: ParsedDocument, node: Node): boolean {
  const literal = (x: Node | null) => {
    if (!x) return false;
    const u = unwrap(x);
    return numericValue(doc, u) !== null || u.type === 'string' || u.type === 'true' || u.type === 'false';
  };
  if (node.type === 'binary_expression') {
    const op = node.childForFieldName('operator')?.text;
    return (op === '||' || op === '??') && literal(node.childForFieldName('right'));
  }
  if (node.type === 'ternary_expression') {
    return literal(node.childForFieldName('alternative')) || literal(node.childForFieldName('consequence'));
  }
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function')?.text ?? '';
    const first = elements(node.childForFieldName('arguments') ?? node)[0];
    return CONVERSIONS.test(fn) && first !== undefined && hasLiteralDefault(doc, unwrap(first));
  }
  return false;
}

/** What a value expression is, as far as the text shows. */
export function valueKind(doc: ParsedDocument, node: Node): ValueKind {
  const n = unwrap(node);
  switch (n.type) {
    case 'true':
      return { kind: 'boolean', value: true };
    case 'false':
      return { kind: 'boolean', value: false };
    case 'null':
      return { kind: 'null' };
    case 'undefined':
      return { kind: 'undefined' };
    case 'string':
    case 'template_string': {
      const s = n.type === 'string' ? stringValue(n) : (plainString(n)?.value ?? null);
      if (s !== null) return { kind: 'string', value: s };
      return readsEnvironment(n) ? { kind: 'env' } : { kind: 'unknown' };
    }
    case 'identifier': {
      if (n.text === 'undefined') return { kind: 'undefined' };
      if (n.text === 'NaN') return { kind: 'nan' };
      const v = numericValue(doc, n);
      if (v !== null) return { kind: 'number', value: v };
      const binding = constBinding(doc, n.text);
      if (binding && unwrap(binding.value).type !== 'identifier') return valueKind(doc, binding.value);
      return { kind: 'unknown' };
    }
    default: {
      const v = numericValue(doc, n);
      if (v !== null) return { kind: 'number', value: v };
      if (hasLiteralDefault(doc, n)) return { kind: 'unknown' };
      if (readsEnvironment(n)) return { kind: 'env' };
      if (n.type === 'call_expression') {
        const fn = n.childForFieldName('function')?.text ?? '';
        if (CONVERSIONS.test(fn)) return { kind: 'env' };
      }
      return { kind: 'unknown' };
    }
  }
}

export interface Binding {
  name: string;
  /** `const`, `let` or `var`. */
  kind: string;
  declarator: Node;
  value: Node;
  /** TypeScript: the declared type's text (`PoolConfig`, `pg.PoolConfig`), if any. */
  typeAnnotation: string | null;
}

const DECLARATORS_QUERY = '(variable_declarator name: (identifier) @name value: (_) @value) @declarator';

/** Every `NAME = value` declarator in the file, by name, in document order; computed once per document. */
export function declarators(doc: ParsedDocument): Map<string, Binding[]> {
  return doc.memo('js.declarators', () => {
    const byName = new Map<string, Binding[]>();
    for (const match of doc.query(DECLARATORS_QUERY).matches(doc.root)) {
      const get = (c: string) => match.captures.find((x) => x.name === c)?.node;
      const name = get('name');
      const value = get('value');
      const declarator = get('declarator');
      if (!name || !value || !declarator) continue;
      const declaration = declarator.parent;
      const kind =
        declaration?.type === 'variable_declaration' ? 'var' : (declaration?.child(0)?.text ?? 'const');
      const type = declarator.childForFieldName('type');
      const list = byName.get(name.text) ?? [];
      list.push({
        name: name.text,
        kind,
        declarator,
        value,
        typeAnnotation: type ? type.text.replace(/^:\s*/, '') : null,
      });
      byName.set(name.text, list);
    }
    return byName;
  });
}

/** The one `const NAME = value` in the file; null when there is none or several (shadowing). */
export function constBinding(doc: ParsedDocument, name: string): Binding | null {
  const list = declarators(doc).get(name) ?? [];
  if (list.length !== 1) return null;
  const only = list[0] as Binding;
  return only.kind === 'const' ? only : null;
}

/** The one declarator of NAME (const, let or var) in the file; null when there is none or several. */
export function uniqueBinding(doc: ParsedDocument, name: string): Binding | null {
  const list = declarators(doc).get(name) ?? [];
  return list.length === 1 ? (list[0] as Binding) : null;
}

/** Identifiers named NAME outside its declaration, in document order. */
export function references(doc: ParsedDocument, name: string, declaration: Node): Node[] {
  const index = doc.memo('js.identifiers', () => {
    const byName = new Map<string, Node[]>();
    for (const id of doc.root.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
      if (!id) continue;
      const list = byName.get(id.text) ?? [];
      list.push(id);
      byName.set(id.text, list);
    }
    return byName;
  });
  const nameNode = declaration.childForFieldName('name');
  return (index.get(name) ?? []).filter((id) => id.startIndex !== nameNode?.startIndex);
}

/** The quote the file's string literals mostly use. */
export function quoteOf(doc: ParsedDocument): "'" | '"' {
  return doc.memo('js.quote', () => {
    let single = 0;
    let double = 0;
    for (const s of doc.root.descendantsOfType('string')) {
      if (s?.text.startsWith("'")) single++;
      else if (s?.text.startsWith('"')) double++;
    }
    return double > single ? '"' : "'";
  });
}

function commaAfter(node: Node): Node | null {
  for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (sibling.type === ',') return sibling;
    if (sibling.type !== 'comment') return null;
  }
  return null;
}

/** A `//` comment on the same line right after `offset` (only spaces between), or null. */
function trailingLineComment(text: string, offset: number): boolean {
  return /^[ \t]*\/\/.*$/.test(text.slice(offset, lineEndOffset(text, offset)));
}

/** One level of indentation as the file writes it: a tab, or the smallest run of leading spaces. */
export function indentUnit(text: string): string {
  if (/^\t/m.test(text)) return '\t';
  let smallest = 0;
  for (const m of text.matchAll(/^( +)\S/gm)) {
    const n = m[1]?.length ?? 0;
    if (n > 0 && (smallest === 0 || n < smallest)) smallest = n;
  }
  return ' '.repeat(smallest || 2);
}

/**
 * Edits that add `key: value` properties to an object literal in its own layout: one per line stays
 * one per line (same indentation, trailing comma kept or not), inline stays inline. With `before`, the
 * properties go right before that member (a spread, so that whatever the spread holds still wins).
 * An empty `{}` is replaced whole, so two rules filling it conflict and apply one after the other
 * rather than producing `{ a }{ b }`.
 */
export function insertPropertiesEdits(
  text: string,
  object: Node,
  props: readonly string[],
  before?: Node,
): TextEdit[] {
  if (props.length === 0) return [];
  const eol = detectEol(text);
  const items = elements(object);
  const open = object.child(0);
  const close = object.child(object.childCount - 1);
  if (!open || !close) return [];
  if (before) {
    const vertical =
      isFirstOnLine(text, before.startIndex) && before.startPosition.row > open.startPosition.row;
    if (vertical) {
      const indent = lineIndent(text, before.startIndex);
      const at = lineStartOffset(text, before.startIndex);
      return [{ start: at, end: at, text: props.map((p) => `${indent}${p},${eol}`).join('') }];
    }
    return [{ start: before.startIndex, end: before.startIndex, text: props.map((p) => `${p}, `).join('') }];
  }
  const last = items[items.length - 1];
  if (!last) {
    const multiLine = close.startPosition.row > open.startPosition.row;
    if (multiLine) {
      const indent = lineIndent(text, close.startIndex);
      const inner = indent + indentUnit(text);
      return [
        {
          start: open.startIndex,
          end: close.endIndex,
          text: `{${eol}${props.map((p) => `${inner}${p},`).join(eol)}${eol}${indent}}`,
        },
      ];
    }
    return [{ start: open.startIndex, end: close.endIndex, text: `{ ${props.join(', ')} }` }];
  }
  const comma = commaAfter(last);
  const vertical = last.startPosition.row > open.startPosition.row && isFirstOnLine(text, last.startIndex);
  if (vertical) {
    const indent = lineIndent(text, last.startIndex);
    const body = props.map((p) => `${indent}${p}`).join(`,${eol}`);
    if (comma) {
      const at =
        close.startPosition.row === comma.startPosition.row
          ? comma.endIndex
          : lineEndOffset(text, comma.endIndex);
      return [{ start: at, end: at, text: `${eol}${body},` }];
    }
    if (close.startPosition.row !== last.endPosition.row && trailingLineComment(text, last.endIndex)) {
      // `last // comment`: the comma goes before the comment, the keys after it. One replacement, so a
      // second rule adding keys here conflicts and waits for the next pass instead of adding `,,`.
      const lineEnd = lineEndOffset(text, last.endIndex);
      const comment = text.slice(last.endIndex, lineEnd);
      return [{ start: last.endIndex, end: lineEnd, text: `,${comment}${eol}${body}` }];
    }
    return [{ start: last.endIndex, end: last.endIndex, text: `,${eol}${body}` }];
  }
  if (comma) return [{ start: comma.endIndex, end: comma.endIndex, text: ` ${props.join(', ')},` }];
  return [{ start: last.endIndex, end: last.endIndex, text: `, ${props.join(', ')}` }];
}

/** Alone on its line (with its comma and maybe a `//` comment): removing it removes the line. */
function ownsLine(text: string, member: Node): boolean {
  const comma = commaAfter(member);
  const end = comma ? comma.endIndex : member.endIndex;
  return (
    isFirstOnLine(text, member.startIndex) && /^\s*(\/\/.*)?$/.test(text.slice(end, lineEndOffset(text, end)))
  );
}

/**
 * Removes members of an object literal (or arguments of a call) at once, with edits that never
 * overlap: a member on a line of its own goes with its line; an inline one takes the comma after it
 * when a kept member follows, else the comma before it. A list without a trailing comma keeps none.
 */
export function removeMembersEdits(text: string, container: Node, remove: readonly Node[]): TextEdit[] {
  const items = elements(container);
  const removing = new Set(remove.map((n) => n.startIndex));
  const isRemoved = (n: Node) => removing.has(n.startIndex);
  const open = container.child(0);
  const close = container.child(container.childCount - 1);
  if (items.length > 0 && items.every(isRemoved) && !items.some((n) => ownsLine(text, n)) && open && close) {
    return [{ start: open.endIndex, end: close.startIndex, text: '' }];
  }
  const last = items[items.length - 1];
  const trailingComma = last ? commaAfter(last) !== null : false;
  const edits: TextEdit[] = [];
  items.forEach((item, index) => {
    if (!isRemoved(item)) return;
    const comma = commaAfter(item);
    const keptAfter = items.slice(index + 1).some((n) => !isRemoved(n));
    const keptBefore = items.slice(0, index).filter((n) => !isRemoved(n));
    const previousKept = keptBefore[keptBefore.length - 1];
    if (ownsLine(text, item)) {
      const lineStart = lineStartOffset(text, item.startIndex);
      const end = comma ? comma.endIndex : item.endIndex;
      const next = text.indexOf('\n', lineEndOffset(text, end));
      edits.push({ start: lineStart, end: next === -1 ? text.length : next + 1, text: '' });
      // The first removed member after the last kept one: that one's comma would become trailing.
      const firstAfterKept = previousKept && items[items.indexOf(previousKept) + 1] === item;
      if (!keptAfter && previousKept && firstAfterKept && !trailingComma) {
        const c = commaAfter(previousKept);
        if (c && c.endIndex <= lineStart) edits.push({ start: c.startIndex, end: c.endIndex, text: '' });
      }
      return;
    }
    if (keptAfter || !previousKept) {
      let stop = comma ? comma.endIndex : item.endIndex;
      while (stop < text.length && (text[stop] === ' ' || text[stop] === '\t')) stop++;
      edits.push({ start: item.startIndex, end: stop, text: '' });
      return;
    }
    // After every kept member: take the comma before it; a trailing comma after it stays.
    let prev = item.previousSibling;
    while (prev && prev.type !== ',') prev = prev.previousSibling;
    const start = prev ? prev.startIndex : item.startIndex;
    edits.push({ start, end: item.endIndex, text: '' });
  });
  return edits;
}

/** The statement that holds `node` directly in a block or the program (a declaration, an expression). */
export function enclosingStatement(node: Node): Node | null {
  let current: Node | null = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'program' || parent.type === 'statement_block') {
      return current.type === 'comment' ? null : current;
    }
    if (
      parent.type === 'arrow_function' ||
      parent.type === 'class_body' ||
      parent.type === 'switch_case' ||
      parent.type === 'if_statement' ||
      parent.type === 'else_clause'
    ) {
      return null;
    }
    current = parent;
  }
  return null;
}

/**
 * An edit that adds one statement on its own line right after `statement`, with the statement's
 * indentation and after any `//` comment that ends its line.
 */
export function insertStatementAfterEdit(text: string, statement: Node, code: string): TextEdit {
  const eol = detectEol(text);
  const indent = lineIndent(text, statement.startIndex);
  const at = trailingLineComment(text, statement.endIndex)
    ? lineEndOffset(text, statement.endIndex)
    : statement.endIndex;
  return { start: at, end: at, text: `${eol}${indent}${code}` };
}

/** Whether the statement is written with a closing `;` (the file's style for the line we add). */
export function endsWithSemicolon(statement: Node): boolean {
  return statement.text.trimEnd().endsWith(';');
}

/** `a.b.c` text without whitespace, to compare targets such as `this.pool`. */
export function normalized(node: Node): string {
  return node.text.replace(/\s+/g, '');
}
