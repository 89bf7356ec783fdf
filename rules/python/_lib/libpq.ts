import type { Node } from 'web-tree-sitter';
import { CANONICAL } from '../../../core/canonical';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { hostsOf, type ParsedConnectionString, parseConnectionString } from '../../_lib/connection-string';
import { type DriverFamily, effectiveFamily, sqlalchemyEngines } from './sqlalchemy';
import {
  appendElementEdit,
  appendElementsEdit,
  type CallSite,
  dictEntries,
  dictionarySplats,
  elements,
  findCalls,
  firstStringQuote,
  keywordArguments,
  quoteStyle,
  resolveDict,
  resolveSplat,
  resolveString,
  type SplatSource,
  type StringValue,
  stringLiteralValue,
} from './syntax';

/**
 * Every place a Python file hands libpq connection parameters to a libpq-family driver: SQLAlchemy
 * engines (`connect_args` and the URL query), `psycopg2.connect` / `psycopg.connect` (keywords and
 * the DSN or URI), psycopg_pool pools (`conninfo=` and `kwargs=`), psycopg2.pool pools. The libpq
 * rules read one model: the effective value of a key and where it is written, whether the target is
 * TCP, the driver family, and edits that set keys in the right place.
 */

export type LibpqSiteKind = 'sqlalchemy' | 'psycopg2' | 'psycopg' | 'psycopg_pool' | 'psycopg2_pool';

/** Where a parameter is written: the URL query or DSN string, or a Python dict / keyword argument. */
export type SettingSource = 'url' | 'dsn' | 'connect_args' | 'kwargs';

export interface LibpqSetting {
  key: string;
  /** The literal value as libpq reads it (`30` for `30`, `"30"` and `?k=30`); null when not a literal. */
  value: string | null;
  source: SettingSource;
  /** The value's range in the file. */
  range: Utf16Range;
  /** Python values: the literal node, so a replacement keeps its type and quotes. */
  node?: Node;
}

export type Transport = 'tcp' | 'unix' | 'unknown';

export type KeyValue = readonly [key: string, value: string | number];

export interface LibpqSite {
  kind: LibpqSiteKind;
  call: CallSite;
  /** How messages name the call: `create_engine()`, `psycopg2.connect()`, `ConnectionPool()`. */
  label: string;
  family: DriverFamily;
  /** `psycopg2` or `psycopg` when the file says which libpq driver runs; null when it does not. */
  driver: 'psycopg2' | 'psycopg' | null;
  /** Every visible setting, lowest precedence first (the driver lets later ones override). */
  settings: LibpqSetting[];
  /** What the file does not show (a `**name`, a DSN from the environment), or null. */
  hidden: string | null;
  /** True when the connection string itself is not in the file (the keys could be in it). */
  dsnUnknown: boolean;
  transport: Transport;
  /** Host entries as written (`db`, `pg1:5432`, `/var/run/postgresql`), when the file shows them. */
  hosts: Array<{ host: string; port?: string }>;
  /** The effective setting of `key`: the one the driver uses. */
  get(key: string): LibpqSetting | undefined;
  /**
   * Edits that set every key: in place where the key is written, the new ones where the site keeps
   * its parameters. Null when no edit is certain (a `**name` the file does not show could already
   * hold the dict the edit would create, or the connection string is unreadable).
   */
  setEdits(entries: readonly KeyValue[]): TextEdit[] | null;
  /** The callee: where findings about the whole site are reported. */
  range: Utf16Range;
}

/** Keyword arguments of the driver functions that are not libpq parameters. */
const NOT_LIBPQ = new Set([
  'dsn',
  'conninfo',
  'connection_factory',
  'cursor_factory',
  'async',
  'async_',
  'autocommit',
  'prepare_threshold',
  'row_factory',
  'context',
  'minconn',
  'maxconn',
]);

/** A string content slice: offsets inside the parsed string are relative to `contentStart`. */
interface StringTarget {
  source: 'url' | 'dsn';
  str: StringValue;
  parsed: ParsedConnectionString | null;
}

/** A Python dict (or keyword list) holding parameters, with how new entries are written. */
interface DictTarget {
  container: Node;
  style: 'keyword' | 'dict';
  source: 'connect_args' | 'kwargs';
}

