/**
 * reference/jvm.md §5 with each vector's version context as an environment profile: exactly the
 * reference's rule ids fire (every JVM catalog: pgJDBC, HikariCP, Spring, Tomcat JDBC, DBCP2, c3p0,
 * Quarkus, JVM flags), each with the reference's kind of fix, and the safe patch is the reference's,
 * byte for byte (expected files written by hand from the reference).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import type { FixSafety } from '../../core/types';
import { engine } from '../../tests/support/engine';
import { RULES } from '../index';

const here = new URL('./_vectors/', import.meta.url).pathname;
const MINE = RULES.filter((r) => r.id.startsWith('jvm.')).map((r) => r.id);
const TR = {
  'jvm.pgjdbc.socket-timeout-zero': 'none',
  'jvm.pgjdbc.login-timeout-missing': 'review',
} as const;

interface JvmVector {
  id: string;
  file: string;
  environment: EnvironmentProfile;
  fires: Record<string, FixSafety | 'none'>;
  /** Where staleproof knowingly differs from the reference, and why. */
  differs?: string;
}

const VECTORS: JvmVector[] = [
  {
    id: 'V1',
    file: 'v01-java-setters.java',
    environment: { versions: { hikariCP: '5.1.0' } },
    fires: {
      'jvm.hikari.connection-test-query-jdbc4': 'safe',
      'jvm.hikari.keepalive-too-low': 'safe',
      'jvm.pgjdbc.tcp-keepalive-missing': 'safe',
      ...TR,
    },
  },
  {
    id: 'V2',
    file: 'v02-kotlin-apply.kt',
    environment: { versions: { hikariCP: '6.3.0' } },
    fires: {
      'jvm.hikari.max-lifetime-too-low': 'safe',
      // The reference's "info: implicit keepalive (120000) ≥ new ML ⇒ disabled by Hikari, no patch".
      'jvm.hikari.keepalive-ge-max-lifetime': 'none',
      'jvm.pgjdbc.multihost-without-target-server-type': 'review',
      ...TR,
    },
  },
  {
    id: 'V3',
    file: 'v03-properties-kebab.properties',
    environment: { versions: { springBoot: '3.3' } },
    fires: {
      'jvm.hikari.max-lifetime-zero': 'safe',
      'jvm.hikari.connection-test-query-jdbc4': 'safe',
      'jvm.hikari.keepalive-missing': 'safe',
      'jvm.pgjdbc.tcp-keepalive-missing': 'safe',
      ...TR,
    },
  },
  {
    id: 'V4',
    file: 'v04-properties-camel.properties',
    environment: { versions: { springBoot: '3.4' } },
    fires: { 'jvm.hikari.keepalive-too-low': 'safe', 'jvm.pgjdbc.property-name-case': 'safe', ...TR },
  },
  {
    id: 'V5',
    file: 'v05-yaml-nested.yml',
    environment: { versions: { springBoot: '3.3' } },
    fires: {
      'jvm.hikari.idle-timeout-clamped': 'safe',
      'jvm.hikari.keepalive-ge-max-lifetime': 'safe',
      'jvm.pgjdbc.tcp-keepalive-missing': 'safe',
      ...TR,
    },
  },
  {
    id: 'V6',
    file: 'v06-hikari.properties',
    environment: {},
    fires: {
      'jvm.pgjdbc.tcp-keepalive-invalid-value': 'safe',
      'jvm.hikari.connection-timeout-infinite': 'review',
      'jvm.hikari.keepalive-missing': 'review',
      ...TR,
    },
  },
  {
    id: 'V7',
    file: 'v07-tomcat-via-spring.properties',
    environment: { versions: { springBoot: '2.7' } },
    fires: {
      'jvm.tomcat.validation-interval-long': 'safe',
      'jvm.tomcat.validation-unbounded': 'review',
      'jvm.pgjdbc.tcp-keepalive-missing': 'safe',
      ...TR,
    },
    differs:
      "validation-unbounded's review proposal keeps `validation-query=SELECT 1`: Spring Boot's Tomcat auto-configuration sets that query itself, so deleting the line would change nothing.",
  },
  {
    id: 'V8',
    file: 'v08-generic-keys.properties',
    environment: { versions: { springBoot: '2.6' } },
    fires: { 'jvm.spring.generic-pool-keys-ignored': 'safe', 'jvm.hikari.keepalive-missing': 'safe' },
  },
  {
    id: 'V9',
    file: 'v09-dbcp2.java',
    environment: { versions: { dbcp2: '2.12' } },
    fires: {
      'jvm.dbcp2.validation-unbounded': 'safe',
      'jvm.pgjdbc.tcp-keepalive-missing': 'safe',
      'jvm.dbcp2.max-conn-lifetime-missing': 'review',
      'jvm.dbcp2.max-wait-infinite': 'review',
      ...TR,
    },
  },
  {
    id: 'V10',
    file: 'v10-c3p0.properties',
    environment: { versions: { c3p0: '0.10.0' } },
    fires: {
      'jvm.c3p0.no-connection-testing': 'safe',
      'jvm.c3p0.preferred-test-query-jdbc4': 'safe',
      'jvm.pgjdbc.tcp-keepalive-missing': 'safe',
      'jvm.c3p0.checkout-timeout': 'review',
      'jvm.c3p0.is-valid-timeout-missing': 'review',
      ...TR,
    },
  },
  {
    id: 'V11',
    file: 'v11-quarkus.properties',
    environment: {},
    fires: {
      'jvm.pgjdbc.tcp-keepalive-missing': 'safe',
      'jvm.quarkus.no-foreground-validation': 'review',
      ...TR,
    },
  },
  {
    id: 'V12',
    file: 'v12-bare-url.properties',
    environment: {},
    fires: { 'jvm.pgjdbc.target-server-type-invalid': 'safe', ...TR },
  },
  {
    id: 'V13',
    file: 'v13-jvm-flags.env',
    environment: {},
    fires: { 'jvm.jvm.dns-ttl-wrong-mechanism': 'safe' },
  },
  {
    id: 'V14',
    file: 'v14-builder.java',
    environment: { versions: { hikariCP: '5.1.0' } },
    fires: {
      'jvm.hikari.validation-timeout-ge-connection-timeout': 'safe',
      'jvm.hikari.keepalive-missing': 'safe',
    },
  },
  {
    id: 'V15',
    file: 'v15-env-vars.env',
    environment: { versions: { springBoot: '3.5' } },
    fires: { 'jvm.pgjdbc.property-name-case': 'safe', ...TR },
  },
  {
    id: 'V16',
    file: 'v16-explicit-zero.yml',
    environment: { versions: { springBoot: '3.5' } },
    fires: { 'jvm.hikari.keepalive-missing': 'safe' },
    differs:
      'The emptied `hikari:` key is removed with the line (the reference allows it: "may be removed").',
  },
];

