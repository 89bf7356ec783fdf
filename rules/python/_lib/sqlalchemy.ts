import type { Node } from 'web-tree-sitter';
import { idleBoundSeconds } from '../../../core/canonical';
import { type EnvironmentProfile, effectiveIdleLimit } from '../../../core/environment';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { type ParsedUri, parseUri } from '../../_lib/connection-string';
import {
  appendElementEdit,
  appendElementsEdit,
  type CallSite,
  dictEntries,
  dictionarySplats,
  elements,
  findCalls,
  type KeywordArgument,
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
 * What a SQLAlchemy `create_engine` / `create_async_engine` call configures, as far as the file
 * shows it. The driver decides which fixes are valid: libpq keywords only for libpq drivers,
 * asyncpg's own keywords for asyncpg, nothing driver-specific when the URL is not in the file.
 */

export type DriverFamily = 'libpq' | 'asyncpg' | 'pg8000' | 'other' | 'unknown';

/** One engine option, wherever it is written: a keyword of the call or an entry of a `**dict`. */
export interface EngineOption {
  name: string;
  value: Node;
  /** The keyword argument or dict pair, for removal. */
  element: Node;
  /** The argument list or dict that holds it. */
  container: Node;
}

export interface EngineModel {
  site: CallSite;
  isAsync: boolean;
  /** The URL argument (first positional or `url=`), and its literal value when the file has it. */
  urlNode: Node | null;
  url: StringValue | null;
  parsedUrl: ParsedUri | null;
  /** `psycopg2`, `asyncpg`… from `+driver`; null when the URL names none or is not in the file. */
  driver: string | null;
  family: DriverFamily;
  options: EngineOption[];
  /** A `**name` whose keys the file does not show: adding an option could duplicate one. */
  hiddenOptions: boolean;
  /** The pool class's last name (`NullPool`), `?` when it is not a plain name, null when absent. */
  poolclass: string | null;
  /** Where new options go: the `**dict` literal when the call takes its options from one, else the call. */
  insertInto: { container: Node; style: 'keyword' | 'dict' };
  option(name: string): EngineOption | undefined;
}

const LIBPQ_DRIVERS = new Set(['psycopg2', 'psycopg', 'psycopg_async', 'psycopg2cffi']);

export function driverFamily(
  url: ParsedUri | null,
  isAsync: boolean,
): { driver: string | null; family: DriverFamily } {
  if (!url) return { driver: null, family: 'unknown' };
  if (url.dialect !== 'postgresql' && url.dialect !== 'postgres')
    return { driver: url.driver ?? null, family: 'other' };
  const driver = url.driver ?? null;
  if (driver === null) return { driver, family: isAsync ? 'unknown' : 'libpq' };
  if (LIBPQ_DRIVERS.has(driver)) return { driver, family: 'libpq' };
  if (driver === 'asyncpg') return { driver, family: 'asyncpg' };
  if (driver === 'pg8000') return { driver, family: 'pg8000' };
  return { driver, family: 'other' };
}

function optionsOf(
  keywords: KeywordArgument[],
  args: Node,
  splats: Array<SplatSource | null>,
): EngineOption[] {
  const out: EngineOption[] = keywords.map((k) => ({
    name: k.name,
    value: k.value,
    element: k.node,
    container: args,
  }));
  for (const source of splats) {
    if (!source) continue;
    if (source.kind === 'dict-call') {
      for (const k of keywordArguments(source.args)) {
        out.push({ name: k.name, value: k.value, element: k.node, container: source.args });
      }
    } else {
      for (const e of dictEntries(source.dict)) {
        out.push({ name: e.key, value: e.value, element: e.node, container: source.dict });
      }
    }
  }
  return out;
}

export function sqlalchemyEngines(doc: ParsedDocument): EngineModel[] {
  // Rules that also read INI files call this on them: only Python has calls.
  if (doc.grammar !== 'python') return [];
  return doc.memo('python.sqlalchemy.engines', () =>
    findCalls(doc, ['create_engine', 'create_async_engine']).map((site) => {
      const keywords = keywordArguments(site.args);
      const positional = site.args.namedChildren.find(
        (n) => n && !['keyword_argument', 'dictionary_splat', 'list_splat', 'comment'].includes(n.type),
      );
      const urlNode = keywords.find((k) => k.name === 'url')?.value ?? positional ?? null;
      const url = urlNode ? resolveString(doc, urlNode, site.call.startIndex) : null;
      const parsedUrl = url ? parseUri(url.value) : null;
      const isAsync = site.name === 'create_async_engine';
      const splatNodes = dictionarySplats(site.args);
      const splats = splatNodes.map((s) => resolveSplat(doc, s));
      const options = optionsOf(keywords, site.args, splats);
      const poolclassValue = options.find((o) => o.name === 'poolclass')?.value;
      const poolclass = poolclassValue
        ? /^[\w.]+$/.test(poolclassValue.text)
          ? (poolclassValue.text.split('.').pop() ?? '?')
          : '?'
        : null;
      const source = splats.find((s): s is SplatSource => s !== null);
      const insertInto: EngineModel['insertInto'] = !source
        ? { container: site.args, style: 'keyword' }
        : source.kind === 'dict-call'
          ? { container: source.args, style: 'keyword' }
          : { container: source.dict, style: 'dict' };
      return {
        site,
        isAsync,
        urlNode,
        url,
        parsedUrl,
        ...driverFamily(parsedUrl, isAsync),
        options,
        hiddenOptions: splats.some((s) => s === null),
        poolclass,
        insertInto,
        option: (name: string) => options.filter((o) => o.name === name).at(-1),
      };
    }),
  );
}

/* ---------------------------------------------------------------------------------------------
 * Shared by the SQLAlchemy rules: pool classes, numbers, where a new option or connect argument
 * goes, `URL.create(...)` URLs, and the SQLAlchemy version the profile states.
 * ------------------------------------------------------------------------------------------- */

/** Pools that keep connections between checkouts: recycle, pre-ping and pool_timeout matter. */
export const REUSING_POOLS = new Set([
  'QueuePool',
  'AsyncAdaptedQueuePool',
  'FallbackAsyncAdaptedQueuePool',
  'SingletonThreadPool',
]);

/** Pools that accept none of QueuePool's sizing arguments (`pool_size`, `max_overflow`…). */
export const UNSIZED_POOLS = new Set(['NullPool', 'StaticPool', 'AssertionPool']);

/** True when the engine's pool is the default or a named connection-reusing pool. */
export function reusesConnections(engine: Pick<EngineModel, 'poolclass'>): boolean {
  return engine.poolclass === null || REUSING_POOLS.has(engine.poolclass);
}

/** A numeric literal (`200`, `-1`, `3_600`, `1.5`), else null. */
export function numericLiteral(node: Node): number | null {
  if (node.type === 'integer' || node.type === 'float') {
    const n = Number(node.text.replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  if (node.type === 'unary_operator') {
    const operand = node.childForFieldName('argument');
    const op = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
    const value = operand ? numericLiteral(operand) : null;
    if (value === null) return null;
    return op === '-' ? -value : op === '+' ? value : null;
  }
  return null;
}

/** The quote a file's strings mostly use, for new string literals. */
function dictQuote(text: string, container: Node): '"' | "'" {
  const own = quoteStyle(container);
  if (elements(container).some((el) => el.type === 'pair')) return own;
  const single = (text.match(/'[^'\n]*'/g) ?? []).length;
  const double = (text.match(/"[^"\n]*"/g) ?? []).length;
  return single > double ? "'" : '"';
}

/** `name=value` for a keyword list, `"name": value` for a dict, in the container's quote style. */
export function optionElement(
  text: string,
  engine: Pick<EngineModel, 'insertInto'>,
  name: string,
  value: string,
) {
  const { container, style } = engine.insertInto;
  if (style === 'keyword') return `${name}=${value}`;
  const q = dictQuote(text, container);
  return `${q}${name}${q}: ${value}`;
}

/** Appends an engine option where the engine's options live (the call, or its `**dict` literal). */
export function addOptionEdit(
  text: string,
  engine: Pick<EngineModel, 'insertInto'>,
  name: string,
  value: string,
): TextEdit {
  return appendElementEdit(text, engine.insertInto.container, optionElement(text, engine, name, value));
}

/** What `connect_args` holds, as far as the file shows it. */
export type ConnectArgs =
  | { kind: 'absent' }
  /** A dict literal or `dict(...)` the file shows whole: its entries by name. */
  | {
      kind: 'dict';
      option: EngineOption;
      container: Node;
      style: 'keyword' | 'dict';
      entries: Array<{ name: string; key: Node; value: Node; element: Node }>;
    }
  /** A name or expression whose keys are not visible. */
  | { kind: 'hidden'; option?: EngineOption };

export function connectArgsOf(doc: ParsedDocument, engine: EngineModel): ConnectArgs {
  const option = engine.option('connect_args');
  if (!option) return engine.hiddenOptions ? { kind: 'hidden' } : { kind: 'absent' };
  const source = resolveDict(doc, option.value, engine.site.call.startIndex);
  if (!source) return { kind: 'hidden', option };
  if (source.kind === 'dict-call') {
    return {
      kind: 'dict',
      option,
      container: source.args,
      style: 'keyword',
      entries: keywordArguments(source.args).map((k) => ({
        name: k.name,
        key: k.nameNode,
        value: k.value,
        element: k.node,
      })),
    };
  }
  return {
    kind: 'dict',
    option,
    container: source.dict,
    style: 'dict',
    entries: dictEntries(source.dict).map((e) => ({
      name: e.key,
      key: e.keyNode,
      value: e.value,
      element: e.node,
    })),
  };
}

/**
 * Adds `items` ([name, Python value text]) to `connect_args`: inside the existing dict, or as a new
 * `connect_args={...}` option. Null when connect_args is not visible (adding one could duplicate it).
 */
export function addConnectArgsEdit(
  text: string,
  engine: EngineModel,
  args: ConnectArgs,
  items: ReadonlyArray<readonly [string, string]>,
): TextEdit | null {
  if (args.kind === 'hidden') return null;
  if (args.kind === 'dict') {
    const q = dictQuote(text, args.container);
    const rendered = items.map(([k, v]) => (args.style === 'keyword' ? `${k}=${v}` : `${q}${k}${q}: ${v}`));
    return appendElementsEdit(text, args.container, rendered);
  }
  const q = dictQuote(text, engine.insertInto.container);
  const dict = `{${items.map(([k, v]) => `${q}${k}${q}: ${v}`).join(', ')}}`;
  return addOptionEdit(text, engine, 'connect_args', dict);
}

/**
 * `URL.create("postgresql+asyncpg", ..., query={...})` bound to the engine's URL name (or passed
 * directly): the driver name and the query dict, which SQLAlchemy passes to the driver like a URL query.
 */
export interface UrlCreate {
  call: Node;
  drivername: string;
  query: SplatSource | null;
  /** The `query=` keyword argument itself. */
  queryArgument: Node | null;
}

export function urlCreateOf(doc: ParsedDocument, engine: EngineModel): UrlCreate | null {
  let node = engine.urlNode;
  if (!node) return null;
  if (node.type === 'identifier') {
    const bound = findCalls(doc, ['create']).filter((c) => {
      const assignment = c.call.parent;
      return (
        assignment?.type === 'assignment' &&
        assignment.childForFieldName('left')?.text === node?.text &&
        assignment.startIndex < engine.site.call.startIndex
      );
    });
    const last = bound.at(-1);
    if (!last) return null;
    node = last.call;
  }
  if (node.type !== 'call') return null;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!fn || !args || !/(^|\.)URL\.create$/.test(fn.text)) return null;
  const keywords = keywordArguments(args);
  const first = elements(args)[0];
  const nameNode =
    keywords.find((k) => k.name === 'drivername')?.value ?? (first?.type === 'string' ? first : null);
  const drivername = nameNode ? stringLiteralValue(nameNode) : null;
  if (drivername === null) return null;
  const queryArgument = keywords.find((k) => k.name === 'query') ?? null;
  const query = queryArgument ? resolveDict(doc, queryArgument.value, node.startIndex) : null;
  return { call: node, drivername, query, queryArgument: queryArgument?.node ?? null };
}

/**
 * The engine's driver family, also reading `URL.create("postgresql+asyncpg", ...)`, which the
 * engine model leaves as unknown.
 */
export function effectiveFamily(
  doc: ParsedDocument,
  engine: EngineModel,
): { driver: string | null; family: DriverFamily } {
  if (engine.parsedUrl) return { driver: engine.driver, family: engine.family };
  const created = urlCreateOf(doc, engine);
  if (!created) return { driver: engine.driver, family: engine.family };
  return driverFamily(parseUri(`${created.drivername}://`), engine.isAsync);
}

/**
 * Whether the SQLAlchemy version in the profile is at least `minimum`; null when the profile does
 * not say (rules then assume a version still in common use may be older).
 */
export function sqlalchemyAtLeast(version: string | undefined, minimum: readonly number[]): boolean | null {
  if (!version) return null;
  const parts = version.split(/[.+-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < minimum.length; i++) {
    const have = Number.isNaN(parts[i] ?? Number.NaN) ? 0 : (parts[i] as number);
    const need = minimum[i] as number;
    if (have !== need) return have > need;
  }
  return true;
}

/** Why the recycle bound is what it is, for messages: the idle limit it stays under. */
export function recycleBasis(environment: EnvironmentProfile): string {
  const limit = effectiveIdleLimit(environment);
  const m = limit.seconds;
  const bound = idleBoundSeconds(environment);
  if (limit.clean) return `${bound} s stays ${m - bound} s under ${limit.label}`;
  return environment.middleboxIdleSeconds === undefined
    ? `${bound} s stays under ${m} s, the smallest common middlebox idle timeout (Azure Load Balancer; state yours in the environment to change it)`
    : `${bound} s stays ${m - bound} s under your ${m} s middlebox idle timeout`;
}

/** How a connection idle past the limit is lost, for messages. */
export function idleLoss(environment: EnvironmentProfile): string {
  const limit = effectiveIdleLimit(environment);
  return limit.clean
    ? `after which it is closed${limit.source ? ` (${limit.source})` : ''}`
    : 'after which a NAT or load balancer may have dropped its flow';
}

/** `engine_from_config(configuration, prefix="sqlalchemy.", **kwargs)`: kwargs win over the mapping. */
export interface ConfigEngine {
  site: CallSite;
  prefix: string;
  /** The configuration mapping when the file shows it whole (a dict literal or a name bound to one). */
  config: SplatSource | null;
  configNode: Node | null;
  keywords: KeywordArgument[];
  hiddenOptions: boolean;
  poolclass: string | null;
  /** A `prefix + name` entry of the visible mapping. */
  entry(name: string): { key: Node; value: Node; element: Node } | undefined;
}

export function engineFromConfigCalls(doc: ParsedDocument): ConfigEngine[] {
  if (doc.grammar !== 'python') return [];
  return doc.memo('python.sqlalchemy.engine-from-config', () =>
    findCalls(doc, ['engine_from_config']).map((site) => {
      const keywords = keywordArguments(site.args);
      const positional = elements(site.args).filter(
        (n) => !['keyword_argument', 'dictionary_splat', 'list_splat'].includes(n.type),
      );
      const configNode = keywords.find((k) => k.name === 'configuration')?.value ?? positional[0] ?? null;
      const prefixNode = keywords.find((k) => k.name === 'prefix')?.value ?? positional[1] ?? null;
      const prefix = prefixNode ? (stringLiteralValue(prefixNode) ?? '\u0000') : 'sqlalchemy.';
      const config = configNode ? resolveDict(doc, configNode, site.call.startIndex) : null;
      const poolclassValue = keywords.find((k) => k.name === 'poolclass')?.value;
      const poolclass = poolclassValue
        ? /^[\w.]+$/.test(poolclassValue.text)
          ? (poolclassValue.text.split('.').pop() ?? '?')
          : '?'
        : null;
      const entries = config?.kind === 'dict-literal' ? dictEntries(config.dict) : [];
      return {
        site,
        prefix,
        config,
        configNode,
        keywords,
        hiddenOptions: dictionarySplats(site.args).length > 0,
        poolclass,
        entry: (name: string) => {
          const e = entries.filter((x) => x.key === `${prefix}${name}`).at(-1);
          return e ? { key: e.keyNode, value: e.value, element: e.node } : undefined;
        },
      };
    }),
  );
}
