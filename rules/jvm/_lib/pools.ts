import type { Node } from 'web-tree-sitter';
import type { EnvironmentProfile } from '../../../core/environment';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { springPool, visibleEntries } from './hikari';
import { argumentsOf, callEntry, insertStatementAfter, type JavaCall } from './java';
import { urlRange } from './jdbc-url';
import { durationMs as kotlinDurationMs, kotlinLiteral, kotlinObjects } from './kotlin';
import type { ConfigEntry } from './model';
import { type PgTarget, pgTargets } from './pg';
import { appendPropertyLine, insertPropertyAfter, type PropertyEntry, propertyEntries } from './properties';
import { relaxed, type SpringEntry, springDocuments, springEntries, startsWith } from './spring';
import type { KnownVersion } from './versions';
import { insertYamlEdit } from './yaml';

/**
 * The pools other than HikariCP, in every shape the reference reads: Spring Boot
 * `spring.datasource.tomcat.*` / `spring.datasource.dbcp2.*` (properties and YAML, per profile),
 * `c3p0.properties`, Quarkus `quarkus.datasource[."name"].jdbc.*`, and Java / Kotlin code on a
 * `BasicDataSource`, Tomcat `DataSource` / `PoolProperties` or `ComboPooledDataSource`. Rules ask
 * for a setting by its bean-property name (`validationQueryTimeout`) and get the file's own entry.
 */
export type PoolKind = 'tomcat' | 'dbcp2' | 'c3p0' | 'quarkus';

export interface PoolSite {
  kind: PoolKind;
  shape: 'spring' | 'c3p0-properties' | 'quarkus' | 'java' | 'kotlin';
  label: string;
  range: Utf16Range;
  /** The effective entry for a property (bean name, compared the relaxed way where the shape is relaxed). */
  get(prop: string): ConfigEntry | undefined;
  /**
   * Adds a setting. `value` is the plain value; `code` overrides the argument written in Java /
   * Kotlin (`java.time.Duration.ofSeconds(5)`), `setter` the setter name used there.
   */
  insert(
    prop: string,
    value: string | number | boolean,
    code?: { setter?: string; argument?: string },
  ): TextEdit | null;
  /** How a property is spelled here, for messages. */
  spell(prop: string): string;
  /** The pgJDBC connection this pool opens, when the file shows its URL. */
  target: PgTarget | null;
  /** Spring Boot's Tomcat auto-configuration sets testOnBorrow=true and `SELECT 1` itself. */
  bootValidation: boolean;
  /** Missing settings are reported here (false for a profile document when the default configures the pool). */
  ownsMissing: boolean;
  /** Settings come from elsewhere too (constructor arguments, a parameter): absent proves nothing. */
  partial: boolean;
  version: KnownVersion;
  /** The Spring document (profile) a Spring site belongs to. */
  document?: number;
}

const DS = ['spring', 'datasource'];

