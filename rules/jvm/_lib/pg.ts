import type { EnvironmentProfile } from '../../../core/environment';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { type DriverProperty, type HikariSite, hikariSites } from './hikari';
import { stringLiteral } from './java';
import {
  addUrlParamEdit,
  type PgUrl,
  pgUrlsIn,
  setUrlValueEdit,
  type UrlParam,
  urlParam,
  urlRange,
} from './jdbc-url';
import { kotlinStrings } from './kotlin';
import { type Literal, propertiesLiteral } from './literal';
import type { ConfigEntry } from './model';
import { propertyEntries } from './properties';
import { relaxed, springEntries } from './spring';
import { type KnownVersion, pgjdbcVersion } from './versions';
import { yamlModel } from './yaml';

/**
 * Everything pgJDBC will read for one connection: the URL's query (which wins, pgJDBC `parseURL`
 * priority 1) and the driver-property map the pool passes along. A target is a HikariCP site with a
 * PostgreSQL URL or data source class, or any other `jdbc:postgresql:` URL in the file (Quarkus,
 * Tomcat, DBCP2, c3p0, a bare URL).
 */
export interface PgTarget {
  label: string;
  range: Utf16Range;
  url: PgUrl | null;
  /** The URL comes from a placeholder or an expression: it may hold anything. */
  urlUnknown: boolean;
  driverProperties: DriverProperty[];
  site: HikariSite | null;
  /** Connections are opened through `DriverManager` / `Driver.connect` (a URL), not a `PGSimpleDataSource`. */
  driverManager: boolean;
  version: KnownVersion;
  insertDriverProperty(name: string, value: string): TextEdit | null;
}

export type PgSetting =
  | { where: 'url'; name: string; value: string; url: PgUrl; param: UrlParam; range: Utf16Range }
  | { where: 'map'; name: string; value: string | null; property: DriverProperty; range: Utf16Range };

/** What pgJDBC uses for `name`: the URL parameter if present, else the driver-property map's entry. */
export function pgSetting(target: PgTarget, name: string): PgSetting | undefined {
  const param = target.url ? urlParam(target.url, name) : undefined;
  if (param && target.url) {
    const r = urlRange(target.url);
    const offsets = target.url.literal.offsets;
    return {
      where: 'url',
      name,
      value: param.value,
      url: target.url,
      param,
      range: { start: offsets[param.start] ?? r.start, end: offsets[param.end] ?? r.end },
    };
  }
  const property = target.driverProperties.filter((p) => p.name === name).at(-1);
  if (!property) return undefined;
  const literal = property.entry.value?.literal;
  return {
    where: 'map',
    name,
    value: literal ? literal.value.trim() : null,
    property,
    range: property.entry.range,
  };
}

export interface ValueLiteral {
  literal: Literal;
  entry: ConfigEntry | null;
}

/** Every literal string value of the file (properties values, YAML scalars, Java string literals). */
export function valueLiterals(doc: ParsedDocument): ValueLiteral[] {
  return doc.memo('jvm.pg.literals', () => {
    if (doc.grammar === 'properties') {
      return propertyEntries(doc).flatMap((e): ValueLiteral[] => {
        // A bare `jdbc:postgresql://…` line reads as key `jdbc`, separator `:`: the URL is the line.
        if (e.name === 'jdbc' && e.separator === ':' && e.value?.literal?.value.startsWith('postgresql:')) {
          return [{ literal: propertiesLiteral(e.node.text, e.node.startIndex), entry: null }];
        }
        return e.value?.literal ? [{ literal: e.value.literal, entry: e }] : [];
      });
    }
    if (doc.grammar === 'yaml') {
      return yamlModel(doc).leaves.flatMap((e) =>
        e.value?.literal ? [{ literal: e.value.literal, entry: e }] : [],
      );
    }
    if (doc.grammar === 'kotlin') return kotlinStrings(doc).map((literal) => ({ literal, entry: null }));
    if (doc.grammar === 'java') {
      return doc.root.descendantsOfType('string_literal').flatMap((n) => {
        const literal = n ? stringLiteral(n) : null;
        return literal ? [{ literal, entry: null }] : [];
      });
    }
    return [];
  });
}

