import type { Node } from 'web-tree-sitter';
import type { EnvironmentProfile } from '../../../core/environment';
import { detectEol, lineEndOffset } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { getParam, isUnixSocket, type ParsedUri, parseUri } from '../../_lib/connection-string';
import { type YamlMapping, type YamlPair, yamlModel } from '../../jvm/_lib/yaml';

/**
 * Rails `config/database.yml` as Active Record reads it: one block per environment (or, in a
 * three-tier file, per database inside an environment), `<<: *anchor` merges resolved (own keys win,
 * earlier merge sources before later ones), ERB values recognised as unknown. Fixes go into the
 * block that is used, never into the anchor it merges (the anchor feeds development and test too).
 */

export interface RailsValue {
  pair: YamlPair;
  /** The scalar as written (quotes removed), or null for ERB / non-scalar values. */
  value: string | null;
  erb: boolean;
  /** True when the key is written in this block; false when it comes from a merged anchor. */
  own: boolean;
}

export interface RailsConfig {
  /** `production`, or `production.primary` in a three-tier file. */
  name: string;
  mapping: YamlMapping;
  /** Effective keys after merges. */
  keys: Map<string, RailsValue>;
  url: ParsedUri | null;
  /** `url:` written with ERB (usually `ENV["DATABASE_URL"]`): its parameters are unknown. */
  urlFromErb: boolean;
  /** The last `<<:` pair of the block, after which new keys go. */
  merge: YamlPair | null;
  /** Keys the merged anchors define, even where the block overrides them. */
  mergedKeys: Set<string>;
}

const RAILS_ENVIRONMENTS = /^(development|test|production|staging)$/;
const SKIPPED_ENVIRONMENTS = /^(development|test|default|defaults|common|base|shared)$/;
const DB_KEYS = new Set([
  'adapter',
  'database',
  'url',
  'host',
  'username',
  'password',
  'port',
  'pool',
  'encoding',
]);

function anchors(doc: ParsedDocument): Map<string, Node> {
  return doc.memo('rails.anchors', () => {
    const out = new Map<string, Node>();
    for (const anchor of doc.root.descendantsOfType('anchor')) {
      const name = anchor?.namedChildren.find((c) => c?.type === 'anchor_name')?.text;
      const holder = anchor?.parent;
      if (!name || !holder) continue;
      const mapping = holder.namedChildren.find(
        (c) => c?.type === 'block_mapping' || c?.type === 'flow_mapping',
      );
      if (mapping) out.set(name, mapping);
    }
    return out;
  });
}

function aliasNames(value: Node | null): string[] {
  if (!value) return [];
  return value
    .descendantsOfType('alias_name')
    .filter((n): n is Node => !!n)
    .map((n) => n.text);
}

function scalarValue(pair: YamlPair): { value: string | null; erb: boolean } {
  const text = pair.valueNode?.text.trim() ?? '';
  if (text.includes('<%')) return { value: null, erb: true };
  if (pair.child) return { value: null, erb: false };
  if (!pair.valueNode) return { value: '', erb: false };
  const literal = pair.value?.literal?.value;
  if (literal !== undefined) return { value: literal, erb: false };
  if (/^(~|null|Null|NULL)$/.test(text)) return { value: '~', erb: false };
  return { value: null, erb: false };
}

function effectiveKeys(
  doc: ParsedDocument,
  mapping: YamlMapping,
  depth = 0,
): { keys: Map<string, RailsValue>; merge: YamlPair | null; mergedKeys: Set<string> } {
  const model = yamlModel(doc);
  const byNode = new Map(model.mappings.map((m) => [m.node.id, m]));
  const keys = new Map<string, RailsValue>();
  let merge: YamlPair | null = null;
  const merged: Map<string, RailsValue>[] = [];
  for (const pair of mapping.pairs) {
    if (pair.key === '<<') {
      merge = pair;
      if (depth > 5) continue;
      for (const name of aliasNames(pair.valueNode)) {
        const node = anchors(doc).get(name);
        const source = node ? byNode.get(node.id) : undefined;
        if (source) merged.push(effectiveKeys(doc, source, depth + 1).keys);
      }
      continue;
    }
    keys.set(pair.own.join('.'), { pair, ...scalarValue(pair), own: true });
  }
  // Earlier merge sources win over later ones; own keys win over all.
  const mergedKeys = new Set<string>();
  for (const source of merged) {
    for (const [key, value] of source) {
      mergedKeys.add(key);
      if (!keys.has(key)) keys.set(key, { ...value, own: false });
    }
  }
  return { keys, merge, mergedKeys };
}

function aliasedAnchors(doc: ParsedDocument): Set<string> {
  return new Set(doc.root.descendantsOfType('alias_name').map((n) => n?.text ?? ''));
}

function ownAnchor(pair: YamlPair): string | null {
  const anchor = pair.valueNode?.namedChildren.find((c) => c?.type === 'anchor');
  return anchor?.namedChildren.find((c) => c?.type === 'anchor_name')?.text ?? null;
}

