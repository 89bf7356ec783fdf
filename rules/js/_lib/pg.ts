import type { Node } from 'web-tree-sitter';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { FormatId } from '../../../wasm-parsers/formats';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { getParam, type Param } from '../../_lib/connection-string';
import { resolveCallee } from './modules';
import {
  type ConnectionString,
  type HostKind,
  hostKind,
  insertOptions,
  type OptionsView,
  optionsView,
  resolveString,
  targetText,
  typedAsPg,
} from './options';
import { prismaAdapterConversions } from './prisma';
import { elements, enclosingStatement, normalized, stringValue, unwrap, valueKind } from './syntax';

/**
 * node-postgres construction sites: `new Pool(...)`, `new Client(...)`, `new pg.Pool(...)`,
 * `new (require('pg').Pool)(...)`, pg-pool's default export, and `new PrismaPg({...})` (Prisma 7's
 * adapter builds a pg Pool from that object). Names come from the file's imports; a bare `Pool` /
 * `Client` the file neither imports nor defines is taken as node-postgres's (a pasted snippet).
 */

export type PgKind = 'pool' | 'client';

export interface PgSite {
  kind: PgKind;
  /** `Pool`, `Client` or `PrismaPg`. */
  constructorName: string;
  node: Node;
  range: Utf16Range;
  /** How messages name it: `pool` (its variable) or `new Pool(...)`. */
  label: string;
  args: Node | null;
  /** The first argument, if any. */
  arg: Node | null;
  /** Null when there is an argument the file does not show (a parameter, an import, a call). */
  options: OptionsView | null;
  /** `new Client('postgres://…')`: the string argument. */
  stringArg: ConnectionString | 'env' | null;
  /** Where the result goes: `const pool = …` (identifier) or `this.pool = …` (member). */
  target: Node | null;
  /** The statement that creates it, when it sits directly in a block or the program. */
  statement: Node | null;
}

const PG_FALLBACK = (name: string, namespace: string | null) => {
  if (namespace !== null && namespace !== 'pg') return null;
  if (name === 'Pool' || name === 'Client') return { module: 'pg', imported: name };
  if (name === 'PrismaPg' && namespace === null) return { module: '@prisma/adapter-pg', imported: name };
  return null;
};

function classify(doc: ParsedDocument, callee: Node): { kind: PgKind; name: string } | null {
  const resolved = resolveCallee(doc, callee, PG_FALLBACK);
  if (!resolved) return null;
  const { module, imported } = resolved;
  if (module === 'pg' && (imported === 'Pool' || imported === 'Client')) {
    return { kind: imported === 'Pool' ? 'pool' : 'client', name: imported };
  }
  if (module === 'pg-pool' && (imported === 'default' || imported === '*'))
    return { kind: 'pool', name: 'Pool' };
  if (module === '@prisma/adapter-pg' && imported === 'PrismaPg') return { kind: 'pool', name: 'PrismaPg' };
  return null;
}

function targetOf(node: Node): Node | null {
  let current: Node = node;
  while (
    current.parent &&
    /^(parenthesized_expression|as_expression|satisfies_expression|non_null_expression)$/.test(
      current.parent.type,
    )
  )
    current = current.parent;
  const parent = current.parent;
  if (!parent) return null;
  if (
    parent.type === 'variable_declarator' &&
    parent.childForFieldName('value')?.startIndex === current.startIndex
  ) {
    const name = parent.childForFieldName('name');
    return name?.type === 'identifier' ? name : null;
  }
  if (
    parent.type === 'assignment_expression' &&
    parent.childForFieldName('right')?.startIndex === current.startIndex
  ) {
    return parent.childForFieldName('left');
  }
  if (
    (parent.type === 'public_field_definition' || parent.type === 'field_definition') &&
    parent.childForFieldName('value')?.startIndex === current.startIndex
  ) {
    const name = parent.childForFieldName('name') ?? parent.childForFieldName('property');
    return name ?? null;
  }
  return null;
}

const NEW_QUERY = '(new_expression constructor: (_) @constructor) @new';

