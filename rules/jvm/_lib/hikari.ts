import type { Node } from 'web-tree-sitter';
import type { EnvironmentProfile } from '../../../core/environment';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import {
  callEntry,
  insertStatementAfter,
  type JavaPoolVariable,
  javaPoolVariables,
  stringLiteral,
} from './java';
import { type KotlinObject, kotlinLiteral, kotlinObjects, kotlinString, kotlinValue } from './kotlin';
import { type ConfigEntry, groupDigits, textOf } from './model';
import { appendPropertyLine, insertPropertyAfter, type PropertyEntry, propertyEntries } from './properties';
import { relaxed, type SpringDocument, type SpringEntry, springDocuments, startsWith } from './spring';
import { bootDefaultsToTomcat, hikariVersion, type KnownVersion } from './versions';
import { insertYamlEdit } from './yaml';

/**
 * One HikariCP pool configuration, whatever its shape: a Spring Boot `spring.datasource.hikari.*`
 * block (properties or YAML, per profile document), a standalone `hikari.properties`, or a Java
 * `HikariConfig` / `HikariDataSource` variable. Rules ask it for a property by its HikariCP name and
 * for edits; it answers in the file's own spelling and layout.
 */
export const HIKARI_PROPS = [
  'jdbcUrl',
  'dataSourceClassName',
  'driverClassName',
  'username',
  'keepaliveTime',
  'maxLifetime',
  'idleTimeout',
  'minimumIdle',
  'maximumPoolSize',
  'connectionTimeout',
  'validationTimeout',
  'connectionTestQuery',
  'leakDetectionThreshold',
  'initializationFailTimeout',
] as const;
export type HikariProp = (typeof HIKARI_PROPS)[number];

/** HikariCP's defaults (ms / counts) that the rules compare against. */
export const HIKARI_DEFAULTS = {
  maxLifetime: 1_800_000,
  idleTimeout: 600_000,
  connectionTimeout: 30_000,
  validationTimeout: 5_000,
  maximumPoolSize: 10,
} as const;

export interface DriverProperty {
  /** The property name as written (case kept: pgJDBC reads it verbatim). */
  name: string;
  entry: ConfigEntry;
  /** Where the name is written, and an edit that renames it in place (null when it cannot). */
  nameRange: Utf16Range;
  rename(name: string): TextEdit | null;
}

export interface HikariSite {
  shape: 'spring' | 'hikari-properties' | 'java';
  /** For messages: `spring.datasource.hikari (profile prod)`, `HikariConfig cfg`. */
  label: string;
  /** Where a finding about a missing key is shown. */
  range: Utf16Range;
  /** The effective entry: this document's, else the default document's (Spring profiles). */
  get(prop: HikariProp): ConfigEntry | undefined;
  /** The JDBC URL entry (`jdbcUrl`, `spring.datasource.url`, `setJdbcUrl`, builder `.url(…)`). */
  url: ConfigEntry | undefined;
  driverProperties: DriverProperty[];
  /** An edit adding `prop = value` in this site's style and place, or null when it cannot be placed. */
  insert(prop: HikariProp, value: number | string): TextEdit | null;
  /** An edit adding a driver property (`dataSource.x`, `data-source-properties.x`, `addDataSourceProperty`). */
  insertDriverProperty(name: string, value: string): TextEdit | null;
  /** How the key is called here, for messages: `keepalive-time`, `keepaliveTime`, `setKeepaliveTime`. */
  spell(prop: HikariProp): string;
  version: KnownVersion;
  /**
   * False for a Spring profile document when the default document also configures the pool:
   * missing keys are reported (and added) once, in the default document.
   */
  ownsMissing: boolean;
  /** Settings also come from elsewhere (`new HikariConfig(path)`, a method parameter): absent keys prove nothing. */
  partial: boolean;
}