function expectedFile(file: string): string {
  const dot = file.lastIndexOf('.');
  return `${file.slice(0, dot)}.fixed${file.slice(dot)}`;
}

describe('reference/jvm.md §5 vectors (every JVM rule)', () => {
  for (const vector of VECTORS) {
    it(`${vector.id} (${vector.file}) fires ${Object.keys(vector.fires).join(', ')}`, async () => {
      const text = readFileSync(join(here, vector.file), 'utf8');
      const options = { filename: vector.file, environment: vector.environment, rules: MINE };
      const result = await engine.analyse(text, options);
      expect(result.problems).toEqual([]);
      const fired = Object.fromEntries(
        result.findings.map((f) => [f.ruleId, f.fix ? f.fix.safety : 'none'] as const),
      );
      expect(fired).toEqual(vector.fires);
      const expected = join(here, expectedFile(vector.file));
      expect(result.patched).toBe(existsSync(expected) ? readFileSync(expected, 'utf8') : text);
      const again = await engine.analyse(result.patched, options);
      expect(again.patched).toBe(result.patched);
    });
  }

  it('covers all sixteen vectors', () => {
    expect(VECTORS.map((v) => v.id)).toEqual(Array.from({ length: 16 }, (_, i) => `V${i + 1}`));
  });
});

