import type { Node } from 'web-tree-sitter';
import type { EnvironmentProfile } from '../../../core/environment';
import { detectEol, isFirstOnLine, lineEndOffset, lineIndent } from '../../../core/text';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { versionAtLeast } from './libpq';
import { numericLiteral } from './sqlalchemy';
import {
  appendElementEdit,
  appendElementsEdit,
  dictEntries,
  elements,
  keywordArguments,
  literalTruthiness,
  quoteStyle,
  resolveDict,
  stringLiteralValue,
} from './syntax';

/**
 * Django's `DATABASES` setting as far as a settings file shows it: every entry (alias), the keys
 * written to it in document order (the literal, later `DATABASES["x"]["KEY"] = v` assignments,
 * `.update(...)` calls, dj-database-url's `config()` / `parse()`), its backend, and its `OPTIONS`.
 * Rules read the effective (last) write of a key and edit where that write is.
 */

/** `postgresql` includes the pre-1.9 name `postgresql_psycopg2`, which Django still maps to it (django/db/utils.py). */
export type DjangoBackend = 'postgresql' | 'postgis' | 'other' | 'unknown';

/** One place a key of an entry (or of its OPTIONS) is written. */
export interface DjangoWrite {
  key: string;
  /** The value as written; null for dj-database-url's own default (`CONN_MAX_AGE` 0, health checks off). */
  value: Node | null;
  via: 'literal' | 'subscript' | 'update' | 'dj_database_url';
  /** The dict pair, keyword argument or (subscript) expression statement; null for a dj-database-url default. */
  element: Node | null;
  /** The dict or argument list that holds `element`; for subscript writes the statement's block. */
  container: Node | null;
  style: 'dict' | 'keyword' | 'statement';
  /** Subscript writes: the text that names the dict written to, e.g. `DATABASES["default"]`. */
  target?: string;
  /** ENGINE written by dj-database-url: the backend its `engine=` or literal URL names. */
  djBackend?: DjangoBackend;
}

/** A dj-database-url `config(...)` / `parse(...)` call that builds (or is merged into) an entry. */
export interface DjCall {
  call: Node;
  args: Node;
  fn: 'config' | 'parse';
}

export type DjangoOptions =
  | { kind: 'absent' }
  /** Set where the file does not show its keys: a name, a call, dj-database-url's URL query. */
  | { kind: 'hidden' }
  | {
      kind: 'visible';
      /** The dict literal new keys go into; null when the file only shows single-key writes. */
      container: Node | null;
      style: 'dict' | 'keyword';
      writes: DjangoWrite[];
      get(key: string): DjangoWrite | undefined;
    };

export interface DjangoEntry {
  alias: string;
  /** The alias string (`"default"`), where findings about the whole entry are reported. */
  aliasNode: Node;
  /** `DATABASES["default"]` in the file's quotes, for messages and new statements. */
  label: string;
  /** The dict the entry is written as, when it is one: new keys go there. */
  literal: { container: Node; style: 'dict' | 'keyword' } | null;
  /** The last dj-database-url call that built the entry or was merged into it. */
  dj: DjCall | null;
  /** Keys may be set where the file does not show them (`**name`, `update(name)`, a value from a call). */
  hidden: boolean;
  writes: DjangoWrite[];
  /** The effective write of a top-level key (the last one). */
  get(key: string): DjangoWrite | undefined;
  backend: DjangoBackend;
  /** The `HOST` as libpq gets it: '' (Unix socket default), a literal, or null when not shown. */
  host: string | null;
  options: DjangoOptions;
}

/** Keys Django itself reads from a `DATABASES` entry (any version still in use). */
export const DJANGO_ENTRY_KEYS = new Set([
  'ENGINE',
  'NAME',
  'USER',
  'PASSWORD',
  'HOST',
  'PORT',
  'OPTIONS',
  'CONN_MAX_AGE',
  'CONN_HEALTH_CHECKS',
  'ATOMIC_REQUESTS',
  'AUTOCOMMIT',
  'TIME_ZONE',
  'DISABLE_SERVER_SIDE_CURSORS',
  'TEST',
]);