function kebab(prop: string): string {
  return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function poolVersion(kind: PoolKind, environment: EnvironmentProfile): KnownVersion {
  const key = kind === 'tomcat' ? 'tomcatJdbc' : kind;
  const stated = environment.versions?.[key];
  return stated ? { version: stated, source: `${key}=${stated}` } : {};
}

function targetWithin(
  doc: ParsedDocument,
  environment: EnvironmentProfile,
  entry: ConfigEntry | undefined,
): PgTarget | null {
  if (!entry) return null;
  return (
    pgTargets(doc, environment).find((t) => {
      if (!t.url) return false;
      const r = urlRange(t.url);
      return r.start >= entry.range.start && r.end <= entry.range.end;
    }) ?? null
  );
}

export function poolSites(doc: ParsedDocument, environment: EnvironmentProfile): PoolSite[] {
  return doc.memo(`jvm.pools.sites:${JSON.stringify(environment.versions ?? {})}`, () => {
    if (doc.grammar === 'java') return javaSites(doc, environment);
    if (doc.grammar === 'kotlin') return kotlinSites(doc, environment);
    if (doc.grammar !== 'properties' && doc.grammar !== 'yaml') return [];
    return [
      ...springSites(doc, environment),
      ...quarkusSites(doc, environment),
      ...c3p0Sites(doc, environment),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Spring Boot: spring.datasource.tomcat.* / spring.datasource.dbcp2.*

function springSites(doc: ParsedDocument, environment: EnvironmentProfile): PoolSite[] {
  const docs = springDocuments(doc);
  const withDs = docs.filter((d) => d.entries.some((e) => startsWith(e, DS)));
  const defaultHasDs = withDs.some((d) => d.profile === null);
  const out: PoolSite[] = [];
  const yaml = doc.grammar === 'yaml';
  for (const document of withDs) {
    const visible = visibleEntries(docs, document);
    const pool = springPool(visible, environment);
    if (pool !== 'tomcat' && pool !== 'dbcp2') continue;
    const prefix = [...DS, pool];
    const find = (prop: string) =>
      visible
        .filter((e) => e.norm.length === 4 && startsWith(e, prefix) && e.norm[3] === relaxed(prop))
        .at(-1);
    const written = document.entries.filter((e) => startsWith(e, prefix) && e.norm.length >= 4);
    const camel = written.some(
      (e) => /[A-Z]/.test(e.segments[3] ?? '') && !(e.segments[3] ?? '').includes('-'),
    );
    const spellProp = (prop: string) => (camel ? prop : kebab(prop));
    const head = written[0]?.segments.slice(0, 3) ?? [
      ...(document.entries.find((e) => startsWith(e, DS))?.segments.slice(0, 2) ?? DS),
      pool,
    ];
    const url = visible.filter((e) => e.norm.length === 3 && startsWith(e, [...DS, 'url'])).at(-1);
    const anchor = (): PropertyEntry | undefined => {
      const own = document.entries.filter((e) => e.property);
      return (
        (
          written.filter((e) => e.property).at(-1) ??
          own.filter((e) => startsWith(e, DS)).at(-1) ??
          own.at(-1)
        )?.property ?? undefined
      );
    };
    const profile = document.profile ? ` (profile ${document.profile})` : '';
    const first = written[0] ?? document.entries.find((e) => startsWith(e, DS));
    out.push({
      kind: pool,
      shape: 'spring',
      label: `${head.join('.')}${profile}`,
      range: (url?.document === document.index ? url.entry.range : first?.entry.range) ?? {
        start: 0,
        end: 0,
      },
      get: (prop) => find(prop)?.entry,
      insert: (prop, value) => {
        const segments = [...head, spellProp(prop)];
        if (yaml)
          return insertYamlEdit(
            doc,
            document.index,
            segments,
            String(value),
            (a, b) => a.length === b.length && a.every((s, i) => relaxed(s) === relaxed(b[i] ?? '')),
          );
        const at = anchor();
        if (at) return insertPropertyAfter(doc.text, at, segments.join('.'), String(value));
        return docs.length === 1 ? appendPropertyLine(doc.text, `${segments.join('.')}=${value}`) : null;
      },
      spell: (prop) => find(prop)?.segments.join('.') ?? [...head, spellProp(prop)].join('.'),
      target: targetWithin(doc, environment, url?.entry),
      bootValidation: pool === 'tomcat',
      document: document.index,
      ownsMissing: !(document.profile !== null && defaultHasDs),
      partial: false,
      version: poolVersion(pool, environment),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quarkus: quarkus.datasource[."name"].jdbc.*

interface QuarkusKey {
  entry: SpringEntry;
  /** Datasource name (null = default), and the profile (`%prod`) if any. */
  name: string | null;
  profile: string | null;
  /** Segments after `jdbc`, relaxed. */
  rest: string[];
  /** Segments up to and including `jdbc` as written. */
  head: string[];
}

function quarkusKeys(entries: SpringEntry[]): QuarkusKey[] {
  const out: QuarkusKey[] = [];
  for (const e of entries) {
    let i = 0;
    let profile: string | null = null;
    if (e.segments[0]?.startsWith('%')) {
      profile = e.segments[0];
      i = 1;
    }
    if (e.norm[i] !== 'quarkus' || e.norm[i + 1] !== 'datasource') continue;
    const third = e.segments[i + 2];
    if (third === undefined) continue;
    const named = ![
      'jdbc',
      'dbkind',
      'dbversion',
      'username',
      'password',
      'credentialsprovider',
      'credentialsprovidername',
      'reactive',
      'devservices',
      'healthexclude',
      'health',
      'metrics',
      'active',
    ].includes(relaxed(third));
    const jdbcAt = named ? i + 3 : i + 2;
    const name = named ? third.replace(/^"|"$/g, '') : null;
    out.push({
      entry: e,
      name,
      profile,
      rest: e.norm[jdbcAt] === 'jdbc' ? e.norm.slice(jdbcAt + 1) : [`~${e.norm.slice(jdbcAt).join('.')}`],
      head: e.segments.slice(i, jdbcAt).concat('jdbc'),
    });
  }
  return out;
}

function quarkusSites(doc: ParsedDocument, environment: EnvironmentProfile): PoolSite[] {
  const keys = quarkusKeys(springEntries(doc));
  const out: PoolSite[] = [];
  const names = [...new Set(keys.map((k) => k.name ?? ''))];
  const yaml = doc.grammar === 'yaml';
  for (const n of names) {
    const own = keys.filter((k) => (k.name ?? '') === n);
    const base = own.filter((k) => k.profile === null);
    const kind = base.find((k) => k.rest[0] === '~dbkind')?.entry.entry.value?.text ?? '';
    const url = base.filter((k) => k.rest.length === 1 && k.rest[0] === 'url').at(-1);
    const isPg = /postgres/i.test(kind) || /jdbc:postgresql:/.test(url?.entry.entry.value?.text ?? '');
    if (!isPg || base.length === 0) continue;
    // Profile keys (`%prod.…`) override the base one: the rules read the base configuration and
    // stay quiet about what a profile may set.
    const find = (prop: string) =>
      own.filter((k) => k.rest.length === 1 && k.rest[0] === relaxed(prop)).at(-1)?.entry.entry;
    const jdbc = base.filter((k) => !k.rest[0]?.startsWith('~'));
    const head = jdbc[0]?.head ?? [...(base[0]?.head.slice(0, -1) ?? ['quarkus', 'datasource']), 'jdbc'];
    const anchor = (jdbc.at(-1) ?? base.at(-1))?.entry.property ?? undefined;
    const label = head.slice(0, -1).join('.');
    out.push({
      kind: 'quarkus',
      shape: 'quarkus',
      label,
      range: (url ?? base[0])?.entry.entry.range ?? { start: 0, end: 0 },
      get: find,
      insert: (prop, value) => {
        const segments = [...head, kebab(prop)];
        if (yaml) {
          const document = base[0]?.entry.document ?? 0;
          return insertYamlEdit(
            doc,
            document,
            segments,
            String(value),
            (a, b) => a.length === b.length && a.every((s, i) => relaxed(s) === relaxed(b[i] ?? '')),
          );
        }
        return anchor ? insertPropertyAfter(doc.text, anchor, segments.join('.'), String(value)) : null;
      },
      spell: (prop) => [...head, kebab(prop)].join('.'),
      target: targetWithin(doc, environment, url?.entry.entry),
      bootValidation: false,
      ownsMissing: true,
      partial: false,
      version: poolVersion('quarkus', environment),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// c3p0.properties

function c3p0Sites(doc: ParsedDocument, environment: EnvironmentProfile): PoolSite[] {
  const entries = propertyEntries(doc).filter((e) => e.name.startsWith('c3p0.'));
  if (entries.length === 0) return [];
  const find = (prop: string) => entries.filter((e) => e.name === `c3p0.${prop}`).at(-1);
  const url = find('jdbcUrl');
  const target = targetWithin(doc, environment, url);
  const driver = find('driverClass')?.value?.text ?? '';
  if (!target && !/postgresql/.test(driver) && !url?.value?.placeholder) {
    if (url || driver) return [];
  }
  return [
    {
      kind: 'c3p0',
      shape: 'c3p0-properties',
      label: 'c3p0.properties',
      range: (url ?? (entries[0] as PropertyEntry)).range,
      get: find,
      insert: (prop, value) =>
        insertPropertyAfter(doc.text, entries.at(-1) as PropertyEntry, `c3p0.${prop}`, String(value)),
      spell: (prop) => `c3p0.${prop}`,
      target,
      bootValidation: false,
      ownsMissing: true,
      partial: false,
      version: poolVersion('c3p0', environment),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Java and Kotlin

const CODE_TYPES: ReadonlyArray<[RegExp, PoolKind]> = [
  [/^(org\.apache\.commons\.dbcp2\.)?BasicDataSource$/, 'dbcp2'],
  [/^(org\.apache\.tomcat\.jdbc\.pool\.)?PoolProperties$/, 'tomcat'],
  [/^org\.apache\.tomcat\.jdbc\.pool\.DataSource$/, 'tomcat'],
  [/^(com\.mchange\.v2\.c3p0\.)?ComboPooledDataSource$/, 'c3p0'],
];

/** Setters that are one property under several names (DBCP2 2.10 Duration setters, Tomcat's URL). */
const ALIASES: Record<string, string[]> = {
  url: ['setUrl', 'setJdbcUrl'],
  jdbcUrl: ['setJdbcUrl'],
  maxWaitMillis: ['setMaxWaitMillis', 'setMaxWait'],
  maxWait: ['setMaxWait', 'setMaxWaitMillis'],
  maxConnLifetimeMillis: ['setMaxConnLifetimeMillis', 'setMaxConn'],
  validationQueryTimeout: ['setValidationQueryTimeout'],
};

function setters(prop: string): string[] {
  return ALIASES[prop] ?? [`set${prop[0]?.toUpperCase()}${prop.slice(1)}`];
}

function kindOfType(type: string, doc: ParsedDocument): PoolKind | null {
  const t = type.replace(/\s+/g, '');
  for (const [re, kind] of CODE_TYPES) if (re.test(t)) return kind;
  // `new DataSource()` with Tomcat's pool imported.
  if (t === 'DataSource' && /import\s+org\.apache\.tomcat\.jdbc\.pool\.(DataSource|\*)/.test(doc.text))
    return 'tomcat';
  return null;
}

/** A Java `Duration.ofSeconds(5)` argument in milliseconds, or null. */
function javaDurationMs(node: Node | undefined): number | null {
  if (node?.type !== 'method_invocation') return null;
  const of = node.childForFieldName('name')?.text ?? '';
  const receiver = node.childForFieldName('object')?.text ?? '';
  const args = argumentsOf(node);
  const unit = { ofMillis: 1, ofSeconds: 1000, ofMinutes: 60_000, ofHours: 3_600_000 }[of];
  if (!/^(java\.time\.)?Duration$/.test(receiver) || unit === undefined || args.length !== 1) return null;
  const n = /^\d+[lL]?$/.test(args[0]?.text ?? '')
    ? Number((args[0]?.text ?? '').replace(/[lL_]/g, ''))
    : null;
  return n === null ? null : n * unit;
}

function javaSites(doc: ParsedDocument, environment: EnvironmentProfile): PoolSite[] {
  const text = doc.text;
  const out: PoolSite[] = [];
  for (const declaration of doc.root.descendantsOfType(['local_variable_declaration', 'field_declaration'])) {
    if (!declaration) continue;
    for (const declarator of declaration.childrenForFieldName('declarator')) {
      const value = declarator?.childForFieldName('value');
      const name = declarator?.childForFieldName('name')?.text;
      if (!declarator || !name || value?.type !== 'object_creation_expression') continue;
      const kind = kindOfType(value.childForFieldName('type')?.text ?? '', doc);
      if (!kind) continue;
      const calls: JavaCall[] = [];
      for (const call of doc.root.descendantsOfType('method_invocation')) {
        if (!call || call.startIndex < declaration.endIndex) continue;
        const object = call.childForFieldName('object');
        if (object?.type !== 'identifier' || object.text !== name) continue;
        const parent = call.parent;
        calls.push({
          call,
          statement: parent?.type === 'expression_statement' ? parent : null,
          name: call.childForFieldName('name')?.text ?? '',
          args: argumentsOf(call),
        });
      }
      const get = (prop: string): ConfigEntry | undefined => {
        const names = setters(prop);
        const call = calls.filter((c) => names.includes(c.name) && c.args.length === 1).at(-1);
        if (!call) return undefined;
        const entry = callEntry(text, call);
        if (!entry?.value) return entry ?? undefined;
        const ms = javaDurationMs(call.args[0]);
        if (ms !== null)
          return {
            ...entry,
            value: { ...entry.value, number: /Millis$/.test(prop) || prop === 'maxWait' ? ms : ms / 1000 },
          };
        return entry;
      };
      const anchor = calls.filter((c) => c.statement).at(-1)?.statement ?? declaration;
      const url = get(kind === 'c3p0' ? 'jdbcUrl' : 'url');
      out.push({
        kind,
        shape: 'java',
        label: `${value.childForFieldName('type')?.text ?? kind} ${name}`,
        range: { start: declarator.startIndex, end: declarator.endIndex },
        get,
        insert: (prop, v, code) =>
          insertStatementAfter(
            text,
            anchor,
            `${name}.${code?.setter ?? setters(prop)[0]}(${code?.argument ?? (typeof v === 'string' ? `"${v.replace(/(["\\])/g, '\\$1')}"` : String(v))});`,
          ),
        spell: (prop) => calls.find((c) => setters(prop).includes(c.name))?.name ?? setters(prop)[0] ?? prop,
        target: targetWithin(doc, environment, url),
        bootValidation: false,
        ownsMissing: true,
        // `new DataSource(p)` / `ds.setPoolProperties(p)`: the settings live on another object.
        partial: argumentsOf(value).length > 0 || calls.some((c) => c.name === 'setPoolProperties'),
        version: poolVersion(kind, environment),
      });
    }
  }
  return out;
}

const KOTLIN_TYPES = /^(BasicDataSource|PoolProperties|ComboPooledDataSource|DataSource)$/;

function kotlinSites(doc: ParsedDocument, environment: EnvironmentProfile): PoolSite[] {
  const out: PoolSite[] = [];
  for (const o of kotlinObjects(doc, KOTLIN_TYPES)) {
    const qualified = o.constructor.namedChildren[0]?.text.replace(/\s+/g, '') ?? o.type;
    const kind = kindOfType(qualified, doc) ?? (o.type === 'DataSource' ? null : kindOfType(o.type, doc));
    if (!kind) continue;
    const propOf = (prop: string) =>
      setters(prop).flatMap((s) => [`${s[3]?.toLowerCase()}${s.slice(4)}`, `is${s.slice(3)}`]);
    const get = (prop: string): ConfigEntry | undefined => {
      const setting = o.settings.filter((s) => propOf(prop).includes(s.prop)).at(-1);
      if (!setting?.entry.value) return setting?.entry;
      const node = doc.root.descendantForIndex(
        setting.entry.value.range.start,
        setting.entry.value.range.end,
      );
      const ms = node ? kotlinDurationMs(node) : null;
      if (ms !== null)
        return {
          ...setting.entry,
          value: { ...setting.entry.value, number: /Millis$/.test(prop) ? ms : ms / 1000 },
        };
      return setting.entry;
    };
    const url = get(kind === 'c3p0' ? 'jdbcUrl' : 'url');
    out.push({
      kind,
      shape: 'kotlin',
      label: `${o.type}${o.name ? ` ${o.name}` : '().apply'}`,
      range: { start: o.constructor.startIndex, end: o.constructor.endIndex },
      get,
      // Boolean bean properties with an `isX()` getter are `isX` in Kotlin: the setter call is unambiguous.
      insert: (prop, v, code) =>
        code?.argument || typeof v === 'boolean'
          ? o.insertCall(`${code?.setter ?? setters(prop)[0]}(${code?.argument ?? kotlinLiteral(o, v)})`)
          : o.insert(prop, kotlinLiteral(o, v)),
      spell: (prop) => prop,
      target: targetWithin(doc, environment, url),
      bootValidation: false,
      ownsMissing: true,
      partial:
        o.args.length > 0 ||
        o.settings.some((s) => s.prop === 'poolProperties') ||
        o.calls.some((c) => c.name === 'setPoolProperties'),
      version: poolVersion(kind, environment),
    });
  }
  return out;
}

/** A boolean setting: true / false when literal, null when unknown, undefined when absent. */
export function boolOf(entry: ConfigEntry | undefined): boolean | null | undefined {
  if (!entry) return undefined;
  const v = entry.value?.literal?.value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return null;
}

/** pgJDBC socketTimeout of the pool's connection in seconds: 0 when unset, null when unknown. */
export function poolSocketTimeout(site: PoolSite): number | null {
  const t = site.target;
  if (!t || t.urlUnknown) return null;
  const param = t.url?.params.find((p) => p.key === 'socketTimeout');
  const prop = param
    ? param.value
    : t.driverProperties.filter((p) => p.name === 'socketTimeout').at(-1)?.entry.value?.literal?.value;
  if (prop === undefined) return 0;
  return /^\d+$/.test(prop.trim()) ? Number(prop.trim()) : null;
}
