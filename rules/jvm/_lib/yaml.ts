import type { Node } from 'web-tree-sitter';
import { detectEol, lineEndOffset, lineStartOffset } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { backslashLiteral, hasPlaceholder, type Literal, plainLiteral, singleQuotedLiteral } from './literal';
import { type ConfigEntry, type ConfigValue, parseLong } from './model';

/**
 * Spring-style YAML read from the tree-sitter tree: every scalar under nested block mappings becomes
 * one entry with its key path (dotted keys split, as Spring flattens them), per `---` document.
 */
export interface YamlMapping {
  node: Node;
  /** Key segments from the document root to this mapping, as written. */
  path: string[];
  pairs: YamlPair[];
  flow: boolean;
  parentPair: YamlPair | null;
  document: number;
}

export interface YamlPair extends ConfigEntry {
  pair: Node;
  keyNode: Node;
  valueNode: Node | null;
  /** Segments of this pair's key (a dotted key gives several). */
  own: string[];
  /** Full path: the parent mapping's path plus `own`. */
  path: string[];
  parent: YamlMapping;
  /** The mapping this pair's value opens, if any. */
  child: YamlMapping | null;
  document: number;
}

export interface YamlModel {
  documents: number;
  mappings: YamlMapping[];
  /** Scalar and empty-valued pairs (not the ones opening a mapping), in document order. */
  leaves: YamlPair[];
  pairs: YamlPair[];
  /** Indentation step of the file (2 unless it shows another). */
  step: number;
}

function scalarNode(flow: Node | null): Node | null {
  if (flow?.type !== 'flow_node') return null;
  const inner = flow.namedChildren.find(
    (c) => c && c.type !== 'comment' && c.type !== 'tag' && c.type !== 'anchor',
  );
  return inner && /_scalar$/.test(inner.type) ? inner : null;
}

export function scalarLiteral(node: Node): Literal | null {
  if (node.type === 'plain_scalar') return plainLiteral(node.text, node.startIndex);
  if (node.type === 'double_quote_scalar')
    return backslashLiteral(node.text.slice(1, -1), node.startIndex + 1);
  if (node.type === 'single_quote_scalar')
    return singleQuotedLiteral(node.text.slice(1, -1), node.startIndex + 1);
  return null;
}

function isNullScalar(node: Node): boolean {
  return node.type === 'plain_scalar' && /^(~|null|Null|NULL)$/.test(node.text);
}

function quoteFor(node: Node, value: string): string {
  if (node.type === 'double_quote_scalar') return `"${value.replace(/(["\\])/g, '\\$1')}"`;
  if (node.type === 'single_quote_scalar') return `'${value.replace(/'/g, "''")}'`;
  // A plain scalar stays plain unless the new text would read as something else.
  return /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value) ? `"${value}"` : value;
}

function yamlValue(scalar: Node): ConfigValue {
  const literal = scalarLiteral(scalar) as Literal;
  const placeholder = hasPlaceholder(literal.value);
  return {
    range: { start: scalar.startIndex, end: scalar.endIndex },
    text: scalar.text,
    literal: placeholder ? null : literal,
    placeholder,
    number: placeholder ? null : parseLong(literal.value),
    write: (value) => ({
      start: scalar.startIndex,
      end: scalar.endIndex,
      // A quoted scalar keeps its quotes whatever the new value (`"15000"` → `"30000"`).
      text:
        typeof value === 'string' || scalar.type !== 'plain_scalar'
          ? quoteFor(scalar, String(value))
          : String(value),
    }),
  };
}

function keyText(keyNode: Node): string {
  const scalar = scalarNode(keyNode);
  if (!scalar) return keyNode.text.trim();
  return scalarLiteral(scalar)?.value ?? keyNode.text.trim();
}

/** `[tcpKeepAlive]` map-key brackets and dotted keys, split the way Spring splits them. */
export function splitKey(key: string): string[] {
  const out: string[] = [];
  const re = /\[([^\]]*)\]|([^.[\]]+)/g;
  for (let m = re.exec(key); m; m = re.exec(key)) out.push(m[1] ?? m[2] ?? '');
  return out.length ? out : [key];
}

