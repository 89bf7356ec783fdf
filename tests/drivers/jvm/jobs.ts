/**
 * Turns JVM fixtures into jobs for Harness.java: every pool a file builds (HikariCP from Spring keys,
 * hikari.properties or code; Tomcat JDBC / DBCP2 from Spring keys or code; c3p0 from c3p0.properties or
 * code; Java and Kotlin) and every pgJDBC URL in it, pointed at the throwaway server. Only the host,
 * port and database of a URL change: its query, which is what the rules edit, is kept whole.
 * Spring Boot itself is not installed: Spring files are flattened the way Boot's YAML and properties
 * loaders flatten them (with staleproof's own reader) and Harness / Pools bind spring.datasource.* onto
 * the pool by relaxed name, as Boot's binder does for the keys a pool uses.
 */
import type { EnvironmentProfile } from '../../../core/environment';
import {
  type HikariProp,
  type HikariSite,
  hikariSites,
  springPool,
  visibleEntries,
} from '../../../rules/jvm/_lib/hikari';
import { pgUrlsIn } from '../../../rules/jvm/_lib/jdbc-url';
import { isPostgresSite, valueLiterals } from '../../../rules/jvm/_lib/pg';
import { type PoolKind, type PoolSite, poolSites } from '../../../rules/jvm/_lib/pools';
import { propertyEntries } from '../../../rules/jvm/_lib/properties';
import { springDocuments, startsWith } from '../../../rules/jvm/_lib/spring';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';

export interface Target {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

/** Hikari settings a job's pool must report exactly as the file writes them (literal values only). */
export type Expected = Partial<Record<HikariProp, number | string>>;

/** Tomcat JDBC / DBCP2 / c3p0 settings a pool must report as the file writes them (by getter name). */
export type PoolExpected = Record<string, number | string | boolean>;

export type Job =
  | { id: string; kind: 'props'; text: string; expected: Expected }
  | {
      id: string;
      kind: 'pool';
      pool: Exclude<PoolKind, 'quarkus'>;
      properties: Record<string, string>;
      expected: PoolExpected;
    }
  | { id: string; kind: 'spring'; properties: Record<string, string>; expected: Expected }
  | {
      id: string;
      kind: 'java';
      source: string;
      className: string;
      method: string;
      names: string[];
      /** Per returned pool name: what a Tomcat / DBCP2 / c3p0 pool must report. */
      poolExpected?: Record<string, PoolExpected>;
      kotlin?: boolean;
    }
  | { id: string; kind: 'url'; url: string };

export const TRACKED: readonly HikariProp[] = [
  'maxLifetime',
  'idleTimeout',
  'connectionTimeout',
  'validationTimeout',
  'maximumPoolSize',
  'keepaliveTime',
  'connectionTestQuery',
];

export function retargetUrl(url: string, target: Target, credentials = false): string {
  const q = url.indexOf('?');
  const query = q >= 0 ? url.slice(q) : '';
  const creds = credentials
    ? `${query ? (/[?&]$/.test(query) ? '' : '&') : '?'}user=${target.user}&password=${target.password}`
    : '';
  return `jdbc:postgresql://${target.host}:${target.port}/${target.database}${query}${creds}`;
}

/** The file with every pgJDBC URL retargeted in place (source ranges from the literal's offsets). */
function retargetSource(doc: ParsedDocument, target: Target, credentials: boolean): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const { literal } of valueLiterals(doc)) {
    for (const url of pgUrlsIn(literal)) {
      const start = literal.offsets[url.start] ?? 0;
      const end = literal.offsets[url.end] ?? start;
      edits.push({ start, end, text: retargetUrl(url.text, target, credentials) });
    }
  }
  let out = doc.text;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function expectedOf(site: HikariSite): Expected {
  const out: Expected = {};
  for (const prop of TRACKED) {
    const value = site.get(prop)?.value;
    if (!value) continue;
    if (prop === 'connectionTestQuery') {
      if (value.literal) out[prop] = value.literal.value;
    } else if (value.number !== null) {
      out[prop] = value.number;
    }
  }
  return out;
}