/** Every node-postgres Pool / Client construction in the file, in document order; once per document. */
export function pgSites(doc: ParsedDocument, format: FormatId): PgSite[] {
  return doc.memo(`js.pgSites.${format}`, () => {
    const out: PgSite[] = [];
    for (const match of doc.query(NEW_QUERY).matches(doc.root)) {
      const node = match.captures.find((c) => c.name === 'new')?.node;
      const callee = match.captures.find((c) => c.name === 'constructor')?.node;
      if (!node || !callee) continue;
      const classified = classify(doc, callee);
      if (!classified) continue;
      const args = node.childForFieldName('arguments');
      const arg = args ? (elements(args)[0] ?? null) : null;
      let options: OptionsView | null = null;
      let stringArg: PgSite['stringArg'] = null;
      if (arg) {
        const inner = unwrap(arg);
        if (inner.type === 'string' || inner.type === 'template_string')
          stringArg = resolveString(doc, inner);
        else options = optionsView(doc, format, arg);
        if (!options && inner.type === 'identifier') {
          const s = resolveString(doc, inner);
          if (s) stringArg = s;
        }
        // A pool handed over whole (`new PrismaPg(pool)`) is configured where that pool is built.
        if (!options && classified.name === 'PrismaPg' && inner.type !== 'object') continue;
      }
      const target = targetOf(node);
      out.push({
        kind: classified.kind,
        constructorName: classified.name,
        node,
        range: { start: node.startIndex, end: node.endIndex },
        label: target ? targetText(target) : `new ${normalized(callee)}(…)`,
        args,
        arg,
        options,
        stringArg,
        target,
        statement: enclosingStatement(node),
      });
    }
    return out;
  });
}

/** Keys node-postgres reads from a Client's config; a Pool also reads POOL_KEYS. */
export const CLIENT_KEYS = new Set([
  'keepAlive',
  'keepAliveInitialDelayMillis',
  'connectionTimeoutMillis',
  'query_timeout',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
]);
export const POOL_KEYS = new Set([
  'max',
  'min',
  'idleTimeoutMillis',
  'maxLifetimeSeconds',
  'maxUses',
  'allowExitOnIdle',
]);

/** The site's connection string (`connectionString:` or the string argument), when the file shows it. */
export function connectionStringOf(doc: ParsedDocument, site: PgSite): ConnectionString | 'env' | null {
  if (site.stringArg) return site.stringArg;
  const property = site.options?.properties.get('connectionString');
  if (!property) return null;
  const resolved = resolveString(doc, property.value);
  if (resolved && resolved !== 'env' && !property.editable) return { ...resolved, editable: false };
  return resolved;
}

/**
 * Options the URL names under libpq / pool names, which pure-JS node-postgres never reads, mapped to the
 * keys it does read. `options-in-url-ignored` moves them; the other rules count them as set already,
 * so two rules never write the same key.
 */
export interface UrlConversion {
  param: Param;
  /** `keepAlive: true`, or null when the parameter has no equivalent (only removed). */
  key: string | null;
  value: string | null;
  /** Pool sizing the URL asked for: moving it changes how many connections the app opens. */
  sizing: boolean;
}

const SECONDS_TO_MS = (v: string) => (/^\d+$/.test(v) ? String(Number(v) * 1000) : null);
const INTEGER = (v: string) => (/^\d+$/.test(v) ? String(Number(v)) : null);
const BOOLEAN = (v: string) =>
  /^(1|true|on|yes)$/i.test(v) ? 'true' : /^(0|false|off|no)$/i.test(v) ? 'false' : null;

const URL_MAP: Record<
  string,
  { key: string | null; convert: (v: string) => string | null; pool?: boolean; sizing?: boolean }
