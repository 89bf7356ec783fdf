import type { Node } from 'web-tree-sitter';
import { detectEol, isFirstOnLine, lineEndOffset, lineIndent } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';

/** Python syntax helpers shared by the Python rules: calls, keyword arguments, dict literals. */

export interface CallSite {
  call: Node;
  /** The callee's last name: `create_engine` for `sa.create_engine(...)`. */
  name: string;
  callee: Node;
  args: Node;
}

const CALLS_QUERY = `
(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ] @callee
  arguments: (argument_list) @args) @call
`;

/** Every call whose callee's last name is one of `names`, in document order. */
export function findCalls(doc: ParsedDocument, names: readonly string[]): CallSite[] {
  const out: CallSite[] = [];
  for (const match of doc.query(CALLS_QUERY).matches(doc.root)) {
    const get = (capture: string) => match.captures.find((c) => c.name === capture)?.node;
    const name = get('name');
    const call = get('call');
    const callee = get('callee');
    const args = get('args');
    if (!name || !call || !callee || !args) continue;
    if (names.includes(name.text)) out.push({ call, name: name.text, callee, args });
  }
  return out.sort((a, b) => a.call.startIndex - b.call.startIndex);
}

/** The elements of an argument list or a dict literal, without punctuation and comments. */
export function elements(container: Node): Node[] {
  return container.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
}

export interface KeywordArgument {
  name: string;
  nameNode: Node;
  value: Node;
  node: Node;
}

export function keywordArguments(args: Node): KeywordArgument[] {
  const out: KeywordArgument[] = [];
  for (const el of elements(args)) {
    if (el.type !== 'keyword_argument') continue;
    const nameNode = el.childForFieldName('name');
    const value = el.childForFieldName('value');
    if (nameNode && value) out.push({ name: nameNode.text, nameNode, value, node: el });
  }
  return out;
}

/** `**something` arguments of a call. */
export function dictionarySplats(args: Node): Node[] {
  return elements(args).filter((el) => el.type === 'dictionary_splat');
}

/** The string value of a Python string literal without prefixes or interpolation, else null. */
export function stringLiteralValue(node: Node): string | null {
  if (node.type !== 'string') return null;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return null;
    if (child.type === 'string_content' || child.type === 'escape_sequence') value += child.text;
  }
  return value;
}

/** The quote of the first string literal inside `node` (prefixes like `f`/`r` skipped), or null. */
export function firstStringQuote(node: Node): '"' | "'" | null {
  const first = node.descendantsOfType('string_start')[0];
  if (!first) return null;
  return first.text.replace(/^[rbuf]+/i, '').startsWith("'") ? "'" : '"';
}

/** The quote character a dict literal's string keys already use, defaulting to double quotes. */
export function quoteStyle(container: Node): '"' | "'" {
  for (const el of elements(container)) {
    const key = el.type === 'pair' ? el.childForFieldName('key') : null;
    if (key?.type === 'string') {
      const text = key.text.replace(/^[rbuf]+/i, '');
      if (text.startsWith("'")) return "'";
      if (text.startsWith('"')) return '"';
    }
  }
  return '"';
}

export interface DictEntry {
  key: string;
  keyNode: Node;
  value: Node;
  node: Node;
}

/** `{"k": v}` pairs with literal string keys. */
export function dictEntries(dict: Node): DictEntry[] {
  const out: DictEntry[] = [];
  for (const el of elements(dict)) {
    if (el.type !== 'pair') continue;
    const keyNode = el.childForFieldName('key');
    const value = el.childForFieldName('value');
    const key = keyNode ? stringLiteralValue(keyNode) : null;
    if (keyNode && value && key !== null) out.push({ key, keyNode, value, node: el });
  }
  return out;
}

/**
 * Where `**NAME` gets its keys from, when NAME is bound in the same file to a literal: the last
 * `NAME = dict(...)` or `NAME = {...}` before the call. Null when it cannot be seen.
 */
export type SplatSource =
  | { kind: 'dict-call'; args: Node; assignment: Node }
  | { kind: 'dict-literal'; dict: Node; assignment: Node };

const ASSIGNMENTS_QUERY = `
(assignment left: (identifier) @name right: (_) @value) @assignment
`;

interface Assignment {
  name: string;
  value: Node;
  assignment: Node;
}

