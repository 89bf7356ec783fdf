/** The non-HikariCP pool model: Spring Tomcat / DBCP2 keys, c3p0.properties, Quarkus, Java and Kotlin code. */
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../../core/environment';
import { host } from '../../../tests/support/engine';
import type { GrammarId } from '../../../wasm-parsers/grammars';
import { boolOf, poolSites, poolSocketTimeout } from './pools';

async function read(grammar: GrammarId, text: string, environment: EnvironmentProfile = {}) {
  const doc = await host.parse(grammar, text);
  return poolSites(doc, environment);
}

describe('pool sites', () => {
  it('binds spring.datasource.tomcat.* only when Tomcat is the pool, per profile', async () => {
    const yaml = [
      'spring:',
      '  datasource:',
      '    type: org.apache.tomcat.jdbc.pool.DataSource',
      '    url: jdbc:postgresql://db/app?socketTimeout=30',
      '    tomcat:',
      '      validation-interval: 3000',
      '---',
      'spring:',
      '  config:',
      '    activate:',
      '      on-profile: batch',
      '  datasource:',
      '    tomcat:',
      '      validationInterval: 60000',
      '',
    ].join('\n');
    const sites = await read('yaml', yaml);
    expect(sites.map((s) => [s.kind, s.label, s.get('validationInterval')?.value?.number])).toEqual([
      ['tomcat', 'spring.datasource.tomcat', 3000],
      ['tomcat', 'spring.datasource.tomcat (profile batch)', 60000],
    ]);
    expect(sites.every((s) => s.bootValidation && poolSocketTimeout(s) === 30)).toBe(true);
    expect(
      await read('properties', 'spring.datasource.tomcat.max-active=5\n', {
        versions: { springBoot: '3.3' },
      }),
    ).toEqual([]);
    expect(
      (
        await read('properties', 'spring.datasource.tomcat.max-active=5\n', {
          versions: { springBoot: '1.5' },
        })
      )[0]?.kind,
    ).toBe('tomcat');
  });

  it('reads Quarkus default and named PostgreSQL datasources, not other databases', async () => {
    const text = [
      'quarkus.datasource.db-kind=postgresql',
      'quarkus.datasource.jdbc.url=jdbc:postgresql://db/app',
      'quarkus.datasource."reports".db-kind=postgresql',
      'quarkus.datasource."reports".jdbc.validate-on-borrow=true',
      'quarkus.datasource.legacy.db-kind=mysql',
      'quarkus.datasource.health.enabled=true',
      '',
    ].join('\n');
    const sites = await read('properties', text);
    expect(sites.map((s) => s.label)).toEqual(['quarkus.datasource', 'quarkus.datasource."reports"']);
    expect(boolOf(sites[1]?.get('validateOnBorrow'))).toBe(true);
  });

  it('reads Java setters, DBCP 2.10 Duration setters and Kotlin `isX` boolean properties', async () => {
    const java = await read(
      'java',
      'BasicDataSource ds = new BasicDataSource();\nds.setMaxConn(java.time.Duration.ofMinutes(20));\nds.setValidationQueryTimeout(java.time.Duration.ofSeconds(3));\n',
    );
    expect(java[0]?.get('maxConnLifetimeMillis')?.value?.number).toBe(1_200_000);
    expect(java[0]?.get('validationQueryTimeout')?.value?.number).toBe(3);
    const kotlin = await read(
      'kotlin',
      'import org.apache.tomcat.jdbc.pool.DataSource\nval ds = DataSource().apply {\n    isTestOnBorrow = false\n}\n',
    );
    expect(kotlin[0]?.kind).toBe('tomcat');
    expect(boolOf(kotlin[0]?.get('testOnBorrow'))).toBe(false);
  });

  it('treats a Tomcat DataSource built from PoolProperties as configured elsewhere', async () => {
    const sites = await read(
      'java',
      'import org.apache.tomcat.jdbc.pool.*;\nPoolProperties p = new PoolProperties();\nDataSource ds = new DataSource();\nds.setPoolProperties(p);\n',
    );
    expect(sites.map((s) => [s.label, s.partial])).toEqual([
      ['PoolProperties p', false],
      ['DataSource ds', true],
    ]);
  });
});
