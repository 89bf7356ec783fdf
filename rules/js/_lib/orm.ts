import type { Node } from 'web-tree-sitter';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { FormatId } from '../../../wasm-parsers/formats';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { resolveCallee } from './modules';
import {
  type ConnectionString,
  insertOptions,
  lockedReason,
  type OptionsView,
  optionsView,
  type Property,
  resolveString,
  targetText,
} from './options';
import { elements, propertyKey, references, uniqueBinding, unwrap, valueKind } from './syntax';

/**
 * ORM configuration objects that end in a node-postgres Client or Pool: Sequelize's
 * `new Sequelize(url | db, user, pw, options)`, Knex configs (`knex({ client: 'pg', ... })` and
 * knexfile objects, per environment or not), TypeORM's `{ type: 'postgres', ... }` (DataSource,
 * createConnection, TypeOrmModule.forRoot, ormconfig modules). Each gives an OptionsView of the
 * object and views of its nested objects (`pool`, `dialectOptions`, `connection`, `extra`).
 */

/** A nested object of an options view (`pool: {...}` or `pool: poolOptions`). */
export interface Nested {
  key: string;
  property: Property | null;
  /** The nested object as the file shows it; null when absent or not visible. */
  view: OptionsView | null;
  /** True when a fix may write into `view.object` (or add the key to the parent). */
  editable: boolean;
  /** Why not, for messages. */
  blocked: string | null;
}

export function nested(doc: ParsedDocument, format: FormatId, parent: OptionsView, key: string): Nested {
  const property = parent.properties.get(key) ?? null;
  if (!property) return { key, property: null, view: null, editable: true, blocked: null };
  let view = optionsView(doc, format, property.value);
  if (!view && property.member.kind === 'shorthand') {
    // `{ dialectOptions }`: the object bound to that name.
    const binding = uniqueBinding(doc, key);
    const bound = binding ? optionsView(doc, format, binding.value) : null;
    if (binding && bound && binding.declarator.startIndex < property.value.startIndex)
      view = { ...bound, binding };
  }
  if (!view) {
    return {
      key,
      property,
      view: null,
      editable: false,
      blocked: `${key} (${property.value.text.slice(0, 40)}) is built somewhere this file does not show`,
    };
  }
  const shared =
    view.binding !== null && references(doc, view.binding.name, view.binding.declarator).length > 1;
  if (!property.editable || property.assigned) {
    return { key, property, view, editable: false, blocked: lockedReason(property) };
  }
  if (shared) {
    return {
      key,
      property,
      view,
      editable: false,
      blocked: `${key} is the object ${view.binding?.name}, which other configs share; change it there`,
    };
  }
  if (view.hiddenKeys) {
    return { key, property, view, editable: false, blocked: `${key} has keys this file cannot see` };
  }
  return { key, property, view, editable: true, blocked: null };
}

/**
 * Edits that make `parent.key` hold `props`: into the nested literal when there is one, else a new
 * `key: { ... }` property in the parent. Null when the nested object cannot be edited.
 */
export function addNestedEdits(
  text: string,
  parent: OptionsView,
  n: Nested,
  props: readonly string[],
): TextEdit[] | null {
  if (props.length === 0) return [];
  if (!n.editable) return null;
  if (n.view) return insertOptions(text, n.view, props);
  if (n.property) return null;
  return insertOptions(text, parent, [`${n.key}: { ${props.join(', ')} }`]);
}

/** Replaces a property's value; null when it is not a plain `key: value` of an editable literal. */
export function replaceValueEdit(property: Property, value: string): TextEdit | null {
  if (!property.editable || property.assigned || property.member.kind !== 'pair') return null;
  return { start: property.value.startIndex, end: property.value.endIndex, text: value };
}

/** A string literal's value, or null. */
export function literalString(doc: ParsedDocument, node: Node | null | undefined): string | null {
  if (!node) return null;
  const v = valueKind(doc, node);
  return v.kind === 'string' ? v.value : null;
}

/** How a config object is named in messages: its variable, its key (`production`), or a call. */
function labelOf(object: Node, fallback: string): string {
  let current: Node = object;
  while (
    current.parent &&
    /^(parenthesized_expression|as_expression|satisfies_expression|non_null_expression)$/.test(
      current.parent.type,
    )
  )
    current = current.parent;
  const parent = current.parent;
  if (parent?.type === 'variable_declarator') {
    const name = parent.childForFieldName('name');
    if (name?.type === 'identifier') return name.text;
  }
  if (parent?.type === 'pair') {
    const key = parent.childForFieldName('key');
    const k = key ? propertyKey(key) : null;
    if (k) return k;
  }
  if (parent?.type === 'assignment_expression') {
    const left = parent.childForFieldName('left');
    if (left) return targetText(left);
  }
  return fallback;
}