interface Builder {
  kind: LibpqSiteKind;
  call: CallSite;
  label: string;
  family: DriverFamily;
  driver: 'psycopg2' | 'psycopg' | null;
  /** Lowest precedence first. */
  strings: StringTarget[];
  dicts: DictTarget[];
  /** Where keys go when none of the site's places holds parameters yet, in order of preference. */
  place: () => Placement | null;
  hidden: string | null;
  dsnUnknown: boolean;
  /** A `host` / `hostaddr` value the file does not show. */
  hostUnknown: boolean;
}

type Placement =
  | { kind: 'string'; target: StringTarget }
  | { kind: 'dict'; target: DictTarget }
  /** A new `name={...}` argument (or `"name": {...}` entry) in `container`. */
  | { kind: 'new'; container: Node; style: 'keyword' | 'dict'; name: string; quote: '"' | "'" };

function pythonValue(node: Node): string | null {
  switch (node.type) {
    case 'integer':
    case 'float':
      return node.text.replace(/_/g, '');
    case 'string':
      return stringLiteralValue(node);
    case 'true':
      return '1';
    case 'false':
      return '0';
    case 'unary_operator':
      return /^-\s*\d+$/.test(node.text) ? node.text.replace(/\s/g, '') : null;
    default:
      return null;
  }
}

function dictSettings(target: DictTarget): LibpqSetting[] {
  const pairs =
    target.style === 'keyword'
      ? keywordArguments(target.container).map((k) => ({ key: k.name, value: k.value }))
      : dictEntries(target.container).map((e) => ({ key: e.key, value: e.value }));
  return pairs
    .filter((p) => !NOT_LIBPQ.has(p.key))
    .map((p) => ({
      key: p.key,
      value: pythonValue(p.value),
      source: target.source,
      range: { start: p.value.startIndex, end: p.value.endIndex },
      node: p.value,
    }));
}

function stringSettings(target: StringTarget): LibpqSetting[] {
  if (!target.parsed) return [];
  const base = target.str.contentStart;
  return target.parsed.params.map((p) => ({
    key: p.key,
    value: p.value,
    source: target.source,
    range: { start: base + p.valueRange.start, end: base + p.valueRange.end },
  }));
}

function stringTarget(source: 'url' | 'dsn', str: StringValue): StringTarget {
  return { source, str, parsed: str.value.trim() === '' ? null : parseConnectionString(str.value) };
}

function dictTarget(found: SplatSource, source: 'connect_args' | 'kwargs'): DictTarget {
  return found.kind === 'dict-call'
    ? { container: found.args, style: 'keyword', source }
    : { container: found.dict, style: 'dict', source };
}

/** The quote a new string key should use: the dict's own, else the first string of the call. */
function callQuote(call: Node): '"' | "'" {
  return firstStringQuote(call) ?? '"';
}

function formatValue(value: string | number, quote: string): string {
  return typeof value === 'number' ? String(value) : `${quote}${value}${quote}`;
}

function entryText(
  [key, value]: KeyValue,
  style: 'keyword' | 'dict' | 'string-dsn' | 'string-uri',
  quote: string,
): string {
  switch (style) {
    case 'keyword':
      return `${key}=${formatValue(value, quote)}`;
    case 'dict':
      return `${quote}${key}${quote}: ${formatValue(value, quote)}`;
    case 'string-uri':
      return `${key}=${encodeURIComponent(String(value))}`;
    default:
      return `${key}=${String(value)}`;
  }
}

/** Replaces a setting's value in place, keeping a Python literal's type and quotes. */
function replaceValue(setting: LibpqSetting, value: string | number): TextEdit {
  const node = setting.node;
  if (node?.type === 'string') {
    const open = node.child(0)?.text ?? '"';
    const close = node.child(node.childCount - 1)?.text ?? '"';
    return { start: node.startIndex, end: node.endIndex, text: `${open}${value}${close}` };
  }
  if (node) {
    const quote = callQuote(node);
    return { ...setting.range, text: formatValue(value, quote) };
  }
  const text = setting.source === 'url' ? encodeURIComponent(String(value)) : String(value);
  return { ...setting.range, text };
}

/**
 * An insertion that also rewrites the character after it, so that two fixes which each create the
 * same new argument (`connect_args=`, `kwargs=`) overlap and the engine applies one per pass; the
 * other then finds the argument and adds its keys inside it. Plain insertions at one offset compose.
 */
function exclusive(text: string, edit: TextEdit): TextEdit {
  if (edit.start < text.length) {
    return { start: edit.start, end: edit.start + 1, text: edit.text + text[edit.start] };
  }
  return { start: edit.start - 1, end: edit.start, text: text[edit.start - 1] + edit.text };
}

