/** The JVM config model: one reading of every shape, and edits in each file's own style. */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../core/edits';
import type { TextEdit } from '../../../core/types';
import { host } from '../../../tests/support/engine';
import type { GrammarId } from '../../../wasm-parsers/grammars';
import { hikariSites } from './hikari';
import { addUrlParamEdit, parsePgUrl, pgUrlsIn } from './jdbc-url';
import { plainLiteral, propertiesLiteral } from './literal';
import { pgSetting, pgTargets } from './pg';

async function sites(grammar: GrammarId, text: string) {
  const doc = await host.parse(grammar, text);
  return { doc, sites: hikariSites(doc, {}) };
}

function apply(text: string, edit: TextEdit | null): string {
  if (!edit) throw new Error('no edit');
  return applyEdits(text, [edit]);
}

describe('Spring relaxed binding', () => {
  it('reads kebab, camel and snake spellings as one key and keeps the file spelling in messages', async () => {
    for (const key of ['keepalive-time', 'keepaliveTime', 'keepalive_time', 'KEEPALIVE-TIME']) {
      const {
        sites: [site],
      } = await sites('properties', `spring.datasource.hikari.${key}=60000\n`);
      expect(site?.get('keepaliveTime')?.value?.number).toBe(60000);
      expect(site?.spell('keepaliveTime')).toBe(`spring.datasource.hikari.${key}`);
    }
  });

  it('flattens nested YAML, dotted YAML keys and map keys in brackets', async () => {
    const yaml =
      'spring:\n  datasource.hikari:\n    maxLifetime: 600000\n    data-source-properties:\n      "[tcpKeepAlive]": true\n';
    const {
      sites: [site],
    } = await sites('yaml', yaml);
    expect(site?.get('maxLifetime')?.value?.number).toBe(600000);
    expect(site?.driverProperties.map((p) => p.name)).toEqual(['tcpKeepAlive']);
  });

  it('treats Spring placeholders as values it cannot know', async () => {
    const placeholder = `$${'{'}POOL_LIFETIME:0}`;
    const {
      sites: [site],
    } = await sites('properties', `spring.datasource.hikari.max-lifetime=${placeholder}\n`);
    const value = site?.get('maxLifetime')?.value;
    expect(value?.placeholder).toBe(true);
    expect(value?.literal).toBeNull();
    expect(value?.number).toBeNull();
  });

  it('lets a profile document inherit from the default one and adds missing keys once', async () => {
    const text =
      'spring.datasource.url=jdbc:postgresql://a/b\n#---\nspring.config.activate.on-profile=prod\nspring.datasource.hikari.max-lifetime=60000\n';
    const { sites: all } = await sites('properties', text);
    expect(all.map((s) => [s.label, s.ownsMissing])).toEqual([
      ['spring.datasource.hikari', true],
      ['spring.datasource.hikari (profile prod)', false],
    ]);
    expect(all[1]?.url?.value?.literal?.value).toBe('jdbc:postgresql://a/b');
  });
});