/** A const bound to this object that is only ever spread into other objects: a shared base, not a config. */
function onlySpreadBase(doc: ParsedDocument, object: Node): boolean {
  let current: Node = object;
  while (
    current.parent &&
    /^(as_expression|satisfies_expression|parenthesized_expression)$/.test(current.parent.type)
  )
    current = current.parent;
  const parent = current.parent;
  if (parent?.type !== 'variable_declarator') return false;
  const name = parent.childForFieldName('name');
  if (name?.type !== 'identifier') return false;
  const binding = uniqueBinding(doc, name.text);
  if (!binding) return false;
  const refs = references(doc, name.text, binding.declarator);
  return refs.length > 0 && refs.every((r) => r.parent?.type === 'spread_element');
}

/** An ORM config object. */
export interface OrmConfig {
  object: Node;
  view: OptionsView;
  label: string;
  range: Utf16Range;
}

/** Object literals whose merged view satisfies `accept`; shared bases only spread elsewhere are skipped. */
function configObjects(
  doc: ParsedDocument,
  format: FormatId,
  memoKey: string,
  marker: string,
  accept: (view: OptionsView) => boolean,
  fallbackLabel: string,
): OrmConfig[] {
  return doc.memo(`${memoKey}.${format}`, () => {
    const out: OrmConfig[] = [];
    for (const object of doc.root.descendantsOfType('object')) {
      if (!object) continue;
      // Cheap filter first: the key that marks the config, or a spread that may bring it.
      const members = elements(object);
      if (
        !members.some(
          (m) =>
            m.type === 'spread_element' ||
            (m.type === 'pair' && m.childForFieldName('key')?.text.replace(/['"]/g, '') === marker),
        )
      )
        continue;
      const view = optionsView(doc, format, object);
      if (!view || !accept(view)) continue;
      if (onlySpreadBase(doc, object)) continue;
      out.push({
        object,
        view,
        label: labelOf(object, fallbackLabel),
        range: { start: object.startIndex, end: object.endIndex },
      });
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------- Knex

const KNEX_PG_CLIENTS = new Set(['pg', 'postgres', 'postgresql', 'pgnative']);

/** Knex configs for PostgreSQL: object literals with `client: 'pg'` (or postgresql / postgres / pgnative). */
export function knexConfigs(doc: ParsedDocument, format: FormatId): OrmConfig[] {
  return configObjects(
    doc,
    format,
    'js.knexConfigs',
    'client',
    (view) => {
      const client = view.properties.get('client');
      const name = client ? literalString(doc, client.value) : null;
      return name !== null && KNEX_PG_CLIENTS.has(name);
    },
    'knex config',
  );
}

// ------------------------------------------------------------------------------------------- TypeORM

const TYPEORM_KEYS =
  /^(url|host|port|username|password|database|entities|synchronize|extra|poolSize|migrations|logging|schema|ssl|autoLoadEntities|subscribers|migrationsRun|connectTimeoutMS|applicationName|name|poolErrorHandler|replication|namingStrategy|dropSchema|migrationsTableName)$/;

/** TypeORM PostgreSQL options: object literals with `type: 'postgres'` and at least one other TypeORM key. */
export function typeormConfigs(doc: ParsedDocument, format: FormatId): OrmConfig[] {
  return configObjects(
    doc,
    format,
    'js.typeormConfigs',
    'type',
    (view) => {
      const type = view.properties.get('type');
      if (!type || literalString(doc, type.value) !== 'postgres') return false;
      return [...view.properties.keys()].some((k) => TYPEORM_KEYS.test(k));
    },
    'TypeORM options',
  );
}

// ----------------------------------------------------------------------------------------- Sequelize

export interface SequelizeSite {
  node: Node;
  range: Utf16Range;
  label: string;
  /** The options argument as the file shows it; null when absent or not visible. */
  options: OptionsView | null;
  optionsArg: Node | null;
  url: ConnectionString | 'env' | null;
}

const SEQUELIZE_FALLBACK = (name: string, namespace: string | null) =>
  name === 'Sequelize' && (namespace === null || namespace === 'sequelize')
    ? { module: 'sequelize', imported: 'Sequelize' }
    : null;

const NEW_QUERY = '(new_expression constructor: (_) @constructor) @new';

/**
 * `new Sequelize(...)` for PostgreSQL (v6, the `sequelize` package): a dialect or URL naming another
 * database is skipped; an unknown one (an environment URL) is kept.
 */
export function sequelizeSites(doc: ParsedDocument, format: FormatId): SequelizeSite[] {
  return doc.memo(`js.sequelizeSites.${format}`, () => {
    const out: SequelizeSite[] = [];
    for (const match of doc.query(NEW_QUERY).matches(doc.root)) {
      const node = match.captures.find((c) => c.name === 'new')?.node;
      const callee = match.captures.find((c) => c.name === 'constructor')?.node;
      if (!node || !callee) continue;
      const resolved = resolveCallee(doc, callee, SEQUELIZE_FALLBACK);
      if (resolved?.module !== 'sequelize') continue;
      if (!['Sequelize', 'default', '*'].includes(resolved.imported)) continue;
      const args = node.childForFieldName('arguments');
      const list = args ? elements(args) : [];
      const last = list[list.length - 1] ?? null;
      let options: OptionsView | null = null;
      let optionsArg: Node | null = null;
      if (last && (list.length !== 1 || unwrap(last).type !== 'string')) {
        const view = optionsView(doc, format, last);
        if (view || list.length === 4 || list.length === 2) {
          options = view;
          optionsArg = last;
        }
      }
      const first = list[0] ?? null;
      const url = first && list.length <= 2 && first !== optionsArg ? resolveString(doc, first) : null;
      const dialect = options?.properties.get('dialect');
      const dialectName = dialect ? literalString(doc, dialect.value) : null;
      if (dialectName !== null && dialectName !== 'postgres') continue;
      if (url && url !== 'env' && url.parsed && !/^postgres(ql)?$/.test(url.parsed.dialect)) continue;
      out.push({
        node,
        range: { start: node.startIndex, end: node.endIndex },
        label: labelOf(node, 'new Sequelize(…)'),
        options,
        optionsArg,
        url,
      });
    }
    return out;
  });
}

// ------------------------------------------------------------------------------------- keepalive

export interface KeepaliveGap {
  /** What is wrong, for messages. */
  problem: string;
  /** Properties to add (`keepAlive: true`, `keepAliveInitialDelayMillis: 30000`). */
  props: string[];
  /** In-place replacements (`keepAlive: false` → true, a delay under 1000 ms). */
  edits: TextEdit[];
  /** Why a replacement cannot be written; null when it can. */
  blocked: string | null;
}

/**
 * What a node-postgres options object (Knex `connection`, TypeORM `extra`) lacks for TCP keepalive
 * with a 30 s first probe; null when it has it, or when run-time values decide.
 */
export function keepaliveGap(
  doc: ParsedDocument,
  view: OptionsView | null,
  where: string,
  delayMs: number,
): KeepaliveGap | null {
  const ka = view?.properties.get('keepAlive');
  const delay = view?.properties.get('keepAliveInitialDelayMillis');
  const kaKind = ka ? valueKind(doc, ka.value) : null;
  const delayKind = delay ? valueKind(doc, delay.value) : null;
  const kaState = !kaKind
    ? 'missing'
    : kaKind.kind === 'boolean'
      ? kaKind.value
        ? 'on'
        : 'off'
      : kaKind.kind === 'null' || kaKind.kind === 'undefined' || kaKind.kind === 'number'
        ? 'off'
        : 'unknown';
  const delayState = !delayKind
    ? 'missing'
    : delayKind.kind === 'number'
      ? delayKind.value >= 1000
        ? 'ok'
        : 'low'
      : delayKind.kind === 'null' || delayKind.kind === 'undefined' || delayKind.kind === 'boolean'
        ? 'low'
        : 'unknown';
  if (kaState === 'unknown' || delayState === 'unknown') return null;
  if (kaState === 'on' && delayState === 'ok') return null;
  const props: string[] = [];
  const edits: TextEdit[] = [];
  let blocked: string | null = null;
  const parts: string[] = [];
  if (kaState === 'missing') {
    props.push('keepAlive: true');
    parts.push(`${where} does not turn on TCP keepalive`);
  } else if (kaState === 'off' && ka) {
    parts.push(`${where} turns TCP keepalive off (keepAlive: ${ka.value.text})`);
    const edit = replaceValueEdit(ka, 'true');
    if (edit) edits.push(edit);
    else blocked = lockedReason(ka);
  }
  if (delayState === 'missing') {
    props.push(`keepAliveInitialDelayMillis: ${delayMs}`);
    if (kaState === 'on')
      parts.push(
        `${where} turns keepalive on without keepAliveInitialDelayMillis, so the first probe waits for the OS default (2 hours on Linux)`,
      );
  } else if (delayState === 'low' && delay) {
    parts.push(
      `keepAliveInitialDelayMillis ${delay.value.text} is under 1000 ms, which Node turns into the OS default (2 hours on Linux)`,
    );
    const edit = replaceValueEdit(delay, String(delayMs));
    if (edit) edits.push(edit);
    else blocked = blocked ?? lockedReason(delay);
  }
  return { problem: parts.join('; '), props, edits, blocked };
}