function removeLines(text: string, from: number, to: number): TextEdit {
  // A pair that opens a mapping can end after its last line break.
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  const start = lineStartOffset(text, from);
  const end = lineEndOffset(text, to);
  if (start > 0) return { start: text[start - 2] === '\r' ? start - 2 : start - 1, end, text: '' };
  const next = text.indexOf('\n', end);
  return { start: 0, end: next === -1 ? end : next + 1, text: '' };
}

export function yamlModel(doc: ParsedDocument): YamlModel {
  return doc.memo('jvm.yaml.model', () => {
    const text = doc.text;
    const mappings: YamlMapping[] = [];
    const pairs: YamlPair[] = [];
    let document = -1;
    const steps: number[] = [];

    const visitMapping = (node: Node, path: string[], parentPair: YamlPair | null, doc: number) => {
      const mapping: YamlMapping = {
        node,
        path,
        pairs: [],
        flow: node.type === 'flow_mapping',
        parentPair,
        document: doc,
      };
      mappings.push(mapping);
      for (const child of node.namedChildren) {
        if (!child || (child.type !== 'block_mapping_pair' && child.type !== 'flow_pair')) continue;
        const keyNode = child.childForFieldName('key');
        if (!keyNode) continue;
        const valueNode = child.childForFieldName('value');
        const own = splitKey(keyText(keyNode));
        const scalar = scalarNode(valueNode);
        const value = scalar && !isNullScalar(scalar) ? yamlValue(scalar) : null;
        const entry: YamlPair = {
          pair: child,
          keyNode,
          valueNode,
          own,
          path: [...path, ...own],
          parent: mapping,
          child: null,
          document: doc,
          key: keyNode.text,
          keyRange: { start: keyNode.startIndex, end: keyNode.endIndex },
          value,
          range: { start: child.startIndex, end: child.endIndex },
          remove: () => [removePair(entry)],
          renameKey: (key) => ({ start: keyNode.startIndex, end: keyNode.endIndex, text: key }),
        };
        mapping.pairs.push(entry);
        pairs.push(entry);
        const nested = nestedMapping(valueNode);
        if (nested) {
          if (!mapping.flow && nested.type === 'block_mapping') {
            const step = nested.startPosition.column - child.startPosition.column;
            if (step > 0) steps.push(step);
          }
          entry.child = visitMapping(nested, entry.path, entry, doc);
        }
      }
      return mapping;
    };

    const removePair = (entry: YamlPair): TextEdit => {
      // Removing the only key of a block mapping removes the key that opened it (`hikari:` left
      // empty would bind an empty string), climbing while that key is itself alone.
      let target = entry;
      while (
        target.parent.pairs.length === 1 &&
        target.parent.parentPair &&
        !target.parent.flow &&
        !target.parent.parentPair.parent.flow
      ) {
        target = target.parent.parentPair;
      }
      if (target.parent.flow) return removeFlowPair(target);
      return removeLines(text, target.pair.startIndex, target.pair.endIndex);
    };

    for (const docNode of doc.root.namedChildren) {
      if (docNode?.type !== 'document') continue;
      document++;
      const top = docNode.namedChildren.find((c) => c?.type === 'block_node' || c?.type === 'flow_node');
      const mapping = nestedMapping(top ?? null);
      if (mapping) visitMapping(mapping, [], null, document);
    }
    const step = steps.length ? Math.min(...steps) : 2;
    return {
      documents: document + 1,
      mappings,
      pairs,
      leaves: pairs.filter((p) => !p.child),
      step,
    };
  });
}

function nestedMapping(value: Node | null): Node | null {
  if (!value) return null;
  const inner = value.namedChildren.find(
    (c) => c && c.type !== 'comment' && c.type !== 'tag' && c.type !== 'anchor',
  );
  if (!inner) return null;
  return inner.type === 'block_mapping' || inner.type === 'flow_mapping' ? inner : null;
}