/** Every `NAME = value` in the file, grouped by name, in document order; computed once per document. */
function assignmentsByName(doc: ParsedDocument): Map<string, Assignment[]> {
  return doc.memo('python.assignments', () => {
    const byName = new Map<string, Assignment[]>();
    for (const match of doc.query(ASSIGNMENTS_QUERY).matches(doc.root)) {
      const name = match.captures.find((c) => c.name === 'name')?.node;
      const value = match.captures.find((c) => c.name === 'value')?.node;
      const assignment = match.captures.find((c) => c.name === 'assignment')?.node;
      if (!name || !value || !assignment) continue;
      const list = byName.get(name.text) ?? [];
      list.push({ name: name.text, value, assignment });
      byName.set(name.text, list);
    }
    return byName;
  });
}

export function resolveSplat(doc: ParsedDocument, splat: Node): SplatSource | null {
  const target = splat.namedChildren.find((n) => n && n.type !== 'comment');
  if (target?.type !== 'identifier') return null;
  const before = (assignmentsByName(doc).get(target.text) ?? []).filter(
    (a) => a.assignment.startIndex < splat.startIndex,
  );
  const last = before[before.length - 1];
  if (!last) return null;
  const { value, assignment } = last;
  if (value.type === 'dictionary') return { kind: 'dict-literal', dict: value, assignment };
  if (value.type === 'call' && value.childForFieldName('function')?.text === 'dict') {
    const args = value.childForFieldName('arguments');
    return args && args.type === 'argument_list' ? { kind: 'dict-call', args, assignment } : null;
  }
  return null;
}

/**
 * An edit that appends one element (`pool_pre_ping=True`, `"k": v`) to an argument list or dict
 * literal in the container's own layout: one element per line stays one per line with the same
 * indentation, a trailing comma stays, inline lists stay inline. Line endings follow the file.
 */
export function appendElementEdit(text: string, container: Node, element: string): TextEdit {
  const items = elements(container);
  const open = container.child(0);
  const close = container.child(container.childCount - 1);
  const last = items[items.length - 1];
  if (!open || !close) throw new Error('container without delimiters');
  if (!last) {
    return { start: open.endIndex, end: open.endIndex, text: element };
  }
  let comma: Node | null = null;
  for (let sibling = last.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (sibling.type === ',') {
      comma = sibling;
      break;
    }
    if (sibling.type !== 'comment') break;
  }
  const vertical = last.startPosition.row > open.startPosition.row && isFirstOnLine(text, last.startIndex);
  if (vertical) {
    const eol = detectEol(text);
    const indent = lineIndent(text, last.startIndex);
    if (comma) {
      const at =
        close.startPosition.row === comma.startPosition.row
          ? comma.endIndex
          : lineEndOffset(text, comma.endIndex);
      return { start: at, end: at, text: `${eol}${indent}${element},` };
    }
    return { start: last.endIndex, end: last.endIndex, text: `,${eol}${indent}${element}` };
  }
  if (comma) return { start: comma.endIndex, end: comma.endIndex, text: ` ${element},` };
  return { start: last.endIndex, end: last.endIndex, text: `, ${element}` };
}

/** Python truthiness of a literal; null when the value is not a literal (a name, a call…). */
export function literalTruthiness(value: Node): boolean | null {
  switch (value.type) {
    case 'true':
      return true;
    case 'false':
    case 'none':
      return false;
    case 'integer':
    case 'float':
      return Number(value.text.replace(/_/g, '')) !== 0;
    case 'string': {
      const s = stringLiteralValue(value);
      return s === null ? null : s.length > 0;
    }
    default:
      return null;
  }
}

export interface StringValue {
  value: string;
  /** Offset of the first character of the string's content (after prefix and quotes). */
  contentStart: number;
  node: Node;
}

/**
 * A plain string literal whose content is its value (no escapes, no f-string fields), so offsets in
 * the value are offsets in the file. Null otherwise: such strings are reported but never edited.
 */
export function plainString(node: Node): StringValue | null {
  if (node.type !== 'string') return null;
  const start = node.child(0);
  if (start?.type !== 'string_start') return null;
  if (node.descendantsOfType(['interpolation', 'escape_sequence']).length > 0) return null;
  let value = '';
  for (const child of node.namedChildren) {
    if (child?.type === 'string_content') value += child.text;
  }
  return { value, contentStart: start.endIndex, node };
}

/**
 * Follows a name to the last module-level `NAME = "literal"` before `before`. Returns the literal, or
 * null when the value comes from elsewhere (environment, settings, a call): then it is unknown.
 */