describe('version awareness', () => {
  const keepalive = async (file: string, text: string, environment: EnvironmentProfile) =>
    (await engine.analyse(text, { filename: file, environment, rules: MINE })).findings
      .filter((f) => f.ruleId.startsWith('jvm.hikari.keepalive'))
      .map((f) => `${f.ruleId}:${f.severity}:${f.fix?.safety ?? 'none'}`);
  const spring =
    'spring.datasource.url=jdbc:postgresql://db/app?tcpKeepAlive=true\nspring.datasource.hikari.maximum-pool-size=5\n';

  it('HikariCP 6.2.1+ (Boot 3.5) has keepalive on by default: no finding', async () => {
    expect(await keepalive('a.properties', spring, { versions: { springBoot: '3.5' } })).toEqual([]);
    expect(await keepalive('a.properties', spring, { versions: { hikariCP: '6.2.1' } })).toEqual([]);
  });

  it('HikariCP 4.0.0–6.2.0 and unknown versions get the keepalive', async () => {
    for (const environment of [
      { versions: { hikariCP: '6.2.0' } },
      { versions: { springBoot: '2.5' } },
      {},
    ]) {
      expect(await keepalive('a.properties', spring, environment)).toEqual([
        'jvm.hikari.keepalive-missing:warning:safe',
      ]);
    }
  });

  it('before HikariCP 4.0.0 nothing is proposed, and a configured keepalive is reported as unsupported', async () => {
    expect(await keepalive('a.properties', spring, { versions: { springBoot: '2.4' } })).toEqual([]);
    const configured = `${spring}spring.datasource.hikari.keepalive-time=60000\n`;
    expect(await keepalive('a.properties', configured, { versions: { springBoot: '2.3' } })).toEqual([
      'jvm.hikari.keepalive-unsupported-version:warning:none',
    ]);
    const java =
      'HikariConfig c = new HikariConfig();\nc.setJdbcUrl("jdbc:postgresql://db/app");\nc.setKeepaliveTime(60000);\n';
    expect(await keepalive('A.java', java, { versions: { hikariCP: '2.7.9' } })).toEqual([
      'jvm.hikari.keepalive-unsupported-version:warning:none',
    ]);
  });

  it('Java keepalive additions are safe only when the version says setKeepaliveTime exists', async () => {
    const java = 'HikariConfig c = new HikariConfig();\nc.setJdbcUrl("jdbc:postgresql://db/app");\n';
    expect(await keepalive('A.java', java, {})).toEqual(['jvm.hikari.keepalive-missing:warning:review']);
    expect(await keepalive('A.java', java, { versions: { hikariCP: '5.1.0' } })).toEqual([
      'jvm.hikari.keepalive-missing:warning:safe',
    ]);
  });

  it('on 6.2.1+ an explicit keepalive 0 is removed; before, it becomes 120000', async () => {
    const text =
      'spring.datasource.url=jdbc:postgresql://db/app?tcpKeepAlive=true\nspring.datasource.hikari.keepalive-time=0\n';
    const run = async (environment: EnvironmentProfile) =>
      (await engine.analyse(text, { filename: 'a.properties', environment, rules: MINE })).patched;
    expect(await run({ versions: { hikariCP: '6.3.0' } })).toBe(
      'spring.datasource.url=jdbc:postgresql://db/app?tcpKeepAlive=true\n',
    );
    expect(await run({ versions: { hikariCP: '5.1.0' } })).toContain('keepalive-time=120000');
  });

  it('a stated middlebox idle timeout shortens the keepalive the fix writes', async () => {
    const result = await engine.analyse(spring, {
      filename: 'a.properties',
      environment: { middleboxIdleSeconds: 60, versions: { springBoot: '3.3' } },
      rules: MINE,
    });
    expect(result.patched).toContain('keepalive-time=30000');
  });

  it('pgJDBC older than 42.2.11 gets master instead of primary', async () => {
    const text =
      'spring.datasource.url=jdbc:postgresql://a,b/app?targetServerType=Primary&tcpKeepAlive=true&socketTimeout=60\n';
    const result = await engine.analyse(text, {
      filename: 'a.properties',
      environment: { versions: { pgjdbc: '42.2.5' } },
      rules: ['jvm.pgjdbc.target-server-type-invalid'],
    });
    expect(result.patched).toContain('targetServerType=master');
  });
});