describe('inserting keys', () => {
  it('properties: after the related group, with its separator and CRLF', async () => {
    const text =
      'spring.datasource.url: jdbc:postgresql://a/b\r\nspring.datasource.hikari.maximum-pool-size: 5\r\nserver.port: 8080\r\n';
    const {
      sites: [site],
    } = await sites('properties', text);
    expect(apply(text, site?.insert('keepaliveTime', 120000) ?? null)).toBe(
      'spring.datasource.url: jdbc:postgresql://a/b\r\nspring.datasource.hikari.maximum-pool-size: 5\r\nspring.datasource.hikari.keepalive-time: 120000\r\nserver.port: 8080\r\n',
    );
  });

  it('YAML: inside the right mapping, creating missing levels with the file indentation', async () => {
    const text =
      'spring:\n    datasource:\n        url: jdbc:postgresql://a/b\n    jpa:\n        show-sql: true\n';
    const {
      sites: [site],
    } = await sites('yaml', text);
    expect(apply(text, site?.insert('keepaliveTime', 120000) ?? null)).toBe(
      'spring:\n    datasource:\n        url: jdbc:postgresql://a/b\n        hikari:\n            keepalive-time: 120000\n    jpa:\n        show-sql: true\n',
    );
  });

  it('YAML: under an empty `hikari:` key, and not at all into a flow mapping', async () => {
    const empty = 'spring:\n  datasource:\n    url: jdbc:postgresql://a/b\n    hikari:\n';
    const {
      sites: [a],
    } = await sites('yaml', empty);
    expect(apply(empty, a?.insert('maxLifetime', 600000) ?? null)).toBe(
      `${empty.trimEnd()}\n      max-lifetime: 600000\n`,
    );
    const flow =
      'spring:\n  datasource:\n    url: jdbc:postgresql://a/b\n    hikari: {maximum-pool-size: 5}\n';
    const {
      sites: [b],
    } = await sites('yaml', flow);
    expect(b?.insert('maxLifetime', 600000)).toBeNull();
  });

  it('Java: a new setter after the last one on the same variable, with its indentation', async () => {
    const text =
      'void f() {\n    HikariConfig a = new HikariConfig();\n    a.setMaximumPoolSize(5);\n    HikariConfig b = new HikariConfig();\n    b.setMaxLifetime(60_000L);\n}\n';
    const {
      sites: [a, b],
    } = await sites('java', text);
    expect(apply(text, a?.insert('keepaliveTime', 120000) ?? null)).toContain(
      'a.setMaximumPoolSize(5);\n    a.setKeepaliveTime(120000);\n    HikariConfig b',
    );
    // Grouped digits in the file: grouped digits in the new line.
    expect(apply(text, b?.insert('keepaliveTime', 120000) ?? null)).toContain('b.setKeepaliveTime(120_000);');
  });
});

describe('Java values', () => {
  it('evaluates constant expressions only', async () => {
    const text = [
      'HikariConfig c = new HikariConfig();',
      'c.setMaxLifetime(2 * 60 * 1000);',
      'c.setIdleTimeout(TimeUnit.MINUTES.toMillis(5));',
      'c.setKeepaliveTime(Duration.ofSeconds(90).toMillis());',
      'c.setConnectionTimeout(TIMEOUT);',
      'c.setValidationTimeout(120_000L);',
    ].join('\n');
    const {
      sites: [site],
    } = await sites('java', text);
    expect(site?.get('maxLifetime')?.value?.number).toBe(120000);
    expect(site?.get('idleTimeout')?.value?.number).toBe(300000);
    expect(site?.get('keepaliveTime')?.value?.number).toBe(90000);
    expect(site?.get('connectionTimeout')?.value?.number).toBeNull();
    expect(site?.get('validationTimeout')?.value?.number).toBe(120000);
    expect(site?.get('validationTimeout')?.value?.write(5000).text).toBe('5_000L');
  });

  it('takes a builder chain typed HikariDataSource as a pool, and nothing else', async () => {
    const text =
      'HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class).url("jdbc:postgresql://a/b").build();\nBasicDataSource other = new BasicDataSource();\nother.setMaxWait(1);\n';
    const { sites: all } = await sites('java', text);
    expect(all.map((s) => s.label)).toEqual(['HikariDataSource ds']);
    expect(all[0]?.url?.value?.literal?.value).toBe('jdbc:postgresql://a/b');
  });
});