> = {
  keepalives: { key: 'keepAlive', convert: (v) => (v === '1' ? 'true' : null) },
  keepAlive: { key: 'keepAlive', convert: (v) => (BOOLEAN(v) === 'true' ? 'true' : null) },
  keepalives_idle: { key: 'keepAliveInitialDelayMillis', convert: SECONDS_TO_MS },
  keepAliveInitialDelayMillis: { key: 'keepAliveInitialDelayMillis', convert: INTEGER },
  keepalives_interval: { key: null, convert: () => null },
  keepalives_count: { key: null, convert: () => null },
  tcp_user_timeout: { key: null, convert: () => null },
  connect_timeout: { key: 'connectionTimeoutMillis', convert: SECONDS_TO_MS },
  connectionTimeoutMillis: { key: 'connectionTimeoutMillis', convert: INTEGER },
  target_session_attrs: { key: null, convert: () => null },
  idleTimeoutMillis: { key: 'idleTimeoutMillis', convert: INTEGER, pool: true, sizing: true },
  max: { key: 'max', convert: INTEGER, pool: true, sizing: true },
  min: { key: 'min', convert: INTEGER, pool: true, sizing: true },
  maxLifetimeSeconds: { key: 'maxLifetimeSeconds', convert: INTEGER, pool: true, sizing: true },
};

export const IGNORED_URL_KEYS = Object.keys(URL_MAP);

/** Keys older @types/pg releases lack (the 8.6 typings): never added to a typed literal. */
export const NEWER_TYPED_KEYS = new Set([
  'maxUses',
  'allowExitOnIdle',
  'maxLifetimeSeconds',
  'lock_timeout',
  'min',
]);

export function urlConversions(site: PgSite, url: ConnectionString): UrlConversion[] {
  if (!url.parsed) return [];
  const out: UrlConversion[] = [];
  const keys = new Set<string>();
  for (const param of url.parsed.params) {
    const spec = URL_MAP[param.key];
    if (!spec) continue;
    // Only the last occurrence counts as the user's value.
    if (getParam(url.parsed, param.key) !== param) {
      out.push({ param, key: null, value: null, sizing: false });
      continue;
    }
    let key = spec.key;
    let value = key ? spec.convert(param.value) : null;
    if (spec.pool && site.kind !== 'pool') key = null;
    if (key && (site.options?.properties.has(key) || keys.has(key))) key = null;
    if (key && site.options && !typedAsPg(site.options)) key = null;
    if (key && site.options?.typedAs && NEWER_TYPED_KEYS.has(key)) key = null;
    if (value === null) key = null;
    if (!key) value = null;
    if (key) keys.add(key);
    out.push({ param, key, value, sizing: Boolean(spec.sizing && key) });
  }
  return out;
}

/** The conversions options-in-url-ignored will write for this site (empty when it cannot write them). */
export function pendingUrlKeys(doc: ParsedDocument, site: PgSite): Map<string, string> {
  const out = new Map<string, string>();
  const url = connectionStringOf(doc, site);
  if (!url || url === 'env' || !url.editable || !site.options) return out;
  for (const c of urlConversions(site, url)) if (c.key && c.value !== null) out.set(c.key, c.value);
  // Prisma 7's adapter: js.prisma.url-pool-params-ignored-by-adapter moves the engine's pool params.
  if (site.constructorName === 'PrismaPg') {
    for (const c of prismaAdapterConversions(url, site.options))
      if (c.key && c.value !== null && !out.has(c.key)) out.set(c.key, c.value);
  }
  return out;
}

/** Host and port as far as the options and URL show them. */
export function endpoint(
  doc: ParsedDocument,
  site: PgSite,
): { host: HostKind; hostText: string | null; port: string | null } {
  const hostProperty = site.options?.properties.get('host');
  const portProperty = site.options?.properties.get('port');
  const url = connectionStringOf(doc, site);
  const parsed = url && url !== 'env' ? url.parsed : null;
  // A connection string overrides host and port given beside it (pg parses it over the object).
  let hostText: string | null = null;
  let port: string | null = null;
  let unknown = false;
  if (parsed && parsed.hosts.length > 0) {
    hostText = parsed.hosts.map((h) => h.host).join(',');
    port = parsed.hosts[0]?.port ?? null;
    const hostParam = getParam(parsed, 'host');
    if (hostParam) hostText = hostParam.value;
  } else if (url === 'env' || (url === null && site.options?.properties.has('connectionString'))) {
    unknown = true;
  }
  if (!hostText && !unknown && hostProperty) {
    const v = valueKind(doc, hostProperty.value);
    if (v.kind === 'string') hostText = v.value;
    else unknown = true;
  }
  if (!port && portProperty) {
    const v = valueKind(doc, portProperty.value);
    if (v.kind === 'number') port = String(v.value);
    else if (v.kind === 'string') port = v.value;
  }
  if (parsed && !port) {
    const p = getParam(parsed, 'port');
    if (p) port = p.value;
  }
  return {
    host: unknown || !hostText ? 'unknown' : hostKind(hostText),
    hostText: unknown ? null : hostText,
    port,
  };
}