function appendToString(target: StringTarget, entries: readonly KeyValue[]): TextEdit | null {
  const { str, parsed } = target;
  const at = str.contentStart;
  if (!parsed) {
    if (str.value.trim() !== '') return null;
    return {
      start: at + str.value.length,
      end: at + str.value.length,
      text: entries.map((e) => entryText(e, 'string-dsn', '')).join(' '),
    };
  }
  if (parsed.kind === 'dsn') {
    const body = entries.map((e) => entryText(e, 'string-dsn', '')).join(' ');
    return { start: at + parsed.end, end: at + parsed.end, text: ` ${body}` };
  }
  const separator = parsed.hasQuery ? (parsed.params.length > 0 ? '&' : '') : '?';
  const body = entries.map((e) => entryText(e, 'string-uri', '')).join('&');
  return { start: at + parsed.queryEnd, end: at + parsed.queryEnd, text: `${separator}${body}` };
}

function build(doc: ParsedDocument, b: Builder): LibpqSite {
  const text = doc.text;
  const settings = [...b.strings.flatMap(stringSettings), ...b.dicts.flatMap(dictSettings)];
  const get = (key: string) => settings.filter((s) => s.key === key).at(-1);

  const hosts: Array<{ host: string; port?: string }> = [];
  let tcpHint = false;
  for (const target of b.strings) {
    if (target.parsed) hosts.push(...hostsOf(target.parsed));
  }
  const hostSetting = settings
    .filter((s) => s.key === 'host' && s.source !== 'url' && s.source !== 'dsn')
    .at(-1);
  if (hostSetting?.value) {
    hosts.length = 0;
    hosts.push(...hostSetting.value.split(',').map((h) => ({ host: h })));
  }
  if (get('hostaddr')?.value) tcpHint = true;
  const unknownHost =
    b.hostUnknown ||
    b.hidden !== null ||
    b.dsnUnknown ||
    (hostSetting !== undefined && hostSetting.value === null);
  const known = hosts.filter((h) => h.host !== '');
  let transport: Transport;
  if (tcpHint) transport = 'tcp';
  else if (known.length > 0)
    transport =
      known.every((h) => /^(\/|@|%2F)/i.test(h.host)) && known.length === hosts.length ? 'unix' : 'tcp';
  else transport = unknownHost ? 'unknown' : 'unix';

  const setEdits = (entries: readonly KeyValue[]): TextEdit[] | null => {
    const edits: TextEdit[] = [];
    const missing: KeyValue[] = [];
    for (const entry of entries) {
      const existing = get(entry[0]);
      if (existing) edits.push(replaceValue(existing, entry[1]));
      else missing.push(entry);
    }
    if (missing.length === 0) return edits;
    if (b.hidden !== null) return null;
    const placement = b.place();
    if (!placement) return null;
    if (placement.kind === 'string') {
      const edit = appendToString(placement.target, missing);
      if (!edit) return null;
      edits.push(edit);
    } else if (placement.kind === 'dict') {
      const { container, style } = placement.target;
      const quote = style === 'dict' ? quoteStyle(container) : callQuote(b.call.call);
      edits.push(
        appendElementsEdit(
          text,
          container,
          missing.map((e) => entryText(e, style, quote)),
        ),
      );
    } else {
      const { container, style, name, quote } = placement;
      const inner = missing.map((e) => entryText(e, 'dict', quote)).join(', ');
      const element = style === 'keyword' ? `${name}={${inner}}` : `${quote}${name}${quote}: {${inner}}`;
      edits.push(exclusive(text, appendElementEdit(text, container, element)));
    }
    return edits;
  };

  return {
    kind: b.kind,
    call: b.call,
    label: b.label,
    family: b.family,
    driver: b.driver,
    settings,
    hidden: b.hidden,
    dsnUnknown: b.dsnUnknown,
    transport,
    hosts,
    get,
    setEdits,
    range: { start: b.call.callee.startIndex, end: b.call.callee.endIndex },
  };
}

function positional(args: Node): Node[] {
  return elements(args).filter(
    (n) =>
      !['keyword_argument', 'dictionary_splat', 'list_splat', 'parenthesized_expression'].includes(n.type),
  );
}