/** dj-database-url keyword arguments and the entry keys they set. */
const DJ_KEYWORDS: Record<string, string> = {
  conn_max_age: 'CONN_MAX_AGE',
  conn_health_checks: 'CONN_HEALTH_CHECKS',
  disable_server_side_cursors: 'DISABLE_SERVER_SIDE_CURSORS',
};

export function backendOf(engine: string): DjangoBackend {
  switch (engine) {
    case 'django.db.backends.postgresql':
    case 'django.db.backends.postgresql_psycopg2':
      return 'postgresql';
    case 'django.contrib.gis.db.backends.postgis':
      return 'postgis';
    default:
      return 'other';
  }
}

/** dj-database-url's URL schemes for Django's own PostgreSQL backends. */
function backendOfUrl(url: string): DjangoBackend {
  const scheme = /^([a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return 'unknown';
  if (scheme === 'postgres' || scheme === 'postgresql' || scheme === 'pgsql') return 'postgresql';
  if (scheme === 'postgis') return 'postgis';
  return 'other';
}

export function isPostgres(backend: DjangoBackend): boolean {
  return backend === 'postgresql' || backend === 'postgis';
}

/** Whether the Django version in the profile is at least `minimum`; null when the profile does not say. */
export function djangoAtLeast(environment: EnvironmentProfile, minimum: readonly number[]): boolean | null {
  return versionAtLeast(environment.versions?.django, minimum);
}

/**
 * Whether `CONN_HEALTH_CHECKS` exists: Django 4.1+. False when the profile states an older Django,
 * null when it does not say.
 */
export function healthChecksSupported(environment: EnvironmentProfile): boolean | null {
  return djangoAtLeast(environment, [4, 1]);
}

/* ------------------------------------------------------------------------------------------ */

interface DjNames {
  modules: Set<string>;
  functions: Map<string, 'config' | 'parse'>;
}

function djNames(doc: ParsedDocument): DjNames {
  return doc.memo('python.django.dj-names', () => {
    const modules = new Set(['dj_database_url']);
    const functions = new Map<string, 'config' | 'parse'>();
    for (const m of doc.text.matchAll(/^[ \t]*import[ \t]+dj_database_url[ \t]+as[ \t]+(\w+)/gm)) {
      if (m[1]) modules.add(m[1]);
    }
    for (const m of doc.text.matchAll(/^[ \t]*from[ \t]+dj_database_url[ \t]+import[ \t]+\(?([^\n)]+)/gm)) {
      for (const part of (m[1] ?? '').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (name === 'config' || name === 'parse') functions.set((alias ?? name).trim(), name);
      }
    }
    return { modules, functions };
  });
}

/** The dj-database-url call `node` is, or null. */
function djCallOf(doc: ParsedDocument, node: Node | null): DjCall | null {
  if (node?.type !== 'call') return null;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!fn || args?.type !== 'argument_list') return null;
  const names = djNames(doc);
  if (fn.type === 'attribute') {
    const object = fn.childForFieldName('object');
    const attribute = fn.childForFieldName('attribute')?.text;
    if (object?.type === 'identifier' && names.modules.has(object.text)) {
      if (attribute === 'config' || attribute === 'parse') return { call: node, args, fn: attribute };
    }
    return null;
  }
  if (fn.type === 'identifier') {
    const kind = names.functions.get(fn.text);
    return kind ? { call: node, args, fn: kind } : null;
  }
  return null;
}

/** The last `NAME = value` before `before`, at any level, when NAME is an identifier. */
function boundValue(doc: ParsedDocument, name: Node, before: number): Node | null {
  if (name.type !== 'identifier') return null;
  let found: Node | null = null;
  for (const assignment of doc.root.descendantsOfType('assignment')) {
    if (!assignment || assignment.startIndex >= before) continue;
    const left = assignment.childForFieldName('left');
    if (left?.type === 'identifier' && left.text === name.text) found = assignment.childForFieldName('right');
  }
  return found;
}

/** `DATABASES["alias"]` / `DATABASES["alias"]["OPTIONS"]`: the keys a subscript chain names. */
function subscriptPath(node: Node): { root: string; keys: string[]; keyNodes: Node[] } | null {
  const keys: string[] = [];
  const keyNodes: Node[] = [];
  let current: Node | null = node;
  while (current?.type === 'subscript') {
    const index = current.childForFieldName('subscript');
    const key = index ? stringLiteralValue(index) : null;
    if (!index || key === null) return null;
    keys.unshift(key);
    keyNodes.unshift(index);
    current = current.childForFieldName('value');
  }
  if (current?.type !== 'identifier') return null;
  return { root: current.text, keys, keyNodes };
}

interface Builder {
  alias: string;
  aliasNode: Node;
  label: string;
  literal: { container: Node; style: 'dict' | 'keyword' } | null;
  dj: DjCall | null;
  hidden: boolean;
  writes: DjangoWrite[];
  /** OPTIONS: the last whole-dict write and the single-key writes after it. */
  options: { state: 'absent' | 'hidden' | 'visible'; container: Node | null; style: 'dict' | 'keyword' };
  optionWrites: DjangoWrite[];
}

function writesOfDict(
  doc: ParsedDocument,
  container: Node,
  style: 'dict' | 'keyword',
  via: 'literal' | 'update',
): { writes: DjangoWrite[]; hidden: boolean; djCalls: DjCall[] } {
  const writes: DjangoWrite[] = [];
  let hidden = false;
  const djCalls: DjCall[] = [];
  if (style === 'keyword') {
    for (const k of keywordArguments(container)) {
      writes.push({ key: k.name, value: k.value, via, element: k.node, container, style });
    }
    if (elements(container).some((el) => el.type !== 'keyword_argument')) hidden = true;
    return { writes, hidden, djCalls };
  }
  for (const el of elements(container)) {
    if (el.type === 'pair') {
      const keyNode = el.childForFieldName('key');
      const value = el.childForFieldName('value');
      const key = keyNode ? stringLiteralValue(keyNode) : null;
      if (key === null || !value) hidden = true;
      else writes.push({ key, value, via, element: el, container, style });
    } else if (el.type === 'dictionary_splat') {
      const inner = el.namedChildren.find((n) => n && n.type !== 'comment') ?? null;
      const dj = djCallOf(doc, inner);
      if (dj) djCalls.push(dj);
      else hidden = true;
    } else {
      hidden = true;
    }
  }
  return { writes, hidden, djCalls };
}

function applyDj(b: Builder, dj: DjCall) {
  b.dj = dj;
  const keywords = keywordArguments(dj.args);
  for (const [keyword, key] of Object.entries(DJ_KEYWORDS)) {
    const k = keywords.find((x) => x.name === keyword);
    b.writes.push({
      key,
      value: k?.value ?? null,
      via: 'dj_database_url',
      element: k?.node ?? null,
      container: dj.args,
      style: 'keyword',
    });
  }
  const engine = keywords.find((k) => k.name === 'engine')?.value;
  let backend: DjangoBackend = 'unknown';
  if (engine) {
    const name = stringLiteralValue(engine);
    backend = name === null ? 'unknown' : backendOf(name);
  } else if (dj.fn === 'parse') {
    const first = elements(dj.args)[0];
    const urlNode =
      keywords.find((k) => k.name === 'url')?.value ?? (first?.type === 'string' ? first : null);
    const url = urlNode ? stringLiteralValue(urlNode) : null;
    backend = url === null ? 'unknown' : backendOfUrl(url);
  }
  // The returned dict also holds ENGINE and HOST (from the URL, usually the environment).
  for (const key of ['ENGINE', 'HOST']) {
    b.writes.push({
      key,
      value: null,
      via: 'dj_database_url',
      element: null,
      container: null,
      style: 'keyword',
      djBackend: backend,
    });
  }
  // The URL's query string becomes OPTIONS (and ssl_require adds sslmode): not visible here.
  b.options = { state: 'hidden', container: null, style: 'dict' };
  b.optionWrites = [];
}

/** Sets the whole OPTIONS value of an entry from a write. */
function setOptions(doc: ParsedDocument, b: Builder, value: Node | null, before: number) {
  b.optionWrites = [];
  if (!value) {
    b.options = { state: 'hidden', container: null, style: 'dict' };
    return;
  }
  const source = resolveDict(doc, value, before);
  if (!source) {
    b.options = { state: 'hidden', container: null, style: 'dict' };
    return;
  }
  const container = source.kind === 'dict-call' ? source.args : source.dict;
  const style = source.kind === 'dict-call' ? 'keyword' : 'dict';
  const { writes, hidden } = writesOfDict(doc, container, style, 'literal');
  b.options = { state: hidden ? 'hidden' : 'visible', container, style };
  b.optionWrites = writes;
}

function newBuilder(alias: string, aliasNode: Node, label: string): Builder {
  return {
    alias,
    aliasNode,
    label,
    literal: null,
    dj: null,
    hidden: false,
    writes: [],
    options: { state: 'absent', container: null, style: 'dict' },
    optionWrites: [],
  };
}

/** Fills an entry from its value: a dict, `dict(...)`, a dj-database-url call, or a name bound to one. */
function fillEntry(doc: ParsedDocument, b: Builder, value: Node) {
  let node: Node | null = value;
  if (node.type === 'identifier') {
    const dict = resolveDict(doc, node, node.startIndex);
    node = dict
      ? dict.kind === 'dict-call'
        ? (dict.args.parent ?? null)
        : dict.dict
      : boundValue(doc, node, node.startIndex);
  }
  const dj = djCallOf(doc, node);
  if (dj) {
    applyDj(b, dj);
    return;
  }
  let container: Node | null = null;
  let style: 'dict' | 'keyword' = 'dict';
  if (node?.type === 'dictionary') container = node;
  else if (node?.type === 'call' && node.childForFieldName('function')?.text === 'dict') {
    const args = node.childForFieldName('arguments');
    if (args?.type === 'argument_list') {
      container = args;
      style = 'keyword';
    }
  }
  if (!container) {
    b.hidden = true;
    b.options = { state: 'hidden', container: null, style: 'dict' };
    return;
  }
  b.literal = { container, style };
  const { writes, hidden, djCalls } = writesOfDict(doc, container, style, 'literal');
  // `{**dj_database_url.config(...), "KEY": v}`: the call's keys come first, the pairs override them.
  for (const call of djCalls) applyDj(b, call);
  if (hidden) {
    b.hidden = true;
    b.options = { state: 'hidden', container: null, style: 'dict' };
  }
  for (const w of writes) {
    b.writes.push(w);
    if (w.key === 'OPTIONS') setOptions(doc, b, w.value, container.startIndex);
  }
}

function build(b: Builder): DjangoEntry {
  const get = (key: string) => b.writes.filter((w) => w.key === key).at(-1);
  const engine = get('ENGINE');
  let backend: DjangoBackend;
  if (!engine) backend = b.hidden ? 'unknown' : 'other';
  else if (engine.via === 'dj_database_url') backend = engine.djBackend ?? 'unknown';
  else {
    const name = engine.value ? stringLiteralValue(engine.value) : null;
    backend = name === null ? 'unknown' : backendOf(name);
  }
  const hostWrite = get('HOST');
  let host: string | null;
  if (!hostWrite) host = b.hidden ? null : '';
  else if (!hostWrite.value) host = null;
  else host = stringLiteralValue(hostWrite.value);
  let options: DjangoOptions;
  if (b.options.state === 'absent' && b.optionWrites.length === 0) options = { kind: 'absent' };
  else if (b.options.state === 'hidden') options = { kind: 'hidden' };
  else {
    const writes = b.optionWrites;
    options = {
      kind: 'visible',
      container: b.options.container,
      style: b.options.style,
      writes,
      get: (key: string) => writes.filter((w) => w.key === key).at(-1),
    };
  }
  return {
    alias: b.alias,
    aliasNode: b.aliasNode,
    label: b.label,
    literal: b.literal,
    dj: b.dj,
    hidden: b.hidden,
    writes: b.writes,
    get,
    backend,
    host,
    options,
  };
}

/** The statement (expression_statement) an expression belongs to. */
function statementOf(node: Node): Node {
  return node.parent?.type === 'expression_statement' ? node.parent : node;
}

/** Every `DATABASES` entry of the file, in document order. */
export function djangoEntries(doc: ParsedDocument): DjangoEntry[] {
  if (doc.grammar !== 'python') return [];
  return doc.memo('python.django.entries', () => {
    const all: Builder[] = [];
    let current: Map<string, Builder> | null = null;
    let quote: '"' | "'" = '"';
    const candidates = [
      ...doc.root.descendantsOfType('assignment'),
      ...doc.root.descendantsOfType('call'),
    ].filter((n): n is Node => n !== null);
    candidates.sort((a, b) => a.startIndex - b.startIndex);
    for (const node of candidates) {
      if (node.type === 'assignment') {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (!left || !right) continue;
        if (left.type === 'identifier' && left.text === 'DATABASES') {
          current = new Map();
          if (right.type !== 'dictionary') continue;
          quote = quoteStyle(right);
          for (const el of elements(right)) {
            if (el.type !== 'pair') continue;
            const keyNode = el.childForFieldName('key');
            const value = el.childForFieldName('value');
            const alias = keyNode ? stringLiteralValue(keyNode) : null;
            if (!keyNode || !value || alias === null) continue;
            const b = newBuilder(alias, keyNode, `DATABASES[${quote}${alias}${quote}]`);
            fillEntry(doc, b, value);
            current.set(alias, b);
            all.push(b);
          }
          continue;
        }
        const path = left.type === 'subscript' ? subscriptPath(left) : null;
        if (path?.root !== 'DATABASES' || !current) continue;
        const [alias, key, optionKey, ...rest] = path.keys;
        if (alias === undefined || rest.length > 0) continue;
        const aliasNode = path.keyNodes[0] as Node;
        const statement = statementOf(node);
        if (key === undefined) {
          const b = newBuilder(alias, aliasNode, `DATABASES[${quote}${alias}${quote}]`);
          fillEntry(doc, b, right);
          current.set(alias, b);
          all.push(b);
          continue;
        }
        const b = current.get(alias);
        if (!b) continue;
        const target = left.childForFieldName('value')?.text ?? '';
        const write: DjangoWrite = {
          key: optionKey ?? key,
          value: right,
          via: 'subscript',
          element: statement,
          container: statement.parent,
          style: 'statement',
          target,
        };
        if (optionKey === undefined) {
          b.writes.push(write);
          if (key === 'OPTIONS') setOptions(doc, b, right, node.startIndex);
        } else if (key === 'OPTIONS') {
          if (b.options.state === 'absent') b.options = { state: 'visible', container: null, style: 'dict' };
          b.optionWrites.push(write);
        }
        continue;
      }
      // DATABASES["x"].update(...) and DATABASES["x"]["OPTIONS"].update(...)
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'update') continue;
      if (args?.type !== 'argument_list' || !current) continue;
      const object = fn.childForFieldName('object');
      const path = object?.type === 'subscript' ? subscriptPath(object) : null;
      if (path?.root !== 'DATABASES') continue;
      const [alias, key, ...rest] = path.keys;
      const b = alias === undefined ? undefined : current.get(alias);
      if (!b || rest.length > 0 || (key !== undefined && key !== 'OPTIONS')) continue;
      // dict.update(other, **kwargs): the positional mapping first, then the keywords.
      const found: DjangoWrite[] = [];
      let hidden = false;
      for (const el of elements(args)) {
        if (el.type === 'keyword_argument') continue;
        if (el.type === 'dictionary') {
          const r = writesOfDict(doc, el, 'dict', 'update');
          found.push(...r.writes);
          hidden ||= r.hidden;
          continue;
        }
        const value = el.type === 'identifier' ? boundValue(doc, el, el.startIndex) : el;
        const dj = key === undefined ? djCallOf(doc, value) : null;
        if (dj) applyDj(b, dj);
        else hidden = true;
      }
      found.push(...writesOfDict(doc, args, 'keyword', 'update').writes);
      if (key === undefined) {
        b.writes.push(...found);
        for (const w of found) if (w.key === 'OPTIONS') setOptions(doc, b, w.value, node.startIndex);
        if (hidden) {
          b.hidden = true;
          b.options = { state: 'hidden', container: null, style: 'dict' };
        }
      } else {
        if (b.options.state === 'absent') b.options = { state: 'visible', container: null, style: 'dict' };
        b.optionWrites.push(...found);
        if (hidden) b.options = { state: 'hidden', container: null, style: 'dict' };
      }
    }
    return all.map(build);
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Reading values                                                                              */

/** `CONN_MAX_AGE` as Django reads it: seconds, `null` for None (unlimited), undefined when not a literal. */
export function connMaxAge(entry: DjangoEntry): number | null | undefined {
  const write = entry.get('CONN_MAX_AGE');
  if (!write) return 0;
  if (!write.value) return 0; // dj-database-url's default
  if (write.value.type === 'none') return null;
  const n = numericLiteral(write.value);
  return n === null ? undefined : n;
}

/** True / false when `CONN_HEALTH_CHECKS` is a literal or absent (false); null when not a literal. */
export function healthChecksOn(entry: DjangoEntry): boolean | null {
  const write = entry.get('CONN_HEALTH_CHECKS');
  if (!write?.value) return false;
  return literalTruthiness(write.value);
}

export type PoolSetting =
  | { kind: 'absent' }
  /** A literal that turns pooling on: `True` or a non-empty dict. */
  | { kind: 'on'; write: DjangoWrite; dict: { container: Node; style: 'dict' | 'keyword' } | null }
  /** `{}` / `dict()`: an empty dict is false, so Django does not pool. */
  | { kind: 'empty-dict'; write: DjangoWrite }
  | { kind: 'off'; write: DjangoWrite }
  | { kind: 'unknown'; write: DjangoWrite | null };

/** What `OPTIONS["pool"]` holds. */
export function poolSetting(doc: ParsedDocument, entry: DjangoEntry): PoolSetting {
  if (entry.options.kind === 'hidden') return { kind: 'unknown', write: null };
  if (entry.options.kind === 'absent') return { kind: 'absent' };
  const write = entry.options.get('pool');
  if (!write?.value) return { kind: 'absent' };
  const source = resolveDict(doc, write.value, write.value.startIndex);
  if (source) {
    const container = source.kind === 'dict-call' ? source.args : source.dict;
    const style = source.kind === 'dict-call' ? 'keyword' : 'dict';
    if (elements(container).length === 0) return { kind: 'empty-dict', write };
    return { kind: 'on', write, dict: { container, style } };
  }
  const truth = literalTruthiness(write.value);
  if (truth === true) return { kind: 'on', write, dict: null };
  if (truth === false) return { kind: 'off', write };
  return { kind: 'unknown', write };
}

/** The keys of a pool dict, with their nodes. */
export function poolEntries(container: Node, style: 'dict' | 'keyword') {
  return style === 'keyword'
    ? keywordArguments(container).map((k) => ({
        key: k.name,
        keyNode: k.nameNode,
        value: k.value,
        node: k.node,
      }))
    : dictEntries(container).map((e) => ({ key: e.key, keyNode: e.keyNode, value: e.value, node: e.node }));
}

/* ------------------------------------------------------------------------------------------ */
/* Edits                                                                                       */

/** The quote the file's dict keys mostly use, when `container` shows none. */
function quoteFor(text: string, container: Node | null): '"' | "'" {
  if (container && elements(container).some((el) => el.type === 'pair')) return quoteStyle(container);
  const single = (text.match(/'[^'\n]*'/g) ?? []).length;
  const double = (text.match(/"[^"\n]*"/g) ?? []).length;
  return single > double ? "'" : '"';
}

/** `"KEY": value` or `KEY=value`, as the container writes its elements. */
function element(
  text: string,
  container: Node,
  style: 'dict' | 'keyword',
  key: string,
  value: string,
): string {
  if (style === 'keyword') return `${key}=${value}`;
  const q = quoteFor(text, container);
  return `${q}${key}${q}: ${value}`;
}

/** Inserts `item` right after `after` (an element of `container`), keeping the container's layout. */
export function insertAfterElementEdit(text: string, container: Node, after: Node, item: string): TextEdit {
  const items = elements(container);
  const last = items[items.length - 1];
  if (!last || last.startIndex === after.startIndex) return appendElementEdit(text, container, item);
  let comma: Node | null = null;
  for (let sibling = after.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (sibling.type === ',') {
      comma = sibling;
      break;
    }
    if (sibling.type !== 'comment') break;
  }
  if (!comma) return appendElementEdit(text, container, item);
  const next = items[items.indexOf(items.find((n) => n.startIndex === after.startIndex) as Node) + 1];
  if (next && isFirstOnLine(text, next.startIndex) && next.startPosition.row > comma.startPosition.row) {
    const at = lineEndOffset(text, comma.endIndex);
    return { start: at, end: at, text: `${detectEol(text)}${lineIndent(text, after.startIndex)}${item},` };
  }
  return { start: comma.endIndex, end: comma.endIndex, text: ` ${item},` };
}

/** A new statement on the line after `statement`, with its indentation. */
function statementAfterEdit(text: string, statement: Node, line: string): TextEdit {
  const at = lineEndOffset(text, statement.endIndex);
  return { start: at, end: at, text: `${detectEol(text)}${lineIndent(text, statement.startIndex)}${line}` };
}

export interface EntryEdit {
  edit: TextEdit;
  /** True when the key is written as a dj-database-url keyword argument. */
  viaDj: boolean;
}

/** Replaces a write's value with `value` (Python text). */
export function replaceValueEdit(write: DjangoWrite, value: string): TextEdit | null {
  if (!write.value) return null;
  return { start: write.value.startIndex, end: write.value.endIndex, text: value };
}

/**
 * Adds a top-level key to an entry next to where `near` is written (the same dict, update call or
 * a statement after its assignment), else at the end of the entry's dict, else as a dj-database-url
 * keyword argument. Null when the file shows no place (the entry comes from a call it cannot edit).
 */
export function addEntryKeyEdit(
  text: string,
  entry: DjangoEntry,
  key: string,
  value: string,
  near?: string,
): EntryEdit | null {
  const keyword = Object.entries(DJ_KEYWORDS).find(([, k]) => k === key)?.[0];
  const anchor = near ? entry.get(near) : undefined;
  if (anchor?.element && anchor.container) {
    if (anchor.via === 'subscript' && anchor.target !== undefined) {
      const q = quoteFor(text, entry.literal?.container ?? null);
      return {
        edit: statementAfterEdit(text, anchor.element, `${anchor.target}[${q}${key}${q}] = ${value}`),
        viaDj: false,
      };
    }
    if (anchor.via === 'dj_database_url') {
      if (!keyword) return null;
      return { edit: appendElementEdit(text, anchor.container, `${keyword}=${value}`), viaDj: true };
    }
    if (anchor.style !== 'statement') {
      const item = element(text, anchor.container, anchor.style, key, value);
      return { edit: insertAfterElementEdit(text, anchor.container, anchor.element, item), viaDj: false };
    }
  }
  // A dj-database-url call after the literal overwrites the literal's keys: write to the call.
  const lastDj = entry.writes.findLastIndex((w) => w.via === 'dj_database_url');
  const lastLiteral = entry.writes.findLastIndex((w) => w.via === 'literal');
  if (entry.dj && (!entry.literal || lastDj > lastLiteral)) {
    if (!keyword) return null;
    return { edit: appendElementEdit(text, entry.dj.args, `${keyword}=${value}`), viaDj: true };
  }
  if (entry.literal) {
    const { container, style } = entry.literal;
    return {
      edit: appendElementEdit(text, container, element(text, container, style, key, value)),
      viaDj: false,
    };
  }
  return null;
}

/**
 * Adds keys to the entry's OPTIONS: into the OPTIONS dict, or as a new `"OPTIONS": {...}` in the
 * entry's dict. Null when OPTIONS is not visible or there is no dict to write into.
 */
export function addOptionsEdit(
  text: string,
  entry: DjangoEntry,
  items: ReadonlyArray<readonly [string, string]>,
): TextEdit | null {
  const options = entry.options;
  if (options.kind === 'hidden') return null;
  if (options.kind === 'visible') {
    if (!options.container) return null;
    const rendered = items.map(([k, v]) => element(text, options.container as Node, options.style, k, v));
    return appendElementsEdit(text, options.container, rendered);
  }
  if (!entry.literal || entry.hidden) return null;
  const q = quoteFor(text, entry.literal.container);
  const dict = `{${items.map(([k, v]) => `${q}${k}${q}: ${v}`).join(', ')}}`;
  const { container, style } = entry.literal;
  return appendElementEdit(text, container, element(text, container, style, 'OPTIONS', dict));
}

/** Where findings about a whole entry are reported: its alias string. */
export function entryRange(entry: DjangoEntry): Utf16Range {
  return { start: entry.aliasNode.startIndex, end: entry.aliasNode.endIndex };
}

/** Where findings about one write are reported: its value, else the entry. */
export function writeRange(entry: DjangoEntry, write: DjangoWrite | undefined): Utf16Range {
  const node = write?.value ?? write?.element;
  return node ? { start: node.startIndex, end: node.endIndex } : entryRange(entry);
}