function buildConfig(doc: ParsedDocument, name: string, mapping: YamlMapping): RailsConfig | null {
  const { keys, merge, mergedKeys } = effectiveKeys(doc, mapping);
  const adapter = keys.get('adapter');
  const urlValue = keys.get('url');
  const url = urlValue?.value ? parseUri(urlValue.value) : null;
  const postgresUrl = url ? /^(postgres|postgresql|postgis)$/i.test(url.scheme) : false;
  if (adapter) {
    if (!adapter.value || !/^(postgresql|postgis|postgres)$/.test(adapter.value)) return null;
  } else if (!postgresUrl) {
    return null;
  }
  return { name, mapping, keys, url, urlFromErb: !!urlValue?.erb, merge, mergedKeys };
}

/** The Postgres database configs of the file that an app runs with (not development / test / templates). */
export function railsConfigs(doc: ParsedDocument): RailsConfig[] {
  return doc.memo('rails.configs', () => {
    if (doc.grammar !== 'yaml') return [];
    const model = yamlModel(doc);
    const used = aliasedAnchors(doc);
    const out: RailsConfig[] = [];
    const top = model.mappings.filter((m) => m.path.length === 0 && m.document === 0 && !m.flow);
    // Only a file that looks like database.yml: an `adapter:` key, or Rails environment names at
    // the top (a Helm values file with `database: { url: postgres://… }` is not one).
    const railsLike =
      model.pairs.some((p) => p.key === 'adapter') ||
      top.some((m) => m.pairs.some((p) => RAILS_ENVIRONMENTS.test(p.own.join('.'))));
    if (!railsLike) return [];
    for (const root of top) {
      for (const pair of root.pairs) {
        if (!pair.child || pair.child.flow) continue;
        const name = pair.own.join('.');
        if (SKIPPED_ENVIRONMENTS.test(name)) continue;
        const anchor = ownAnchor(pair);
        if (anchor && used.has(anchor) && !/^(production|staging)$/.test(name)) continue;
        const { keys } = effectiveKeys(doc, pair.child);
        const isConfig = [...keys.keys()].some((k) => DB_KEYS.has(k)) || keys.size === 0;
        if (isConfig) {
          const config = buildConfig(doc, name, pair.child);
          if (config) out.push(config);
          continue;
        }
        // Three-tier: `production: { primary: {…}, animals: {…} }`.
        for (const inner of pair.child.pairs) {
          if (!inner.child || inner.child.flow) continue;
          const config = buildConfig(doc, `${name}.${inner.own.join('.')}`, inner.child);
          if (config) out.push(config);
        }
      }
    }
    return out;
  });
}

/** A key's value from the block (own or merged) or, failing that, the URL's query. */
export function setting(
  config: RailsConfig,
  key: string,
): { value: string | null; own: boolean; fromUrl: boolean; erb: boolean; pair: YamlPair | null } | null {
  const v = config.keys.get(key);
  if (v) return { value: v.value, own: v.own, fromUrl: false, erb: v.erb, pair: v.pair };
  const p = config.url ? getParam(config.url, key) : undefined;
  if (p) return { value: p.value, own: false, fromUrl: true, erb: false, pair: null };
  return null;
}

/** A Unix-socket connection (`host: /var/run/postgresql`): TCP settings do not apply. */
export function overUnixSocket(config: RailsConfig): boolean {
  const host = config.keys.get('host')?.value;
  if (host?.startsWith('/')) return true;
  return config.url ? isUnixSocket(config.url) : false;
}

/**
 * Adds `key: value` lines to the block: right after its `<<:` line (so they sit with the block's
 * overrides), else after its last key. Same text and block ⇒ same offset, so several rules' lines
 * follow the registry order.
 */
export function insertKeysEdit(
  doc: ParsedDocument,
  config: RailsConfig,
  lines: readonly (readonly [string, string | number])[],
): TextEdit | null {
  const text = doc.text;
  const eol = detectEol(text);
  const anchorPair = config.merge ?? config.mapping.pairs.at(-1);
  if (!anchorPair) return null;
  const indent = ' '.repeat(anchorPair.pair.startPosition.column);
  let end = anchorPair.pair.endIndex;
  while (end > anchorPair.pair.startIndex && /\s/.test(text[end - 1] ?? '')) end--;
  const at = lineEndOffset(text, end);
  return { start: at, end: at, text: lines.map(([k, v]) => `${eol}${indent}${k}: ${v}`).join('') };
}

/** Rails version from the profile; `8.1` is inferred when the block uses keys only 8.1 reads. */
export function railsAtLeast81(environment: EnvironmentProfile, config: RailsConfig): boolean | null {
  const v = environment.versions?.rails;
  if (v) {
    const [major = 0, minor = 0] = v.split('.').map((p) => Number.parseInt(p, 10));
    return major > 8 || (major === 8 && minor >= 1);
  }
  if (config.keys.has('max_connections') || config.keys.has('min_connections')) return true;
  return null;
}

export function describeWhere(config: RailsConfig): string {
  return `database.yml "${config.name}"`;
}

/** Said when the URL comes from ERB: `DATABASE_URL` parameters win over the block's keys. */
export function urlNote(config: RailsConfig, key: string): string {
  return config.urlFromErb
    ? ` If the URL from the environment already carries ${key}, its value wins over the block's.`
    : '';
}