const PG_CLASS = /postgresql|org\.postgresql|PGSimpleDataSource|PGPoolingDataSource|PGXADataSource/;

function siteTarget(site: HikariSite, environment: EnvironmentProfile): PgTarget | null {
  const urlEntry = site.url;
  const urlLiteral = urlEntry?.value?.literal ?? null;
  const url = urlLiteral ? (pgUrlsIn(urlLiteral)[0] ?? null) : null;
  const dsClass = site.get('dataSourceClassName')?.value?.text ?? '';
  const driverClass = site.get('driverClassName')?.value?.text ?? '';
  const urlUnknown = !!urlEntry && !urlLiteral;
  const mentionsPg =
    PG_CLASS.test(dsClass) ||
    PG_CLASS.test(driverClass) ||
    /jdbc:postgresql:/.test(urlEntry?.value?.text ?? '');
  if (urlLiteral && !url) return null; // another database
  if (!url && !mentionsPg) return null;
  return {
    label: site.label,
    range: url ? urlRange(url) : (urlEntry?.range ?? site.range),
    url,
    urlUnknown,
    driverProperties: site.driverProperties,
    site,
    // HikariCP prefers dataSourceClassName over jdbcUrl when both are set.
    driverManager: !dsClass,
    version: pgjdbcVersion(environment, site.shape === 'spring'),
    insertDriverProperty: (name, value) => site.insertDriverProperty(name, value),
  };
}

/** Quarkus `…jdbc.additional-jdbc-properties.<name>`: passed to pgJDBC verbatim. */
function quarkusProperties(doc: ParsedDocument): DriverProperty[] {
  return springEntries(doc)
    .filter((e) => e.norm[0] === 'quarkus' && e.norm.includes('additionaljdbcproperties'))
    .map((e) => {
      const at = e.norm.indexOf('additionaljdbcproperties');
      const name = e.segments.slice(at + 1).join('.');
      return {
        name,
        entry: e.entry,
        nameRange: e.entry.keyRange,
        rename: () => null,
      };
    })
    .filter((p) => p.name !== '');
}

export function pgTargets(doc: ParsedDocument, environment: EnvironmentProfile): PgTarget[] {
  return doc.memo(`jvm.pg.targets:${JSON.stringify(environment.versions ?? {})}`, () => {
    const out: PgTarget[] = [];
    const claimed = new Set<number>();
    for (const site of hikariSites(doc, environment)) {
      const target = siteTarget(site, environment);
      if (!target) continue;
      if (target.url) claimed.add(urlRange(target.url).start);
      // A profile document that only inherits the URL adds nothing new to check.
      if (
        out.some(
          (t) =>
            t.url &&
            target.url &&
            urlRange(t.url).start === urlRange(target.url).start &&
            t.driverProperties.length === target.driverProperties.length,
        )
      )
        continue;
      out.push(target);
    }
    const quarkus = doc.grammar === 'java' || doc.grammar === 'kotlin' ? [] : quarkusProperties(doc);
    const spring = springEntries(doc);
    for (const { literal, entry } of valueLiterals(doc)) {
      for (const url of pgUrlsIn(literal)) {
        const range = urlRange(url);
        if (claimed.has(range.start)) continue;
        claimed.add(range.start);
        const isQuarkus = !!entry && spring.some((e) => e.entry === entry && e.norm[0] === 'quarkus');
        out.push({
          label: entry ? entry.key.trim() : 'JDBC URL',
          range,
          url,
          urlUnknown: false,
          driverProperties: isQuarkus ? quarkus : [],
          site: null,
          driverManager: true,
          version: pgjdbcVersion(
            environment,
            spring.some((e) => e.entry === entry && e.norm[0] === 'spring'),
          ),
          insertDriverProperty: () => null,
        });
      }
    }
    return out.sort((a, b) => a.range.start - b.range.start);
  });
}

