import type { Node } from 'web-tree-sitter';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { type ParsedUri, parseUri } from '../../_lib/connection-string';
import {
  type CallSite,
  dictEntries,
  dictionarySplats,
  findCalls,
  type KeywordArgument,
  keywordArguments,
  resolveSplat,
  resolveString,
  type SplatSource,
  type StringValue,
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