export function hikariSites(doc: ParsedDocument, environment: EnvironmentProfile): HikariSite[] {
  return doc.memo(`jvm.hikari.sites:${JSON.stringify(environment.versions ?? {})}`, () => {
    if (doc.grammar === 'java') return javaPoolVariables(doc).map((v) => javaSite(doc, v, environment));
    if (doc.grammar === 'kotlin') return kotlinSites(doc, environment);
    const spring = springSites(doc, environment);
    if (spring.length > 0 || doc.grammar !== 'properties') return spring;
    const standalone = hikariPropertiesSite(doc, environment);
    return standalone ? [standalone] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Spring Boot

const DS = ['spring', 'datasource'];
const HK = ['spring', 'datasource', 'hikari'];
const DSP = 'datasourceproperties';
/** Keys Boot reads from `spring.datasource.*` itself and hands to the pool (the Hikari key wins). */
const GENERIC: Partial<Record<HikariProp, string>> = {
  jdbcUrl: 'url',
  driverClassName: 'driverclassname',
  username: 'username',
};

function kebab(prop: string): string {
  return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The pool Spring Boot builds for these documents: `spring.datasource.type`, else its default. */
export function springPool(
  entries: SpringEntry[],
  environment: EnvironmentProfile,
): 'hikari' | 'tomcat' | 'dbcp2' | 'other' {
  const type = entries.filter((e) => e.norm.length === 3 && startsWith(e, [...DS, 'type'])).at(-1);
  const name = textOf(type?.entry);
  if (type && name === null) return 'other';
  if (!name) return bootDefaultsToTomcat(environment) ? 'tomcat' : 'hikari';
  if (/hikari/i.test(name)) return 'hikari';
  if (/tomcat/i.test(name)) return 'tomcat';
  if (/dbcp2/i.test(name)) return 'dbcp2';
  return 'other';
}

/** Documents whose entries a document sees: itself, plus the default documents for a profile one. */
export function visibleEntries(docs: SpringDocument[], document: SpringDocument): SpringEntry[] {
  if (document.profile === null) return docs.filter((d) => d.profile === null).flatMap((d) => d.entries);
  return [...docs.filter((d) => d.profile === null).flatMap((d) => d.entries), ...document.entries];
}

function springSites(doc: ParsedDocument, environment: EnvironmentProfile): HikariSite[] {
  const docs = springDocuments(doc);
  const withDs = docs.filter((d) => d.entries.some((e) => startsWith(e, DS)));
  const defaultHasDs = withDs.some((d) => d.profile === null);
  const out: HikariSite[] = [];
  for (const document of withDs) {
    const visible = visibleEntries(docs, document);
    if (springPool(visible, environment) !== 'hikari') continue;
    out.push(
      springSite(doc, docs, document, visible, environment, !(document.profile !== null && defaultHasDs)),
    );
  }
  return out;
}

function springSite(
  doc: ParsedDocument,
  docs: SpringDocument[],
  document: SpringDocument,
  visible: SpringEntry[],
  environment: EnvironmentProfile,
  ownsMissing: boolean,
): HikariSite {
  const text = doc.text;
  const yaml = doc.grammar === 'yaml';
  const find = (prop: HikariProp) =>
    visible
      .filter((e) => e.norm.length === 4 && startsWith(e, HK) && e.norm[3] === prop.toLowerCase())
      .at(-1) ??
    (GENERIC[prop]
      ? visible.filter((e) => e.norm.length === 3 && startsWith(e, [...DS, GENERIC[prop] as string])).at(-1)
      : undefined);
  const written = document.entries.filter((e) => startsWith(e, HK) && e.norm.length >= 4);
  // Spell new keys as the file does: camelCase if its Hikari keys are camelCase, kebab otherwise.
  const camel = written.some(
    (e) => /[A-Z]/.test(e.segments[3] ?? '') && !(e.segments[3] ?? '').includes('-'),
  );
  const spellProp = (prop: string) => (camel ? prop : kebab(prop));
  const prefix = written[0]?.segments.slice(0, 3) ?? [
    ...(document.entries.find((e) => startsWith(e, DS))?.segments.slice(0, 2) ?? DS),
    'hikari',
  ];
  const url = find('jdbcUrl');
  const driverProperties: DriverProperty[] = visible
    .filter((e) => e.norm.length === 5 && startsWith(e, [...HK, DSP]))
    .map((e) => ({
      name: e.segments[4] ?? '',
      entry: e.entry,
      nameRange: e.entry.keyRange,
      rename: (name) => {
        if (!e.entry.renameKey) return null;
        const key = e.property
          ? renameLast(e.property.key, e.segments[4] ?? '', name)
          : renameLast(e.entry.key, e.segments[4] ?? '', name);
        return key === null ? null : e.entry.renameKey(key);
      },
    }));
  const anchorFor = (mapKeys: boolean): PropertyEntry | undefined => {
    const own = document.entries.filter((e) => e.property);
    const hikari = own.filter((e) => startsWith(e, HK) && (mapKeys || e.norm[3] !== DSP));
    return (
      (hikari.at(-1) ?? own.filter((e) => startsWith(e, DS)).at(-1) ?? own.at(-1))?.property ?? undefined
    );
  };
  const insertKey = (segments: string[], value: string, mapKeys: boolean): TextEdit | null => {
    if (yaml) {
      return insertYamlEdit(doc, document.index, segments, value, (a, b) => sameRelaxedPrefix(a, b));
    }
    const anchor = anchorFor(mapKeys);
    const key = segments.join('.');
    if (anchor) return insertPropertyAfter(text, anchor, key, value);
    return docs.length === 1 ? appendPropertyLine(text, `${key}=${value}`) : null;
  };
  const profile = document.profile ? ` (profile ${document.profile})` : '';
  const first =
    document.entries.find((e) => startsWith(e, HK)) ?? document.entries.find((e) => startsWith(e, DS));
  return {
    shape: 'spring',
    label: `${prefix.join('.')}${profile}`,
    range: url?.document === document.index ? url.entry.range : (first?.entry.range ?? { start: 0, end: 0 }),
    get: (prop) => find(prop)?.entry,
    url: url?.entry,
    driverProperties,
    insert: (prop, value) => insertKey([...prefix, spellProp(prop)], String(value), false),
    insertDriverProperty: (name, value) =>
      insertKey([...prefix, camel ? 'dataSourceProperties' : 'data-source-properties', name], value, true),
    spell: (prop) => {
      const existing = find(prop);
      return existing ? existing.segments.join('.') : [...prefix, spellProp(prop)].join('.');
    },
    version: hikariVersion(environment, true),
    ownsMissing,
    partial: false,
  };
}

/** YAML paths compare relaxed up to the map key after `data-source-properties`, which is exact. */
function sameRelaxedPrefix(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, i) =>
    i >= 4 && relaxed(a[3] ?? '') === DSP ? s === b[i] : relaxed(s) === relaxed(b[i] ?? ''),
  );
}

function renameLast(key: string, old: string, name: string): string | null {
  const at = key.lastIndexOf(old);
  return at < 0 ? null : `${key.slice(0, at)}${name}${key.slice(at + old.length)}`;
}

// ---------------------------------------------------------------------------------------------
// hikari.properties

/** Keys `new HikariConfig(file)` accepts are setter names, exactly; driver properties use `dataSource.`. */
const HIKARI_FILE_KEYS = new Set<string>([
  ...HIKARI_PROPS,
  'password',
  'poolName',
  'autoCommit',
  'connectionInitSql',
  'catalog',
  'schema',
  'readOnly',
  'transactionIsolation',
  'registerMbeans',
  'allowPoolSuspension',
  'isolateInternalQueries',
  'dataSourceJNDI',
  'maxIdle',
]);

/** Names many configs share; they do not make a file a hikari.properties. */
const GENERIC_FILE_KEYS = new Set([
  'username',
  'password',
  'catalog',
  'schema',
  'readOnly',
  'autoCommit',
  'driverClassName',
]);

function hikariPropertiesSite(doc: ParsedDocument, environment: EnvironmentProfile): HikariSite | null {
  const text = doc.text;
  const entries = propertyEntries(doc);
  if (entries.length === 0) return null;
  const dotted = entries.filter((e) => e.name.includes('.'));
  if (dotted.some((e) => !e.name.startsWith('dataSource.'))) return null;
  // `username` / `password` alone say nothing: any app config has them. A HikariCP-only name must appear.
  if (!entries.some((e) => HIKARI_FILE_KEYS.has(e.name) && !GENERIC_FILE_KEYS.has(e.name))) return null;
  const find = (prop: HikariProp) => entries.filter((e) => e.name === prop).at(-1);
  const driverProperties: DriverProperty[] = entries
    .filter((e) => e.name.startsWith('dataSource.'))
    .map((e) => ({
      name: e.name.slice('dataSource.'.length),
      entry: e,
      nameRange: e.keyRange,
      rename: (name) => (e.renameKey ? e.renameKey(`dataSource.${name}`) : null),
    }));
  const url = find('jdbcUrl');
  const plain = entries.filter((e) => !e.name.startsWith('dataSource.'));
  return {
    shape: 'hikari-properties',
    label: 'hikari.properties',
    range: url?.range ?? (entries[0] as PropertyEntry).range,
    get: find,
    url,
    driverProperties,
    insert: (prop, value) => {
      const anchor = plain.at(-1) ?? entries.at(-1);
      return anchor ? insertPropertyAfter(text, anchor, prop, String(value)) : null;
    },
    insertDriverProperty: (name, value) => {
      const anchor = entries.filter((e) => e.name.startsWith('dataSource.')).at(-1) ?? entries.at(-1);
      return anchor ? insertPropertyAfter(text, anchor, `dataSource.${name}`, value) : null;
    },
    spell: (prop) => prop,
    version: hikariVersion(environment, false),
    ownsMissing: true,
    partial: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Java

function setterName(prop: HikariProp): string {
  return `set${prop[0]?.toUpperCase()}${prop.slice(1)}`;
}

const BUILDER_NAMES: Partial<Record<HikariProp, string>> = {
  jdbcUrl: 'url',
  username: 'username',
  driverClassName: 'driverClassName',
};

function javaSite(doc: ParsedDocument, v: JavaPoolVariable, environment: EnvironmentProfile): HikariSite {
  const text = doc.text;
  const setterCall = (prop: HikariProp) => v.calls.filter((c) => c.name === setterName(prop)).at(-1);
  const builderCall = (prop: HikariProp) => {
    const name = BUILDER_NAMES[prop];
    return name ? v.builder.filter((c) => c.name === name).at(-1) : undefined;
  };
  const get = (prop: HikariProp): ConfigEntry | undefined => {
    const call = setterCall(prop) ?? builderCall(prop);
    return call ? (callEntry(text, call) ?? undefined) : undefined;
  };
  const driverProperties: DriverProperty[] = [];
  for (const call of v.calls.filter((c) => c.name === 'addDataSourceProperty')) {
    const nameArg = call.args[0];
    const literal = stringLiteral(nameArg ?? null);
    const entry = literal ? callEntry(text, call, 1, literal.value) : null;
    if (!literal || !entry || !nameArg) continue;
    driverProperties.push({
      name: literal.value,
      entry,
      nameRange: { start: nameArg.startIndex, end: nameArg.endIndex },
      rename: (name) => ({ start: nameArg.startIndex, end: nameArg.endIndex, text: `"${name}"` }),
    });
  }
  const anchor = v.calls.filter((c) => c.statement).at(-1)?.statement ?? v.declaration;
  const grouped = v.calls.some((c) =>
    c.args.some((a) => a.type === 'decimal_integer_literal' && a.text.includes('_')),
  );
  const literal = (value: number | string) =>
    typeof value === 'number'
      ? grouped
        ? groupDigits(value)
        : String(value)
      : `"${value.replace(/(["\\])/g, '\\$1')}"`;
  const statement = (call: string) =>
    anchor ? insertStatementAfter(text, anchor, `${v.name}.${call};`) : null;
  const declared = v.declarator ?? v.declaration;
  return {
    shape: 'java',
    label: `${v.type} ${v.name}`,
    range: declared
      ? { start: declared.startIndex, end: declared.endIndex }
      : { start: v.calls[0]?.call.startIndex ?? 0, end: v.calls[0]?.call.endIndex ?? 0 },
    get,
    url: get('jdbcUrl'),
    driverProperties,
    insert: (prop, value) => statement(`${setterName(prop)}(${literal(value)})`),
    insertDriverProperty: (name, value) => statement(`addDataSourceProperty("${name}", "${value}")`),
    spell: (prop) => setterName(prop),
    version: hikariVersion(environment, false),
    ownsMissing: true,
    partial: v.external,
  };
}

// ---------------------------------------------------------------------------------------------
// Kotlin

const KOTLIN_HIKARI = /^(HikariConfig|HikariDataSource)$/;

/**
 * `HikariConfig().apply { … }`, `val config = HikariConfig()` + `config.x = …`, and the same for
 * `HikariDataSource`. A `HikariDataSource(config)` without settings of its own is config's pool.
 * Kotlin sites use the Java shape (same setters, same version gating); keys are property names.
 */
function kotlinSites(doc: ParsedDocument, environment: EnvironmentProfile): HikariSite[] {
  const objects = kotlinObjects(doc, KOTLIN_HIKARI);
  return objects
    .filter((o) => !(o.args.length > 0 && o.settings.length === 0 && o.calls.length === 0))
    .map((o) => kotlinSite(o, environment));
}

function kotlinSite(o: KotlinObject, environment: EnvironmentProfile): HikariSite {
  const get = (prop: HikariProp): ConfigEntry | undefined =>
    o.settings.filter((s) => s.prop === prop).at(-1)?.entry;
  const driverProperties: DriverProperty[] = [];
  for (const call of o.calls.filter((c) => c.name === 'addDataSourceProperty' && c.args.length === 2)) {
    const [nameArg, valueArg] = call.args as [Node, Node];
    const literal = kotlinString(nameArg);
    if (!literal) continue;
    const value = kotlinValue(valueArg);
    driverProperties.push({
      name: literal.value,
      entry: {
        key: literal.value,
        keyRange: { start: nameArg.startIndex, end: nameArg.endIndex },
        value,
        range: { start: call.call.startIndex, end: call.call.endIndex },
        remove: () => [],
      },
      nameRange: { start: nameArg.startIndex, end: nameArg.endIndex },
      rename: (name) => ({ start: nameArg.startIndex, end: nameArg.endIndex, text: `"${name}"` }),
    });
  }
  return {
    shape: 'java',
    label: `${o.type}${o.name ? ` ${o.name}` : '().apply'}`,
    range: { start: o.constructor.startIndex, end: o.constructor.endIndex },
    get,
    url: get('jdbcUrl'),
    driverProperties,
    insert: (prop, value) => o.insert(prop, kotlinLiteral(o, value)),
    insertDriverProperty: (name, value) => o.insertCall(`addDataSourceProperty("${name}", "${value}")`),
    spell: (prop) => prop,
    version: hikariVersion(environment, false),
    ownsMissing: true,
    partial: o.args.length > 0,
  };
}