/** The exact pgJDBC names of the properties the rules know, by their relaxed spelling. */
export const PG_PROPERTY_NAMES = [
  'tcpKeepAlive',
  'socketTimeout',
  'connectTimeout',
  'loginTimeout',
  'cancelSignalTimeout',
  'targetServerType',
  'hostRecheckSeconds',
  'loadBalanceHosts',
  'options',
  'sslmode',
  'ApplicationName',
  'readOnly',
  'prepareThreshold',
  'preparedStatementCacheQueries',
  'reWriteBatchedInserts',
  'assumeMinServerVersion',
  'currentSchema',
  'stringtype',
  'sslfactory',
  'sslcert',
  'sslkey',
  'sslrootcert',
  'sslpassword',
  'gssEncMode',
  'socketFactory',
  'defaultRowFetchSize',
  'autosave',
  'cleanupSavepoints',
  'binaryTransfer',
  'logUnclosedConnections',
  'replication',
] as const;

export function exactPgName(name: string): string | undefined {
  const key = relaxed(name);
  return PG_PROPERTY_NAMES.find((n) => relaxed(n) === key);
}

/** Replaces the value where pgJDBC reads it (URL parameter or map entry), in that place's syntax. */
export function setPgValueEdit(setting: PgSetting, value: string): TextEdit | null {
  if (setting.where === 'url') return setUrlValueEdit(setting.url, setting.param, value);
  const current = setting.property.entry.value;
  if (!current) return null;
  // `addDataSourceProperty("connectTimeout", 0)` stays a number; quoted values keep their quotes.
  return current.number !== null && /^\d+$/.test(value) ? current.write(Number(value)) : current.write(value);
}

/**
 * Sets a pgJDBC property: in place when it is set, else in the URL's query, else (no literal URL) in
 * the pool's driver-property map. `where` says which, for the message.
 */
export function putPgEdit(
  text: string,
  target: PgTarget,
  name: string,
  value: string,
): { edit: TextEdit; where: 'url' | 'map' } | null {
  const existing = pgSetting(target, name);
  if (existing) {
    const edit = setPgValueEdit(existing, value);
    return edit ? { edit, where: existing.where } : null;
  }
  if (target.url) return { edit: addUrlParamEdit(text, target.url, name, value), where: 'url' };
  const edit = target.insertDriverProperty(name, value);
  return edit ? { edit, where: 'map' } : null;
}

/** A pgJDBC integer property in seconds, or null when absent / not a number. */
export function pgSeconds(setting: PgSetting | undefined): number | null {
  if (!setting || setting.value === null) return null;
  const v = setting.value.trim();
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : null;
}

/** True when this HikariCP site connects to PostgreSQL (its URL or data source class says so). */
export function isPostgresSite(site: HikariSite, environment: EnvironmentProfile): boolean {
  return siteTarget(site, environment) !== null;
}

/**
 * A server setting passed in the `options` property (`-c statement_timeout=60000`, `%20` or spaces),
 * in milliseconds; units `ms`, `s`, `min`, `h` as PostgreSQL reads them. Null when absent.
 */
export function optionsSettingMs(target: PgTarget, name: string): number | null {
  const options = pgSetting(target, 'options')?.value;
  if (!options) return null;
  const m = new RegExp(`(?:^|\\s)-c\\s*${name}=(\\d+)\\s*(ms|s|min|h)?(?:\\s|$)`).exec(options);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }[m[2] ?? 'ms'] ?? 1;
  return Number(m[1]) * unit;
}

/**
 * True when `name` is written with the wrong case somewhere pgJDBC would have read it (URL, map,
 * Spring environment variable): jvm.pgjdbc.property-name-case renames it, so rules about the
 * property being absent stay quiet rather than adding a second copy.
 */
export function misspeltPg(doc: ParsedDocument, target: PgTarget, name: string): boolean {
  const key = relaxed(name);
  const wrong = (written: string) => written !== name && relaxed(written) === key;
  if (target.url?.params.some((p) => wrong(p.key))) return true;
  if (target.driverProperties.some((p) => wrong(p.name))) return true;
  if (doc.grammar !== 'properties') return false;
  return propertyEntries(doc).some((e) => {
    const m = /^SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_([A-Z0-9_]+)$/i.exec(e.name);
    return m ? relaxed(m[1] ?? '') === key : false;
  });
}