function sqlalchemySites(doc: ParsedDocument): LibpqSite[] {
  return sqlalchemyEngines(doc).map((engine) => {
    // `URL.create("postgresql+asyncpg", ...)` names the driver outside the engine call.
    const { driver, family } = effectiveFamily(doc, engine);
    const strings: StringTarget[] = [];
    if (engine.url && engine.parsedUrl)
      strings.push({ source: 'url', str: engine.url, parsed: engine.parsedUrl });
    const dicts: DictTarget[] = [];
    let hidden: string | null = null;
    if (engine.hiddenOptions) {
      hidden = dictionarySplats(engine.site.args)
        .map((n) => n.text)
        .join(', ');
    }
    const connectArgs = engine.option('connect_args');
    if (connectArgs) {
      const found = resolveDict(doc, connectArgs.value, engine.site.call.startIndex);
      if (found) dicts.push(dictTarget(found, 'connect_args'));
      else hidden = `connect_args=${connectArgs.value.text}`;
    }
    const quote =
      engine.insertInto.style === 'dict'
        ? quoteStyle(engine.insertInto.container)
        : callQuote(engine.site.call);
    return build(doc, {
      kind: 'sqlalchemy',
      call: engine.site,
      label: `${engine.site.name}()`,
      family,
      driver:
        driver === 'psycopg' || driver === 'psycopg_async'
          ? 'psycopg'
          : driver === 'psycopg2'
            ? 'psycopg2'
            : null,
      strings,
      dicts,
      place: () => {
        const target = dicts[0];
        if (target) return { kind: 'dict', target };
        return { kind: 'new', ...engine.insertInto, name: 'connect_args', quote };
      },
      hidden,
      dsnUnknown: engine.url === null,
      hostUnknown: false,
    });
  });
}

const CONNECT_CALLEES: Record<string, 'psycopg2' | 'psycopg'> = {
  'psycopg2.connect': 'psycopg2',
  'psycopg.connect': 'psycopg',
  'psycopg.Connection.connect': 'psycopg',
  'psycopg.AsyncConnection.connect': 'psycopg',
  'Connection.connect': 'psycopg',
  'AsyncConnection.connect': 'psycopg',
};

/** `psycopg2.connect(...)`, `psycopg.connect(...)`, psycopg2.pool pools: a DSN plus libpq keywords. */
function connectLikeSite(
  doc: ParsedDocument,
  site: CallSite,
  kind: 'psycopg2' | 'psycopg' | 'psycopg2_pool',
  dsnIndex: number,
): LibpqSite {
  const keywords = keywordArguments(site.args);
  const dsnNode =
    keywords.find((k) => k.name === 'dsn' || k.name === 'conninfo')?.value ??
    positional(site.args)[dsnIndex] ??
    null;
  const dsn = dsnNode ? resolveString(doc, dsnNode, site.call.startIndex) : null;
  const strings: StringTarget[] = dsn ? [stringTarget('dsn', dsn)] : [];
  const callKeywords: DictTarget = { container: site.args, style: 'keyword', source: 'kwargs' };
  const dicts: DictTarget[] = [callKeywords];
  let hidden: string | null = null;
  const splatDicts: DictTarget[] = [];
  for (const splat of dictionarySplats(site.args)) {
    const found = resolveSplat(doc, splat);
    if (found) splatDicts.push(dictTarget(found, 'kwargs'));
    else hidden = hidden ? `${hidden}, ${splat.text}` : splat.text;
  }
  dicts.push(...splatDicts);
  const libpqKeywords = keywords.filter((k) => !NOT_LIBPQ.has(k.name));
  const driver = kind === 'psycopg2_pool' ? 'psycopg2' : kind;
  const unreadable = dsn !== null && strings[0]?.parsed === null && dsn.value.trim() !== '';
  return build(doc, {
    kind,
    call: site,
    label: `${site.callee.text}()`,
    family: 'libpq',
    driver,
    strings,
    dicts,
    place: () => {
      const splatWithKeys = splatDicts.find((d) => dictSettings(d).length > 0);
      if (splatWithKeys) return { kind: 'dict', target: splatWithKeys };
      if (libpqKeywords.length > 0 || !dsn) return { kind: 'dict', target: callKeywords };
      const target = strings[0];
      return target ? { kind: 'string', target } : null;
    },
    hidden: hidden ?? (unreadable ? 'a connection string staleproof cannot parse' : null),
    dsnUnknown: dsnNode !== null && dsn === null,
    hostUnknown: false,
  });
}