/** Edits that add properties to a site's options, creating `{...}` for `new Pool()`. Null when impossible. */
export function addOptionsEdits(text: string, site: PgSite, props: readonly string[]): TextEdit[] | null {
  if (site.options) return insertOptions(text, site.options, props);
  if (!site.arg && site.args) {
    return [{ start: site.args.startIndex, end: site.args.endIndex, text: `({ ${props.join(', ')} })` }];
  }
  if (!site.arg && !site.args) {
    return [{ start: site.node.endIndex, end: site.node.endIndex, text: `({ ${props.join(', ')} })` }];
  }
  if (site.stringArg && site.arg && (site.stringArg === 'env' || unwrap(site.arg).type !== 'identifier')) {
    return [
      {
        start: site.arg.startIndex,
        end: site.arg.endIndex,
        text: `{ connectionString: ${site.arg.text}, ${props.join(', ')} }`,
      },
    ];
  }
  return null;
}

/** An argument the file does not show (a parameter, a call's result): nothing can be said about its keys. */
export function optionsUnseen(site: PgSite): boolean {
  return site.arg !== null && site.options === null && site.stringArg === null;
}

/** Why a site's options cannot be edited, for messages; null when they can. */
export function hiddenReason(site: PgSite): string | null {
  if (site.options) return null;
  if (!site.arg) return null;
  if (site.stringArg) return null;
  return `its options (${site.arg.text.slice(0, 40)}) are built somewhere this file does not show`;
}

/** A line of text for unknown spreads: the values added may already be set there. */
export function spreadNote(view: OptionsView | null): string {
  if (!view || view.unknownSpreads.length === 0) return '';
  const names = view.unknownSpreads.map((s) => s.text).join(', ');
  return ` ${names} may already set it: the fix goes before ${view.unknownSpreads[0]?.text}, so whatever that holds still wins.`;
}

/** `pool.on('error', …)` / `addListener` / `prependListener` for a target, anywhere in the file. */
export function hasErrorListener(doc: ParsedDocument, target: string): boolean {
  const listeners = doc.memo('js.errorListeners', () => {
    const out = new Set<string>();
    for (const call of doc.root.descendantsOfType('call_expression')) {
      const fn = call?.childForFieldName('function');
      const args = call?.childForFieldName('arguments');
      if (fn?.type !== 'member_expression' || !args) continue;
      const method = fn.childForFieldName('property')?.text;
      if (method !== 'on' && method !== 'addListener' && method !== 'prependListener') continue;
      const first = elements(args)[0];
      if (!first || stringValue(first) !== 'error') continue;
      const object = fn.childForFieldName('object');
      if (object) out.add(normalized(object));
    }
    return out;
  });
  return listeners.has(target);
}

/** `pool.once('error', …)` for a target: one error handled, the second one crashes. */
export function hasOnceListener(doc: ParsedDocument, target: string): boolean {
  for (const call of doc.root.descendantsOfType('call_expression')) {
    const fn = call?.childForFieldName('function');
    const args = call?.childForFieldName('arguments');
    if (fn?.type !== 'member_expression' || !args) continue;
    if (fn.childForFieldName('property')?.text !== 'once') continue;
    const first = elements(args)[0];
    const object = fn.childForFieldName('object');
    if (first && stringValue(first) === 'error' && object && normalized(object) === target) return true;
  }
  return false;
}