describe('JDBC URLs', () => {
  it('parses every pgJDBC form and keeps parameter names as written', () => {
    const urls = pgUrlsIn(
      plainLiteral(
        'x jdbc:postgresql:orders?TcpKeepAlive=true and jdbc:postgresql://h1:5432,[::1]:6432/db',
        0,
      ),
    );
    expect(urls.map((u) => [u.database, u.hosts.length, u.params.map((p) => p.key)])).toEqual([
      ['orders', 0, ['TcpKeepAlive']],
      ['db', 2, []],
    ]);
  });

  it('adds a parameter with ? or & as needed, through properties escapes', () => {
    const escaped = 'jdbc\\:postgresql\\://db\\:5432/app';
    const literal = propertiesLiteral(escaped, 0);
    const url = parsePgUrl(literal, 0, literal.value.length);
    expect(applyEdits(escaped, [addUrlParamEdit(escaped, url, 'tcpKeepAlive', 'true')])).toBe(
      `${escaped}?tcpKeepAlive=true`,
    );
    for (const [before, after] of [
      ['jdbc:postgresql://db/app?', 'jdbc:postgresql://db/app?tcpKeepAlive=true'],
      ['jdbc:postgresql://db/app?ssl=true', 'jdbc:postgresql://db/app?ssl=true&tcpKeepAlive=true'],
    ] as const) {
      const u = parsePgUrl(plainLiteral(before, 0), 0, before.length);
      expect(applyEdits(before, [addUrlParamEdit(before, u, 'tcpKeepAlive', 'true')])).toBe(after);
    }
  });

  it('lets the URL win over the driver-property map, as pgJDBC parseURL does', async () => {
    const text = 'jdbcUrl=jdbc:postgresql://db/app?tcpKeepAlive=false\ndataSource.tcpKeepAlive=true\n';
    const doc = await host.parse('properties', text);
    const [target] = pgTargets(doc, {});
    expect(target && pgSetting(target, 'tcpKeepAlive')).toMatchObject({ where: 'url', value: 'false' });
  });
});

describe('Kotlin', () => {
  it('reads apply blocks, variable assignments and setter calls as one HikariCP site each', async () => {
    const text = [
      'val a = HikariDataSource(HikariConfig().apply {',
      '    jdbcUrl = "jdbc:postgresql://db/app"',
      '    maxLifetime = 2 * 60 * 1000L',
      '})',
      'fun b(): HikariDataSource {',
      '    val config = HikariConfig()',
      '    config.setKeepaliveTime(TimeUnit.SECONDS.toMillis(45))',
      '    config.maxLifetime = 20_000',
      '    return HikariDataSource(config)',
      '}',
      '',
    ].join('\n');
    const { sites: found } = await sites('kotlin', text);
    expect(found.map((s) => s.label)).toEqual(['HikariConfig().apply', 'HikariConfig config']);
    expect(found[0]?.get('maxLifetime')?.value?.number).toBe(120_000);
    expect(found[0]?.url?.value?.literal?.value).toBe('jdbc:postgresql://db/app');
    expect(found[1]?.get('keepaliveTime')?.value?.number).toBe(45_000);
    expect(apply(text, found[1]?.get('maxLifetime')?.value?.write(30_000) ?? null)).toContain(
      'config.maxLifetime = 30_000',
    );
    expect(apply(text, found[0]?.insert('keepaliveTime', 120_000) ?? null)).toContain(
      '    maxLifetime = 2 * 60 * 1000L\n    keepaliveTime = 120000\n})',
    );
    expect(apply(text, found[1]?.insert('keepaliveTime', 120_000) ?? null)).toContain(
      '    config.maxLifetime = 20_000\n    config.keepaliveTime = 120_000\n',
    );
  });

  it('leaves string templates unknown and is detected from content', async () => {
    const { sites: found } = await sites(
      'kotlin',
      'val c = HikariConfig().apply { jdbcUrl = "jdbc:postgresql://$host/app" }\n',
    );
    expect(found[0]?.url?.value?.literal).toBeNull();
    const { detectFormat } = await import('../../../wasm-parsers/detect');
    expect(
      detectFormat('val ds = HikariDataSource(HikariConfig().apply {\n    maxLifetime = 20_000\n})\n').format,
    ).toBe('kotlin');
    expect(detectFormat('HikariConfig cfg = new HikariConfig();\ncfg.setMaxLifetime(20000);\n').format).toBe(
      'java',
    );
  });
});
