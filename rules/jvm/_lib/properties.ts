import type { Node } from 'web-tree-sitter';
import { detectEol, lineEndOffset, lineStartOffset } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { hasPlaceholder, type Literal, propertiesLiteral } from './literal';
import { type ConfigEntry, type ConfigValue, parseLong } from './model';

/**
 * `.properties` files as `java.util.Properties` and Spring read them: one entry per `key=value`,
 * `key: value` or `key value` line (continuations included), in document order, split into Spring
 * documents at `#---` / `!---` lines (Boot 2.4+ multi-document properties).
 */
export interface PropertyEntry extends ConfigEntry {
  node: Node;
  /** Decoded key (`e\:f` is `e:f`). */
  name: string;
  /** What stands between key and value as written: `=`, ` = `, `: `, ` `. */
  separator: string;
  /** Index of the Spring document (0 unless the file has `#---` separators). */
  document: number;
}

function removeLineEdit(text: string, node: Node): TextEdit[] {
  const start = lineStartOffset(text, node.startIndex);
  const end = lineEndOffset(text, node.endIndex);
  // Take the line break before the line, so an insertion after the removed line's neighbour never
  // lands inside the removed range; the first line takes the break after it instead.
  if (start > 0) {
    const from = text[start - 2] === '\r' ? start - 2 : start - 1;
    return [{ start: from, end, text: '' }];
  }
  const next = text.indexOf('\n', end);
  return [{ start: 0, end: next === -1 ? end : next + 1, text: '' }];
}

function propertyValue(text: string, node: Node, literal: Literal): ConfigValue {
  // Java keeps trailing blanks in a value; nobody means them, so edits replace the visible part.
  const trimmedLength = literal.value.replace(/[ \t\f]+$/, '').length;
  const end = literal.offsets[trimmedLength] ?? node.endIndex;
  const shown = text.slice(node.startIndex, end);
  const placeholder = hasPlaceholder(literal.value);
  return {
    range: { start: node.startIndex, end },
    text: shown,
    literal: placeholder ? null : { value: literal.value.slice(0, trimmedLength), offsets: literal.offsets },
    placeholder,
    number: placeholder ? null : parseLong(literal.value),
    write: (value) => ({ start: node.startIndex, end, text: String(value) }),
  };
}

export function propertyEntries(doc: ParsedDocument): PropertyEntry[] {
  if (doc.grammar !== 'properties') return [];
  return doc.memo('jvm.properties.entries', () => {
    const text = doc.text;
    const out: PropertyEntry[] = [];
    let document = 0;
    for (const node of doc.root.namedChildren) {
      if (!node) continue;
      if (node.type === 'comment') {
        if (/^[#!]---\s*$/.test(node.text)) document++;
        continue;
      }
      if (node.type !== 'property') continue;
      const keyNode = node.childForFieldName('key') ?? node.namedChildren.find((c) => c?.type === 'key');
      if (!keyNode) continue;
      const valueNode = node.namedChildren.find((c) => c?.type === 'value') ?? null;
      const name = propertiesLiteral(keyNode.text, keyNode.startIndex).value;
      const separator = text.slice(keyNode.endIndex, valueNode ? valueNode.startIndex : node.endIndex);
      const value = valueNode
        ? propertyValue(text, valueNode, propertiesLiteral(valueNode.text, valueNode.startIndex))
        : null;
      out.push({
        node,
        name,
        key: keyNode.text,
        keyRange: { start: keyNode.startIndex, end: keyNode.endIndex },
        value,
        range: { start: node.startIndex, end: node.endIndex },
        separator: separator === '' ? '=' : separator,
        document,
        remove: () => removeLineEdit(text, node),
        renameKey: (key) => ({ start: keyNode.startIndex, end: keyNode.endIndex, text: key }),
      });
    }
    return out;
  });
}

/**
 * A new `key<separator>value` line right after `anchor` (continuation lines included), with the
 * anchor's separator style and the file's line ending. Several insertions after one anchor compose.
 */
export function insertPropertyAfter(
  text: string,
  anchor: PropertyEntry,
  key: string,
  value: string,
): TextEdit {
  const at = lineEndOffset(text, anchor.node.endIndex);
  return { start: at, end: at, text: `${detectEol(text)}${key}${anchor.separator}${value}` };
}

/** Appends a line at the end of the file (when no entry can anchor it). */
export function appendPropertyLine(text: string, line: string): TextEdit {
  const eol = detectEol(text);
  if (text.length === 0) return { start: 0, end: 0, text: `${line}${eol}` };
  if (text.endsWith('\n')) return { start: text.length, end: text.length, text: `${line}${eol}` };
  return { start: text.length, end: text.length, text: `${eol}${line}` };
}