function psycopgPoolSite(doc: ParsedDocument, site: CallSite): LibpqSite {
  const keywords = keywordArguments(site.args);
  const conninfoNode = keywords.find((k) => k.name === 'conninfo')?.value ?? positional(site.args)[0] ?? null;
  const conninfo = conninfoNode ? resolveString(doc, conninfoNode, site.call.startIndex) : null;
  const strings: StringTarget[] = conninfo ? [stringTarget('dsn', conninfo)] : [];
  const dicts: DictTarget[] = [];
  let hidden: string | null = null;
  const splats = dictionarySplats(site.args);
  for (const splat of splats) {
    if (!resolveSplat(doc, splat)) hidden = hidden ? `${hidden}, ${splat.text}` : splat.text;
  }
  const kwargs = keywords.find((k) => k.name === 'kwargs');
  if (kwargs) {
    const found = resolveDict(doc, kwargs.value, site.call.startIndex);
    if (found) dicts.push(dictTarget(found, 'kwargs'));
    else if (kwargs.value.type !== 'none') hidden = `kwargs=${kwargs.value.text}`;
  }
  const unreadable = conninfo !== null && strings[0]?.parsed === null && conninfo.value.trim() !== '';
  return build(doc, {
    kind: 'psycopg_pool',
    call: site,
    label: `${site.callee.text}()`,
    family: 'libpq',
    driver: 'psycopg',
    strings,
    dicts,
    place: () => {
      const target = dicts[0];
      if (target) return { kind: 'dict', target };
      if (kwargs) return null; // kwargs=None: replacing it is a different edit; stay out
      const str = strings[0];
      if (str && conninfoNode?.type === 'string') return { kind: 'string', target: str };
      return {
        kind: 'new',
        container: site.args,
        style: 'keyword',
        name: 'kwargs',
        quote: callQuote(site.call),
      };
    },
    hidden: hidden ?? (unreadable ? 'a connection string staleproof cannot parse' : null),
    dsnUnknown: conninfoNode !== null && conninfo === null,
    hostUnknown: false,
  });
}

const PSYCOPG_POOLS = ['ConnectionPool', 'AsyncConnectionPool'];
const PSYCOPG2_POOLS = ['SimpleConnectionPool', 'ThreadedConnectionPool', 'PersistentConnectionPool'];

/** True when the call names the class of `module` (a dotted prefix or a `from module import`), not a namesake. */
function importedFrom(
  doc: ParsedDocument,
  site: CallSite,
  module: string,
  prefixes: readonly string[],
): boolean {
  const callee = site.callee.text.replace(/\s/g, '');
  if (callee.includes('.')) return prefixes.includes(callee.slice(0, callee.lastIndexOf('.')));
  const escaped = module.replace(/\./g, '\\.');
  return new RegExp(`from\\s+${escaped}\\s+import\\s+(?:\\([^)]*|[^\\n]*)\\b${site.name}\\b`).test(doc.text);
}

/**
 * A bare `ConnectionPool(...)` in a snippet without imports (a pasted excerpt) that is psycopg_pool's by
 * its arguments: a `conninfo=` keyword, or a first argument that is a libpq connection string. A pool
 * imported from anywhere else (redis has a ConnectionPool too) never counts.
 */
function unimportedPsycopgPool(doc: ParsedDocument, site: CallSite): boolean {
  if (site.callee.text.includes('.')) return false;
  if (new RegExp(`\\bimport\\b[^\\n]*\\b${site.name}\\b`).test(doc.text)) return false;
  if (new RegExp(`\\b${site.name}\\s*=`).test(doc.text)) return false;
  if (keywordArguments(site.args).some((k) => k.name === 'conninfo')) return true;
  const first = positional(site.args)[0];
  const value = first ? stringLiteralValue(first) : null;
  return value !== null && /^\s*(postgres(ql)?:\/\/|[a-z_]+\s*=)/.test(value);
}