/** `${NAME:default}` → default; a bare `${NAME}` in the URL → the test URL; any other → dropped. */
function resolvePlaceholders(value: string, isUrl: boolean, target: Target): string | null {
  if (!value.includes('${')) return value;
  const m = /^\$\{[^}:]+(?::([^}]*))?\}$/.exec(value.trim());
  if (isUrl) return retargetUrl(m?.[1] ?? '', target);
  return m?.[1] ?? null;
}

const WRAP_IMPORTS = [
  'com.zaxxer.hikari.HikariConfig',
  'com.zaxxer.hikari.HikariDataSource',
  'java.util.concurrent.TimeUnit',
  'java.time.Duration',
  'javax.sql.DataSource',
  'org.apache.commons.dbcp2.BasicDataSource',
  'org.apache.tomcat.jdbc.pool.PoolProperties',
  'com.mchange.v2.c3p0.ComboPooledDataSource',
];

/** The settings each pool's getters report (tests/drivers/jvm/Pools.java), by bean name. */
export const POOL_TRACKED: Record<Exclude<PoolKind, 'quarkus'>, string[]> = {
  tomcat: [
    'testOnBorrow',
    'testWhileIdle',
    'validationInterval',
    'validationQuery',
    'validationQueryTimeout',
    'maxWait',
    'maxAge',
  ],
  dbcp2: [
    'testOnBorrow',
    'testWhileIdle',
    'validationQuery',
    'validationQueryTimeout',
    'maxConnLifetimeMillis',
    'maxWaitMillis',
  ],
  c3p0: [
    'testConnectionOnCheckout',
    'idleConnectionTestPeriod',
    'preferredTestQuery',
    'automaticTestTable',
    'checkoutTimeout',
    'connectionIsValidTimeout',
  ],
};

function poolExpectedOf(site: PoolSite): PoolExpected {
  const out: PoolExpected = {};
  if (site.kind === 'quarkus') return out;
  for (const prop of POOL_TRACKED[site.kind]) {
    const value = site.get(prop)?.value;
    if (!value) continue;
    if (value.number !== null) out[prop] = value.number;
    else if (value.literal && /^(true|false)$/i.test(value.literal.value.trim()))
      out[prop] = value.literal.value.trim().toLowerCase() === 'true';
    else if (value.literal) out[prop] = value.literal.value;
  }
  return out;
}

/** Expected values per variable name (`BasicDataSource ds` → ds). */
function codePoolExpected(
  doc: ParsedDocument,
  environment: EnvironmentProfile,
): Record<string, PoolExpected> {
  const out: Record<string, PoolExpected> = {};
  for (const site of poolSites(doc, environment)) {
    const name = site.label.split(' ').at(-1) ?? '';
    if (name && !name.includes('(')) out[name] = poolExpectedOf(site);
  }
  return out;
}

/**
 * A Java fixture as a compilable class: a whole class keeps its body (renamed, package dropped) and
 * its `public static` pool factory is called; a statement snippet is wrapped in a method returning
 * every HikariConfig / HikariDataSource it declares. Null when it builds no pool (a method alone).
 */
function javaJob(id: string, source: string, className: string): Job | null {
  if (/\bclass\s+\w+/.test(source)) {
    const factory = /public\s+static\s+(?:HikariDataSource|HikariConfig|DataSource)\s+(\w+)\s*\(\s*\)/.exec(
      source,
    );
    if (!factory?.[1]) return null;
    const body = source
      .replace(/^\s*package\s+[\w.]+;\s*$/m, '')
      .replace(/\bpublic\s+class\s+\w+/, `public class ${className}`);
    return { id, kind: 'java', source: body, className, method: factory[1], names: [factory[1]] };
  }
  if (
    /^[\w<>[\],\s]+\s\w+\s*\([^)]*\)\s*\{/m.test(
      source.replace(/^\s*(HikariConfig|HikariDataSource|var)\b.*$/gm, ''),
    )
  ) {
    return null;
  }
  const names = [
    ...source.matchAll(
      /\b(?:HikariConfig|HikariDataSource|BasicDataSource|PoolProperties|ComboPooledDataSource)\s+(\w+)\s*=/g,
    ),
  ].map((m) => m[1] as string);
  if (names.length === 0) return null;
  const imports = WRAP_IMPORTS.map((i) => `import ${i};`).join('\n');
  const wrapped = `${imports}\npublic class ${className} {\n  public static Object[] build() throws Exception {\n${source}\n    return new Object[] { ${names.join(', ')} };\n  }\n}\n`;
  return { id, kind: 'java', source: wrapped, className, method: 'build', names };
}