function removeFlowPair(entry: YamlPair): TextEdit {
  const pairs = entry.parent.pairs;
  const index = pairs.indexOf(entry);
  if (pairs.length === 1) return { start: entry.pair.startIndex, end: entry.pair.endIndex, text: '' };
  if (index < pairs.length - 1) {
    const next = pairs[index + 1] as YamlPair;
    return { start: entry.pair.startIndex, end: next.pair.startIndex, text: '' };
  }
  const prev = pairs[index - 1] as YamlPair;
  return { start: prev.pair.endIndex, end: entry.pair.endIndex, text: '' };
}

/**
 * An edit that adds `key: value` at `target` (segments as they should be written), inside the
 * deepest existing block mapping of `document` whose path matches a prefix of `target` under
 * `same`, with the file's indentation; missing intermediate mappings are created, or written as one
 * dotted key where that mapping already uses dotted keys. Null when that mapping is a flow mapping.
 */
export function insertYamlEdit(
  doc: ParsedDocument,
  document: number,
  target: readonly string[],
  value: string,
  same: (a: readonly string[], b: readonly string[]) => boolean,
): TextEdit | null {
  const model = yamlModel(doc);
  const text = doc.text;
  const eol = detectEol(text);
  const parents = target.slice(0, -1);
  let best: YamlMapping | null = null;
  let emptyParent: YamlPair | null = null;
  for (const mapping of model.mappings) {
    if (mapping.document !== document || mapping.path.length > parents.length) continue;
    if (!same(mapping.path, parents.slice(0, mapping.path.length))) continue;
    if (!best || mapping.path.length > best.path.length) best = mapping;
  }
  for (const pair of model.pairs) {
    // `hikari:` with nothing after it: the new keys go under it.
    if (pair.document !== document || pair.valueNode || pair.path.length > parents.length) continue;
    if (!same(pair.path, parents.slice(0, pair.path.length))) continue;
    if ((best?.path.length ?? -1) >= pair.path.length) continue;
    if (!emptyParent || pair.path.length > emptyParent.path.length) emptyParent = pair;
  }
  const lines = (indent: number, rest: readonly string[], dotted: boolean): string[] => {
    if (dotted && rest.length > 1) return [`${' '.repeat(indent)}${rest.join('.')}: ${value}`];
    return rest.map((segment, i) => {
      const pad = ' '.repeat(indent + i * model.step);
      return i === rest.length - 1 ? `${pad}${segment}: ${value}` : `${pad}${segment}:`;
    });
  };
  if (emptyParent) {
    if (emptyParent.parent.flow) return null;
    const rest = target.slice(emptyParent.path.length);
    const indent = emptyParent.pair.startPosition.column + model.step;
    const at = lineEndOffset(text, emptyParent.pair.endIndex);
    return { start: at, end: at, text: `${eol}${lines(indent, rest, false).join(eol)}` };
  }
  if (!best) {
    if (model.mappings.some((m) => m.document === document)) return null;
    if (document !== Math.max(0, model.documents - 1)) return null;
    const all = lines(0, target, false).join(eol);
    if (text.length === 0) return { start: 0, end: 0, text: `${all}${eol}` };
    return text.endsWith('\n')
      ? { start: text.length, end: text.length, text: `${all}${eol}` }
      : { start: text.length, end: text.length, text: `${eol}${all}` };
  }
  if (best.flow) return null;
  // In a mapping of dotted keys (`spring.datasource.url: …`), the new key goes after its closest
  // relative rather than after an unrelated last key.
  const shared = (path: readonly string[]) => {
    let n = 0;
    while (n < Math.min(path.length, parents.length) && same(path.slice(0, n + 1), parents.slice(0, n + 1)))
      n++;
    return n;
  };
  let last = best.pairs.at(-1);
  let score = best.path.length;
  for (const pair of best.pairs) {
    const s = shared(pair.path);
    if (s > best.path.length && s >= score) {
      score = s;
      last = pair;
    }
  }
  if (!last) return null;
  const dotted = best.pairs.some((p) => p.own.length > 1);
  const indent = last.pair.startPosition.column;
  const at = lineEndOffset(text, last.pair.endIndex);
  return {
    start: at,
    end: at,
    text: `${eol}${lines(indent, target.slice(best.path.length), dotted).join(eol)}`,
  };
}
