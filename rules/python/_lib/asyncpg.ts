import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { hostsOf, type ParsedUri, parseUri } from '../../_lib/connection-string';
import { numericLiteral } from './sqlalchemy';
import {
  appendElementEdit,
  type CallSite,
  dictEntries,
  dictionarySplats,
  elements,
  findCalls,
  firstStringQuote,
  keywordArguments,
  quoteStyle,
  resolveDict,
  resolveString,
  type SplatSource,
  stringLiteralValue,
} from './syntax';

/**
 * Raw asyncpg calls as far as a file shows them: `asyncpg.connect(...)` and
 * `asyncpg.create_pool(...)` (also `from asyncpg import create_pool`, `import asyncpg as pg`), their
 * keyword arguments (with those of a `**dict` defined in the file), the DSN when it is a literal,
 * the hosts it names, and the name the result is bound to. asyncpg is not libpq: it reads its own
 * keywords, and sends every DSN query key it does not know to the server as a setting.
 */

export type AsyncpgKind = 'connect' | 'pool';

/** One keyword, wherever it is written: in the call or in a `**dict` the file shows. */
export interface AsyncpgOption {
  name: string;
  value: Node;
  /** The keyword argument or dict pair, for removal. */
  element: Node;
  /** The argument list or dict holding it. */
  container: Node;
  /** How the container writes names: `name=value` or `"name": value`. */
  style: 'keyword' | 'dict';
}

/** A DSN string literal. Offsets in `value` are file offsets minus `contentStart`. */
export interface DsnLiteral {
  node: Node;
  /** The literal's text; f-string fields are blanked out with `x` so offsets still line up. */
  value: string;
  contentStart: number;
  /** False for f-strings and strings with escapes: such DSNs are reported, never edited. */
  editable: boolean;
  parsed: ParsedUri | null;
}

export interface AsyncpgCall {
  kind: AsyncpgKind;
  site: CallSite;
  /** How messages name the call, as written: `asyncpg.create_pool()`. */
  label: string;
  options: AsyncpgOption[];
  /** A `**name` whose keys the file does not show: adding a keyword could duplicate one. */
  hiddenOptions: boolean;
  /** The effective option (the last one written). */
  option(name: string): AsyncpgOption | undefined;
  /** The DSN argument (first positional or `dsn=`), if any. */
  dsnNode: Node | null;
  dsn: DsnLiteral | null;
  /** True when there is a DSN argument but its text is not in the file (environment, settings). */
  dsnUnknown: boolean;
  /** The hosts the call targets, as written; null when the file does not show them. */
  hosts: string[] | null;
  /** What the result is bound to (`pool`, `self.pool`, `app.state.db`), if anything. */
  binding: string | null;
  /** Where new keywords go: a `**dict` used by this call alone, else the call. */
  insertInto: { container: Node; style: 'keyword' | 'dict' };
}

const MODULE_PREFIXES = ['', '.pool', '.connection'];
const FUNCTIONS: Record<string, AsyncpgKind> = { connect: 'connect', create_pool: 'pool' };

