import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { relaxed, type SpringEntry } from './spring';
import { insertYamlEdit, type YamlPair, yamlModel } from './yaml';

/** Pool settings of Tomcat JDBC / DBCP2 (relaxed spelling), which Boot 1.4+ binds only under their pool prefix. */
export const POOL_KEYS = new Set(
  [
    'test-on-borrow',
    'test-while-idle',
    'test-on-return',
    'test-on-connect',
    'validation-query',
    'validation-query-timeout',
    'validation-interval',
    'validator-class-name',
    'time-between-eviction-runs-millis',
    'min-evictable-idle-time-millis',
    'num-tests-per-eviction-run',
    'max-active',
    'max-idle',
    'min-idle',
    'max-wait',
    'max-total',
    'max-wait-millis',
    'max-conn-lifetime-millis',
    'initial-size',
    'max-age',
    'remove-abandoned',
    'remove-abandoned-timeout',
    'log-abandoned',
    'jdbc-interceptors',
    'default-auto-commit',
  ].map(relaxed),
);

/** HikariCP settings (relaxed), which bind only under `spring.datasource.hikari.`. */
export const HIKARI_KEYS = new Set(
  [
    'maximum-pool-size',
    'minimum-idle',
    'max-lifetime',
    'idle-timeout',
    'connection-timeout',
    'keepalive-time',
    'validation-timeout',
    'connection-test-query',
    'leak-detection-threshold',
    'pool-name',
    'initialization-fail-timeout',
  ].map(relaxed),
);

/**
 * Edits that move `spring.datasource.<key>` to `spring.datasource.<pool>.<newKey>`: a rename in
 * properties or a dotted YAML key, else (a nested YAML key) the pair removed and the key written
 * under the pool's mapping. Null when neither is possible.
 */
export function movePoolKeyEdits(
  doc: ParsedDocument,
  entry: SpringEntry,
  pool: string,
  newKey: string,
  newValue?: string,
): TextEdit[] | null {
  const written = entry.segments;
  const valueEdit = newValue !== undefined && entry.entry.value ? [entry.entry.value.write(newValue)] : [];
  if (entry.property) {
    const key = [...written.slice(0, 2), pool, newKey].join('.');
    return entry.entry.renameKey ? [entry.entry.renameKey(key), ...valueEdit] : null;
  }
  const pair = entry.entry as YamlPair;
  const own = pair.own;
  if (own.length >= 2 && entry.entry.renameKey) {
    // A dotted YAML key: rewrite its own part, keeping the segments its parents supply.
    const parentDepth = written.length - own.length;
    const full = [...written.slice(0, 2), pool, newKey];
    return [entry.entry.renameKey(full.slice(parentDepth).join('.')), ...valueEdit];
  }
  const value = newValue ?? entry.entry.value?.text;
  if (value === undefined) return null;
  // Only into an existing pool mapping: two moves creating the same new mapping would not compose.
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((s, i) => relaxed(s) === relaxed(b[i] ?? ''));
  const target = [...written.slice(0, 2), pool];
  if (!yamlModel(doc).mappings.some((m) => m.document === entry.document && !m.flow && same(m.path, target)))
    return null;
  const insert = insertYamlEdit(
    doc,
    entry.document,
    [...written.slice(0, 2), pool, newKey],
    value,
    (a, b) => a.length === b.length && a.every((s, i) => relaxed(s) === relaxed(b[i] ?? '')),
  );
  return insert ? [...entry.entry.remove(), insert] : null;
}
