/**
 * Sysctls set per pod or per container in YAML, read from the tree-sitter YAML tree:
 * - Kubernetes: `securityContext.sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "600"}]`
 *   (a pod's, or a pod template's in a Deployment, StatefulSet, Job…);
 * - docker-compose: `sysctls:` as a map (`net.ipv4.tcp_keepalive_time: 600`) or a list of
 *   `key=value` strings.
 * The runtime writes each value to /proc/sys inside the pod's or container's own network namespace,
 * so these DO apply to that workload (the inverse of `linux.container-netns`). The kernel parses the
 * value exactly as it parses a sysctl.conf line's. Only keys that are present are reported or
 * edited; nothing is appended to YAML.
 */
import type { Node } from 'web-tree-sitter';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { normalizeKey } from './sysctl';

export interface YamlSysctl {
  /** Normal dotted key. */
  name: string;
  /** The key as written. */
  key: string;
  value: string;
  /** The value's characters inside any quotes: an edit replaces exactly these. */
  valueStart: number;
  valueEnd: number;
}

/** One `sysctls:` block: one pod's or one service's namespace. Later entries win. */
export interface YamlSysctlBlock {
  keyStart: number;
  keyEnd: number;
  entries: YamlSysctl[];
}

function unwrap(node: Node | null): Node | null {
  let n = node;
  while (n && (n.type === 'flow_node' || n.type === 'block_node')) {
    const inner = n.namedChildren.find(
      (c) => c && c.type !== 'comment' && c.type !== 'tag' && c.type !== 'anchor',
    );
    if (!inner) return null;
    n = inner;
  }
  return n;
}

/** A scalar's text and where its content starts and ends; null for escapes we do not rewrite. */
function scalar(node: Node | null): { text: string; start: number; end: number } | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'plain_scalar') return { text: n.text, start: n.startIndex, end: n.endIndex };
  if (n.type === 'double_quote_scalar' || n.type === 'single_quote_scalar') {
    const inner = n.text.slice(1, -1);
    if (/[\\'"]/.test(inner)) return null;
    return { text: inner, start: n.startIndex + 1, end: n.endIndex - 1 };
  }
  return null;
}

function items(node: Node | null): Node[] {
  const n = unwrap(node);
  if (!n) return [];
  if (n.type === 'block_sequence') {
    return n.namedChildren
      .filter((c): c is Node => c?.type === 'block_sequence_item')
      .map((c) => c.namedChildren.find((x) => x && x.type !== 'comment') ?? null)
      .filter((c): c is Node => c !== null);
  }
  if (n.type === 'flow_sequence') return n.namedChildren.filter((c): c is Node => c?.type === 'flow_node');
  return [];
}

function pairs(node: Node | null): Node[] {
  const n = unwrap(node);
  if (!n || (n.type !== 'block_mapping' && n.type !== 'flow_mapping')) return [];
  return n.namedChildren.filter(
    (c): c is Node => c?.type === 'block_mapping_pair' || c?.type === 'flow_pair',
  );
}

const SYSCTL_NAME = /^[A-Za-z0-9_-]+([./][A-Za-z0-9_-]+)+$/;

function entry(key: string, value: { text: string; start: number; end: number }): YamlSysctl | null {
  if (!SYSCTL_NAME.test(key)) return null;
  const text = value.text.trim();
  if (text === '') return null;
  const lead = value.text.indexOf(text);
  return {
    name: normalizeKey(key),
    key,
    value: text,
    valueStart: value.start + lead,
    valueEnd: value.start + lead + text.length,
  };
}

function readBlock(value: Node | null): YamlSysctl[] {
  const out: YamlSysctl[] = [];
  // docker-compose map form.
  for (const pair of pairs(value)) {
    const k = scalar(pair.childForFieldName('key'));
    const v = scalar(pair.childForFieldName('value'));
    if (!k || !v) continue;
    const e = entry(k.text, v);
    if (e) out.push(e);
  }
  for (const item of items(value)) {
    const inner = unwrap(item);
    if (inner && (inner.type === 'block_mapping' || inner.type === 'flow_mapping')) {
      // Kubernetes `{name, value}`.
      let name: string | null = null;
      let v: ReturnType<typeof scalar> = null;
      for (const pair of pairs(inner)) {
        const k = scalar(pair.childForFieldName('key'))?.text;
        if (k === 'name') name = scalar(pair.childForFieldName('value'))?.text ?? null;
        if (k === 'value') v = scalar(pair.childForFieldName('value'));
      }
      const e = name && v ? entry(name, v) : null;
      if (e) out.push(e);
      continue;
    }
    // docker-compose list form: `key=value`.
    const s = scalar(item);
    const eq = s?.text.indexOf('=') ?? -1;
    if (!s || eq <= 0) continue;
    const e = entry(s.text.slice(0, eq).trim(), {
      text: s.text.slice(eq + 1),
      start: s.start + eq + 1,
      end: s.end,
    });
    if (e) out.push(e);
  }
  return out;
}

export function yamlSysctlBlocks(doc: ParsedDocument): YamlSysctlBlock[] {
  return doc.memo('linux.yaml-sysctls', () => {
    const out: YamlSysctlBlock[] = [];
    if (!doc.text.includes('sysctls')) return out;
    const visit = (node: Node) => {
      if (node.type === 'block_mapping_pair' || node.type === 'flow_pair') {
        const key = node.childForFieldName('key');
        if (scalar(key)?.text === 'sysctls' && key) {
          const entries = readBlock(node.childForFieldName('value'));
          if (entries.length > 0) out.push({ keyStart: key.startIndex, keyEnd: key.endIndex, entries });
        }
      }
      for (const child of node.namedChildren) if (child) visit(child);
    };
    visit(doc.root);
    return out;
  });
}

/** The last entry for `name` in a block, if any. */
export function lastEntry(block: YamlSysctlBlock, name: string): YamlSysctl | null {
  const all = block.entries.filter((e) => e.name === name);
  return all[all.length - 1] ?? null;
}