/** Every libpq parameter site of the file, in document order. */
export function libpqSites(doc: ParsedDocument): LibpqSite[] {
  if (doc.grammar !== 'python') return []; // rules that also read INI files call this on them
  return doc.memo('python.libpq.sites', () => {
    const sites: LibpqSite[] = [...sqlalchemySites(doc)];
    const hasFrom = (module: string) =>
      new RegExp(`from\\s+${module}\\s+import[^\\n]*\\bconnect\\b`).test(doc.text);
    for (const site of findCalls(doc, ['connect'])) {
      const callee = site.callee.text.replace(/\s/g, '');
      let driver = CONNECT_CALLEES[callee];
      if (!driver && callee === 'connect') {
        if (hasFrom('psycopg2')) driver = 'psycopg2';
        else if (hasFrom('psycopg')) driver = 'psycopg';
      }
      if (!driver) continue;
      if (
        (callee === 'Connection.connect' || callee === 'AsyncConnection.connect') &&
        !/\bpsycopg\b/.test(doc.text)
      )
        continue;
      sites.push(connectLikeSite(doc, site, driver, 0));
    }
    for (const site of findCalls(doc, PSYCOPG_POOLS)) {
      if (importedFrom(doc, site, 'psycopg_pool', ['psycopg_pool']) || unimportedPsycopgPool(doc, site))
        sites.push(psycopgPoolSite(doc, site));
    }
    for (const site of findCalls(doc, PSYCOPG2_POOLS)) {
      if (
        importedFrom(doc, site, 'psycopg2.pool', ['psycopg2.pool', 'pool']) &&
        /\bpsycopg2\b/.test(doc.text)
      )
        sites.push(connectLikeSite(doc, site, 'psycopg2_pool', 2));
    }
    return sites.sort((a, b) => a.call.call.startIndex - b.call.call.startIndex);
  });
}

/** A numeric setting value, or null when it is not a plain number. */
export function numericValue(setting: LibpqSetting | undefined): number | null {
  if (!setting?.value || !/^\s*-?\d+(\.\d+)?\s*$/.test(setting.value)) return null;
  return Number(setting.value);
}

/** Where a setting is written, for messages: `in the URL query`, `in connect_args`… */
export function whereWritten(setting: LibpqSetting): string {
  switch (setting.source) {
    case 'url':
      return 'in the URL query';
    case 'dsn':
      return 'in the connection string';
    case 'connect_args':
      return 'in connect_args';
    default:
      return 'as a keyword argument';
  }
}

/**
 * Why a site's driver is not certain, for suggestions without a fix (the reference's V1): what the
 * file would have to show for staleproof to write libpq keys.
 */
export function uncertainDriverNote(site: LibpqSite): string {
  return site.dsnUnknown
    ? `the URL is not in this file, so its driver is unknown; libpq keys are valid only for psycopg2 / psycopg (postgresql+psycopg2:// or postgresql+psycopg://) and crash asyncpg and pg8000. With a literal URL naming its driver, staleproof can write them`
    : `the URL names no libpq driver for ${site.label}; with postgresql+psycopg:// (or +psycopg2) staleproof can write them`;
}

/** The major.minor… numbers of a version string; null when absent. */
export function versionAtLeast(version: string | undefined, minimum: readonly number[]): boolean | null {
  if (!version) return null;
  const parts = version.split(/[.+-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < minimum.length; i++) {
    const have = Number.isNaN(parts[i] ?? Number.NaN) ? 0 : (parts[i] as number);
    const need = minimum[i] as number;
    if (have !== need) return have > need;
  }
  return true;
}

/**
 * The keepalive keys a site lacks or has wrong, in the reference's order: `keepalives=1` when absent
 * or 0, then idle / interval / count when absent. Present values are the user's and stay.
 */
export function keepaliveEntries(site: LibpqSite): KeyValue[] {
  const out: KeyValue[] = [];
  const keepalives = site.get('keepalives');
  if (!keepalives || keepalives.value === '0') out.push(['keepalives', 1]);
  if (!site.get('keepalives_idle')) out.push(['keepalives_idle', CANONICAL.keepaliveIdleSeconds]);
  if (!site.get('keepalives_interval')) out.push(['keepalives_interval', CANONICAL.keepaliveIntervalSeconds]);
  if (!site.get('keepalives_count')) out.push(['keepalives_count', CANONICAL.keepaliveCount]);
  return out;
}

/** True when the site lacks keepalives: no `keepalives_idle`, or keepalives switched off. */
export function keepalivesMissing(site: LibpqSite): boolean {
  const keepalives = site.get('keepalives');
  if (keepalives?.value === '0') return true;
  return !site.get('keepalives_idle');
}

/** Human text for a list of entries: `keepalives=1, keepalives_idle=30 s`. */
export function describeEntries(entries: readonly KeyValue[]): string {
  const unit: Record<string, string> = {
    keepalives_idle: ' s',
    keepalives_interval: ' s',
    connect_timeout: ' s',
    tcp_user_timeout: ' ms',
  };
  return entries.map(([k, v]) => `${k}=${v}${unit[k] ?? ''}`).join(', ');
}