/** `import asyncpg as pg` names and `from asyncpg import create_pool as make_pool` aliases. */
function importsOf(doc: ParsedDocument): { modules: Set<string>; names: Map<string, AsyncpgKind> } {
  return doc.memo('python.asyncpg.imports', () => {
    const modules = new Set(['asyncpg']);
    const names = new Map<string, AsyncpgKind>();
    for (const m of doc.text.matchAll(/^[ \t]*import[ \t]+([^\n#;]+)/gm)) {
      for (const part of (m[1] ?? '').split(',')) {
        const alias = /^\s*asyncpg\s+as\s+(\w+)\s*$/.exec(part);
        if (alias?.[1]) modules.add(alias[1]);
      }
    }
    const from = /^[ \t]*from[ \t]+asyncpg(?:\.pool|\.connection)?[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)/gm;
    for (const m of doc.text.matchAll(from)) {
      for (const part of (m[1] ?? '').replace(/[()]/g, '').split(',')) {
        const item = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        const kind = item?.[1] ? FUNCTIONS[item[1]] : undefined;
        if (item?.[1] && kind) names.set(item[2] ?? item[1], kind);
      }
    }
    return { modules, names };
  });
}

function kindOf(doc: ParsedDocument, site: CallSite): AsyncpgKind | null {
  const { modules, names } = importsOf(doc);
  const callee = site.callee.text.replace(/\s/g, '');
  if (site.callee.type === 'identifier') return names.get(callee) ?? null;
  const dot = callee.lastIndexOf('.');
  const prefix = callee.slice(0, dot);
  const kind = FUNCTIONS[callee.slice(dot + 1)];
  if (!kind) return null;
  for (const module of modules) {
    if (MODULE_PREFIXES.some((suffix) => prefix === `${module}${suffix}`)) return kind;
  }
  return null;
}

function stringContentRange(node: Node): { start: number; end: number } | null {
  const start = node.child(0);
  const end = node.child(node.childCount - 1);
  if (start?.type !== 'string_start' || end?.type !== 'string_end') return null;
  return { start: start.endIndex, end: end.startIndex };
}

/** A string literal as a DSN, f-strings included (their fields blanked out, not editable). */
export function dsnLiteral(doc: ParsedDocument, node: Node, before: number): DsnLiteral | null {
  const plain = resolveString(doc, node, before);
  if (plain) {
    return {
      node: plain.node,
      value: plain.value,
      contentStart: plain.contentStart,
      editable: true,
      parsed: parseUri(plain.value),
    };
  }
  if (node.type !== 'string') return null;
  const range = stringContentRange(node);
  if (!range) return null;
  let value = doc.text.slice(range.start, range.end);
  for (const field of node.descendantsOfType('interpolation')) {
    if (!field) continue;
    const from = field.startIndex - range.start;
    const to = field.endIndex - range.start;
    value = value.slice(0, from) + 'x'.repeat(to - from) + value.slice(to);
  }
  return { node, value, contentStart: range.start, editable: false, parsed: parseUri(value) };
}

function optionsOf(
  keywords: ReturnType<typeof keywordArguments>,
  args: Node,
  splats: Array<SplatSource | null>,
): AsyncpgOption[] {
  const out: AsyncpgOption[] = keywords.map((k) => ({
    name: k.name,
    value: k.value,
    element: k.node,
    container: args,
    style: 'keyword',
  }));
  for (const source of splats) {
    if (!source) continue;
    if (source.kind === 'dict-call') {
      for (const k of keywordArguments(source.args)) {
        out.push({ name: k.name, value: k.value, element: k.node, container: source.args, style: 'keyword' });
      }
    } else {
      for (const e of dictEntries(source.dict)) {
        out.push({ name: e.key, value: e.value, element: e.node, container: source.dict, style: 'dict' });
      }
    }
  }
  return out;
}

/** The name the call's result is bound to: `x = [await] call`, `async with call as x`. */
function bindingOf(call: Node): string | null {
  let node: Node = call;
  let parent = node.parent;
  while (parent && (parent.type === 'await' || parent.type === 'parenthesized_expression')) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return null;
  if (parent.type === 'assignment' && parent.childForFieldName('right')?.startIndex === node.startIndex) {
    return parent.childForFieldName('left')?.text.replace(/\s/g, '') ?? null;
  }
  if (parent.type === 'as_pattern') {
    const alias = parent.namedChildren.find((c) => c?.type === 'as_pattern_target');
    return alias?.text.replace(/\s/g, '') ?? null;
  }
  return null;
}

/** Hosts as written; a list element the file does not show counts as one host (`?`). */
function hostsFrom(doc: ParsedDocument, options: AsyncpgOption[], dsn: DsnLiteral | null): string[] | null {
  const host = options.filter((o) => o.name === 'host').at(-1);
  if (host) {
    if (host.value.type === 'list' || host.value.type === 'tuple') {
      return elements(host.value).map((n) => stringLiteralValue(n) ?? '?');
    }
    const one = resolveString(doc, host.value, host.value.startIndex);
    return one ? [one.value] : null;
  }
  return dsn?.parsed ? hostsOf(dsn.parsed).map((h) => h.host) : null;
}

export function asyncpgCalls(doc: ParsedDocument): AsyncpgCall[] {
  if (doc.grammar !== 'python') return [];
  return doc.memo('python.asyncpg.calls', () => {
    const { names } = importsOf(doc);
    const out: AsyncpgCall[] = [];
    for (const site of findCalls(doc, ['connect', 'create_pool', ...names.keys()])) {
      const kind = kindOf(doc, site);
      if (!kind) continue;
      const keywords = keywordArguments(site.args);
      const splatNodes = dictionarySplats(site.args);
      const splats = splatNodes.map((s) => {
        const target = s.namedChildren.find((n) => n && n.type !== 'comment');
        return target ? resolveDict(doc, target, s.startIndex) : null;
      });
      const options = optionsOf(keywords, site.args, splats);
      const positional = elements(site.args).find(
        (n) => !['keyword_argument', 'dictionary_splat', 'list_splat'].includes(n.type),
      );
      const dsnNode = keywords.find((k) => k.name === 'dsn')?.value ?? positional ?? null;
      const dsn = dsnNode && dsnNode.type !== 'none' ? dsnLiteral(doc, dsnNode, site.call.startIndex) : null;
      const resolved = splats.filter((s): s is SplatSource => s !== null);
      const only = resolved.length === 1 && splats.length === 1 ? resolved[0] : undefined;
      const splatName = splatNodes[0]?.namedChildren.find((n) => n && n.type !== 'comment');
      const sharedSplat =
        splatName?.type === 'identifier' &&
        (doc.text.match(new RegExp(`\\*\\*\\s*${splatName.text}\\b`, 'g')) ?? []).length > 1;
      const insertInto: AsyncpgCall['insertInto'] =
        !only || sharedSplat
          ? { container: site.args, style: 'keyword' }
          : only.kind === 'dict-call'
            ? { container: only.args, style: 'keyword' }
            : { container: only.dict, style: 'dict' };
      out.push({
        kind,
        site,
        label: `${site.callee.text.replace(/\s/g, '')}()`,
        options,
        hiddenOptions: splats.some((s) => s === null),
        option: (name: string) => options.filter((o) => o.name === name).at(-1),
        dsnNode: dsnNode && dsnNode.type !== 'none' ? dsnNode : null,
        dsn,
        dsnUnknown: dsnNode !== null && dsnNode.type !== 'none' && dsn === null,
        hosts: hostsFrom(doc, options, dsn),
        binding: bindingOf(site.call),
        insertInto,
      });
    }
    return out;
  });
}

/** The quote new string literals of a call should use: its dict's own, else the call's first string. */
export function callQuote(text: string, call: AsyncpgCall, container?: Node): '"' | "'" {
  if (container && elements(container).some((el) => el.type === 'pair')) return quoteStyle(container);
  const first = firstStringQuote(call.site.call);
  if (first) return first;
  const single = (text.match(/'[^'\n]*'/g) ?? []).length;
  const double = (text.match(/"[^"\n]*"/g) ?? []).length;
  return single > double ? "'" : '"';
}

/** `name=value` or `"name": value`, for where the call takes new keywords. */
export function optionText(text: string, call: AsyncpgCall, name: string, value: string): string {
  const { container, style } = call.insertInto;
  if (style === 'keyword') return `${name}=${value}`;
  const q = callQuote(text, call, container);
  return `${q}${name}${q}: ${value}`;
}

/** Appends a keyword where the call keeps its options. */
export function addOptionEdit(text: string, call: AsyncpgCall, name: string, value: string): TextEdit {
  return appendElementEdit(text, call.insertInto.container, optionText(text, call, name, value));
}

/** The range of an option's name (a keyword's identifier or a dict key's string content). */
export function optionNameRange(option: AsyncpgOption): { start: number; end: number } {
  if (option.style === 'keyword') {
    const name = option.element.childForFieldName('name') ?? option.element;
    return { start: name.startIndex, end: name.endIndex };
  }
  const key = option.element.childForFieldName('key') ?? option.element;
  const content = key.namedChildren.find((c) => c?.type === 'string_content');
  return content
    ? { start: content.startIndex, end: content.endIndex }
    : { start: key.startIndex, end: key.endIndex };
}

/** A plain number (`200`, `1.5`, `3_600`, `-1`) or a string holding one, else null. */
export function numberOf(node: Node): number | null {
  const n = numericLiteral(node);
  if (n !== null) return n;
  const s = stringLiteralValue(node);
  return s !== null && /^\s*-?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : null;
}

/** More than one host: the DSN's host list, `?host=a,b`, or a `host=[...]` list. */
export function isMultiHost(call: AsyncpgCall): boolean {
  return (call.hosts?.flatMap((h) => h.split(',')).filter((h) => h !== '').length ?? 0) > 1;
}

/** asyncpg's own default for `max_inactive_connection_lifetime`, in seconds. */
export const ASYNCPG_DEFAULT_INACTIVE_LIFETIME = 300;

/** The receivers a file's pools are bound to (`pool`, `self.pool`). */
export function poolBindings(doc: ParsedDocument): Set<string> {
  return new Set(
    asyncpgCalls(doc)
      .filter((c) => c.kind === 'pool' && c.binding !== null)
      .map((c) => c.binding as string),
  );
}