const KOTLIN_POOL =
  /\b(HikariConfig|HikariDataSource|BasicDataSource|PoolProperties|ComboPooledDataSource|DataSource)\s*\(/;

/**
 * A Kotlin fixture as a compilable file in its own package: its imports and top-level declarations
 * kept, plus an object whose `build()` returns every pool the file makes (top-level `val`s, no-arg
 * functions, properties of an `object`). Null when it builds none the harness can call.
 */
function kotlinJob(id: string, source: string, n: string): Job | null {
  const lines = source.split('\n');
  const imports = lines.filter((l) => /^import\s/.test(l));
  const body = lines.filter((l) => !/^(import|package)\s/.test(l)).join('\n');
  const exprs: string[] = [];
  for (const m of body.matchAll(/^val\s+(\w+)\s*(?::[^=]+)?=\s*(.*)$/gm))
    if (KOTLIN_POOL.test(m[2] ?? '')) exprs.push(m[1] as string);
  for (const m of body.matchAll(/^fun\s+(\w+)\s*\(\s*\)/gm)) exprs.push(`${m[1]}()`);
  for (const m of body.matchAll(/^object\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const v of (m[2] ?? '').matchAll(/^\s+val\s+(\w+)\s*=\s*(.*)$/gm))
      if (KOTLIN_POOL.test(v[2] ?? '')) exprs.push(`${m[1]}.${v[1]}`);
  }
  if (exprs.length === 0) return null;
  const className = `Fx${n}`;
  const pkg = `fx${n.toLowerCase()}`;
  const wrapped = [
    `package ${pkg}`,
    ...imports,
    ...WRAP_IMPORTS.filter((i) => i !== 'javax.sql.DataSource' && !imports.some((l) => l.includes(i))).map(
      (i) => `import ${i}`,
    ),
    body,
    `object ${className} {`,
    `    @JvmStatic fun build(): Array<Any> = arrayOf<Any>(${exprs.join(', ')})`,
    '}',
    '',
  ].join('\n');
  return {
    id,
    kind: 'java',
    kotlin: true,
    source: wrapped,
    className: `${pkg}.${className}`,
    method: 'build',
    names: exprs.map((e) => e.replace(/\(\)$/, '').split('.').at(-1) ?? e),
  };
}

export interface FileJobs {
  pools: Job[];
  urls: Job[];
  /** Per pool job: the site it builds (for expected values). */
  notes: string[];
}

export function jobsFor(
  id: string,
  doc: ParsedDocument,
  ext: string,
  target: Target,
  environment: EnvironmentProfile = {},
): FileJobs {
  const pools: Job[] = [];
  const notes: string[] = [];
  if (ext === 'java' || ext === 'kt') {
    const source = retargetSource(doc, target, true);
    const job =
      ext === 'kt'
        ? kotlinJob(`${id}#kotlin`, source, id.replace(/\W/g, '_'))
        : javaJob(`${id}#java`, source, `Fx${id.replace(/\W/g, '_')}`);
    if (job && job.kind === 'java') {
      job.poolExpected = codePoolExpected(doc, environment);
      pools.push(job);
    } else notes.push('builds no pool in a form the harness can call');
  } else if (ext === 'properties' || ext === 'yml' || ext === 'yaml') {
    const sites = hikariSites(doc, environment);
    const standalone = sites.find((s) => s.shape === 'hikari-properties');
    if (standalone && isPostgresSite(standalone, environment)) {
      pools.push({
        id: `${id}#props`,
        kind: 'props',
        text: retargetSource(doc, target, false),
        expected: expectedOf(standalone),
      });
    }
    const docs = springDocuments(doc);
    const springSites = sites.filter((s) => s.shape === 'spring');
    let n = 0;
    for (const document of docs) {
      if (!document.entries.some((e) => startsWith(e, ['spring', 'datasource']))) continue;
      const visible = visibleEntries(docs, document);
      if (springPool(visible, environment) !== 'hikari') continue;
      const site = springSites[n];
      n++;
      if (site?.url && !isPostgresSite(site, environment)) {
        notes.push('not a PostgreSQL pool');
        continue;
      }
      const properties: Record<string, string> = {};
      for (const e of visible) {
        if (!startsWith(e, ['spring', 'datasource'])) continue;
        const raw = e.entry.value?.literal?.value ?? e.entry.value?.text;
        if (raw === undefined) continue;
        const isUrl =
          (e.norm.length === 3 && e.norm[2] === 'url') || (e.norm.length === 4 && e.norm[3] === 'jdbcurl');
        const resolved = resolvePlaceholders(raw, isUrl, target);
        if (resolved === null) continue;
        properties[e.segments.join('.')] =
          isUrl && resolved.startsWith('jdbc:postgresql:') ? retargetUrl(resolved, target) : resolved;
      }
      // A fixture with only pool keys: Boot would need a URL from elsewhere; the test server's stands in.
      if (!Object.keys(properties).some((k) => /^spring\.datasource\.(url|hikari\.jdbc-?url)$/i.test(k))) {
        properties['spring.datasource.url'] = retargetUrl('jdbc:postgresql://x/y', target);
      }
      pools.push({
        id: `${id}#spring${n - 1}`,
        kind: 'spring',
        properties,
        expected: site ? expectedOf(site) : {},
      });
    }
    pools.push(...otherPoolJobs(id, doc, target, environment));
  }
  const urls: Job[] = [];
  valueLiterals(doc).forEach(({ literal }) => {
    for (const url of pgUrlsIn(literal))
      urls.push({ id: `${id}#url${urls.length}`, kind: 'url', url: retargetUrl(url.text, target) });
  });
  return { pools, urls, notes };
}

/** Spring Tomcat / DBCP2 documents and c3p0.properties, flattened for Pools.bind. */
function otherPoolJobs(
  id: string,
  doc: ParsedDocument,
  target: Target,
  environment: EnvironmentProfile,
): Job[] {
  const out: Job[] = [];
  const docs = springDocuments(doc);
  const sites = poolSites(doc, environment);
  for (const site of sites) {
    if (site.kind === 'quarkus') continue;
    const properties: Record<string, string> = {};
    if (site.shape === 'c3p0-properties') {
      for (const e of propertyEntries(doc)) {
        const raw = e.value?.literal?.value ?? e.value?.text;
        if (raw === undefined || !e.name.startsWith('c3p0.')) continue;
        properties[e.name] = e.name === 'c3p0.jdbcUrl' ? retargetUrl(raw, target) : raw;
      }
    } else if (site.shape === 'spring') {
      const document = docs.find((d) => d.index === site.document);
      const visible = document ? visibleEntries(docs, document) : [];
      for (const e of visible) {
        if (!startsWith(e, ['spring', 'datasource'])) continue;
        const raw = e.entry.value?.literal?.value ?? e.entry.value?.text;
        if (raw === undefined) continue;
        const isUrl = e.norm.length === 3 && e.norm[2] === 'url';
        const resolved = resolvePlaceholders(raw, isUrl, target);
        if (resolved === null) continue;
        properties[e.segments.join('.')] =
          isUrl && resolved.startsWith('jdbc:postgresql:') ? retargetUrl(resolved, target) : resolved;
      }
      if (!Object.keys(properties).some((k) => /^spring\.datasource\.url$/i.test(k)))
        properties['spring.datasource.url'] = retargetUrl('jdbc:postgresql://x/y', target);
    } else {
      continue;
    }
    out.push({
      id: `${id}#${site.kind}${out.length}`,
      kind: 'pool',
      pool: site.kind,
      properties,
      expected: poolExpectedOf(site),
    });
  }
  return out;
}

/** `key=value` lines java.util.Properties reads back exactly. */
export function propertiesText(properties: Record<string, string>): string {
  const esc = (s: string, key: boolean) =>
    s
      .replace(/\\/g, '\\\\')
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(key ? /([=: #!])/g : /^([ #!])/, '\\$1');
  return Object.entries(properties)
    .map(([k, v]) => `${esc(k, true)}=${esc(v, false)}`)
    .join('\n');
}
