import type { Node } from 'web-tree-sitter';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { FormatId } from '../../../wasm-parsers/formats';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { resolveCallee } from './modules';
import {
  type ConnectionString,
  insertOptions,
  type OptionsView,
  optionsView,
  resolveString,
  targetText,
} from './options';
import { elements, unwrap } from './syntax';

/**
 * postgres.js (`import postgres from 'postgres'`) calls: `postgres(url?, options?)` or
 * `postgres(options)`. A bare `postgres(...)` the file neither imports nor defines is taken as it.
 */
export interface PostgresJsSite {
  call: Node;
  range: Utf16Range;
  label: string;
  args: Node;
  /** The URL argument: a literal, `'env'` for an environment lookup, null when absent or unknown. */
  url: ConnectionString | 'env' | null;
  urlArg: Node | null;
  /** The options argument as the file shows it; null when absent or not visible. */
  options: OptionsView | null;
  optionsArg: Node | null;
}

const FALLBACK = (name: string, namespace: string | null) =>
  name === 'postgres' && namespace === null ? { module: 'postgres', imported: 'default' } : null;

const CALL_QUERY = '(call_expression function: (_) @fn arguments: (arguments) @args) @call';

export function postgresJsSites(doc: ParsedDocument, format: FormatId): PostgresJsSite[] {
  return doc.memo(`js.postgresjsSites.${format}`, () => {
    const out: PostgresJsSite[] = [];
    for (const match of doc.query(CALL_QUERY).matches(doc.root)) {
      const call = match.captures.find((c) => c.name === 'call')?.node;
      const fn = match.captures.find((c) => c.name === 'fn')?.node;
      const args = match.captures.find((c) => c.name === 'args')?.node;
      if (!call || !fn || !args) continue;
      if (unwrap(fn).type !== 'identifier') continue;
      const resolved = resolveCallee(doc, fn, FALLBACK);
      if (resolved?.module !== 'postgres') continue;
      if (resolved.imported !== 'default' && resolved.imported !== '*') continue;
      const list = elements(args);
      const first = list[0] ?? null;
      let urlArg: Node | null = null;
      let optionsArg: Node | null = null;
      if (first && unwrap(first).type === 'object') optionsArg = first;
      else {
        urlArg = first;
        optionsArg = list[1] ?? null;
      }
      const url = urlArg ? resolveString(doc, urlArg) : null;
      const options = optionsArg ? optionsView(doc, format, optionsArg) : null;
      // A first argument that is a name bound to an object is the options, not a URL.
      if (urlArg && !url && !optionsArg) {
        const asOptions = optionsView(doc, format, urlArg);
        if (asOptions) {
          out.push(site(call, args, null, null, asOptions, urlArg));
          continue;
        }
      }
      out.push(site(call, args, url, urlArg, options, optionsArg));
    }
    return out.sort((a, b) => a.call.startIndex - b.call.startIndex);
  });
}

function site(
  call: Node,
  args: Node,
  url: PostgresJsSite['url'],
  urlArg: Node | null,
  options: OptionsView | null,
  optionsArg: Node | null,
): PostgresJsSite {
  let label = 'postgres(…)';
  let parent = call.parent;
  while (parent && /^(await_expression|parenthesized_expression|as_expression)$/.test(parent.type))
    parent = parent.parent;
  if (parent?.type === 'variable_declarator') {
    const name = parent.childForFieldName('name');
    if (name?.type === 'identifier') label = name.text;
  } else if (parent?.type === 'assignment_expression') {
    const left = parent.childForFieldName('left');
    if (left) label = targetText(left);
  }
  return {
    call,
    range: { start: call.startIndex, end: call.endIndex },
    label,
    args,
    url,
    urlArg,
    options,
    optionsArg,
  };
}

/** Keys postgres.js itself reads from the URL query; every other key is sent to the server. */
export const POSTGRESJS_URL_KEYS = new Set([
  'max',
  'ssl',
  'sslmode',
  'sslnegotiation',
  'idle_timeout',
  'connect_timeout',
  'max_lifetime',
  'max_pipeline',
  'backoff',
  'keep_alive',
  'prepare',
  'debug',
  'fetch_types',
  'publications',
  'target_session_attrs',
]);

/** Edits that add options: into the options literal, or a new `{ ... }` argument after the URL. */
export function addPostgresJsOptions(
  text: string,
  s: PostgresJsSite,
  props: readonly string[],
): TextEdit[] | null {
  if (s.options) return insertOptions(text, s.options, props);
  if (s.optionsArg) return null;
  if (s.urlArg)
    return [{ start: s.urlArg.endIndex, end: s.urlArg.endIndex, text: `, { ${props.join(', ')} }` }];
  return null;
}