export function resolveString(doc: ParsedDocument, node: Node, before: number): StringValue | null {
  if (node.type === 'string') return plainString(node);
  if (node.type !== 'identifier') return null;
  const candidates = (assignmentsByName(doc).get(node.text) ?? []).filter(
    (a) => a.assignment.startIndex < before && a.assignment.parent?.parent?.type === 'module',
  );
  const last = candidates[candidates.length - 1];
  return last ? plainString(last.value) : null;
}

/**
 * An edit that removes one element of an argument list or dict literal with its comma. An element
 * alone on its line goes with its whole line (and the comment on it); an inline one takes the comma
 * after it, or before it when it is last.
 */
export function removeElementEdit(text: string, container: Node, element: Node): TextEdit {
  const items = elements(container);
  const index = items.findIndex((n) => n.startIndex === element.startIndex);
  let comma: Node | null = null;
  for (let sibling = element.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (sibling.type === ',') {
      comma = sibling;
      break;
    }
    if (sibling.type !== 'comment') break;
  }
  const end = comma ? comma.endIndex : element.endIndex;
  const lineEnd = lineEndOffset(text, end);
  if (isFirstOnLine(text, element.startIndex) && /^\s*(#.*)?$/.test(text.slice(end, lineEnd))) {
    const lineStart = text.lastIndexOf('\n', element.startIndex - 1) + 1;
    const next = text.indexOf('\n', lineEnd);
    return { start: lineStart, end: next === -1 ? text.length : next + 1, text: '' };
  }
  if (comma && index < items.length - 1) {
    let stop = comma.endIndex;
    while (stop < text.length && (text[stop] === ' ' || text[stop] === '\t')) stop++;
    return { start: element.startIndex, end: stop, text: '' };
  }
  const previous = items[index - 1];
  if (previous) {
    let from = previous.endIndex;
    for (let sibling = previous.nextSibling; sibling; sibling = sibling.nextSibling) {
      if (sibling.type === ',') {
        from = sibling.startIndex;
        break;
      }
    }
    return { start: from, end: element.endIndex, text: '' };
  }
  return { start: element.startIndex, end, text: '' };
}

/**
 * A dict the file shows whole: a `{...}` literal, a `dict(...)` call, or a name bound before `before`
 * to one of those and not touched again in between (`d["k"] = v`, `d.update(...)` would add keys this
 * file does not show at the literal). Null when any of it cannot be seen.
 */
export function resolveDict(doc: ParsedDocument, node: Node, before: number): SplatSource | null {
  if (node.type === 'dictionary') return { kind: 'dict-literal', dict: node, assignment: node };
  if (node.type === 'call') {
    const args = node.childForFieldName('arguments');
    if (node.childForFieldName('function')?.text !== 'dict' || args?.type !== 'argument_list') return null;
    if (elements(args).some((el) => el.type !== 'keyword_argument')) return null;
    return { kind: 'dict-call', args, assignment: node };
  }
  if (node.type !== 'identifier') return null;
  const bound = (assignmentsByName(doc).get(node.text) ?? []).filter((a) => a.assignment.startIndex < before);
  const last = bound[bound.length - 1];
  if (!last || last.value.type === 'identifier') return null;
  const touched = doc.root
    .descendantsOfType('identifier')
    .some(
      (id) =>
        id !== null &&
        id.text === node.text &&
        id.startIndex >= last.assignment.endIndex &&
        id.startIndex < before &&
        id.startIndex !== node.startIndex,
    );
  if (touched) return null;
  const resolved = resolveDict(doc, last.value, before);
  return resolved ? { ...resolved, assignment: last.assignment } : null;
}

/**
 * Appends several elements at once, in the container's layout (see appendElementEdit): one per line
 * when the container is vertical, comma-separated inline otherwise. One edit, so the keys stay in order.
 */
export function appendElementsEdit(text: string, container: Node, items: readonly string[]): TextEdit {
  const marker = '@@STALEPROOF_ELEMENT@@';
  const probe = appendElementEdit(text, container, marker);
  const at = probe.text.indexOf(marker);
  const before = probe.text.slice(0, at);
  const vertical = /[\r\n]/.test(probe.text);
  // The text before the element ends with the new line's indentation when the layout is vertical.
  const indent = vertical ? (/[ \t]*$/.exec(before)?.[0] ?? '') : '';
  const separator = vertical ? `,${detectEol(text)}${indent}` : ', ';
  return { ...probe, text: probe.text.replace(marker, items.join(separator)) };
}
