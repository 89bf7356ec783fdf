/**
 * Generated secrets of every kind, planted into configuration templates of every supported format:
 * none may survive redaction, and the redacted file must parse as cleanly as the original (real
 * tree-sitter grammars; JSON.parse for JSON; field counts for .pgpass and userlist.txt).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { host } from '../tests/support/engine';
import type { GrammarId } from '../wasm-parsers/grammars';
import { unredact } from './placeholders';
import { redact } from './redact';

const ALL = { categories: { secrets: true, infrastructure: true } };
const RUNS = 30;

const word = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[a-z][a-z0-9]{${min - 1},${max - 1}}$`));
const b64 = (n: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9+/]{${n}}$`));
const alnum = (n: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${n}}$`));
const b64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`));

/** URI-safe (RFC 3986 unreserved) so the same value can go into every template unescaped. */
const password = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9]{6,18}$/),
    fc.constantFrom('-', '_', '.', '~'),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([body, symbol, n]) => `Fk${body}${symbol}${n}`);

const secrets = fc.record({
  password,
  password2: password,
  user: word(3, 10).map((w) => `svc_${w}`),
  db: word(3, 10).map((w) => `db_${w}`),
  host: fc
    .tuple(word(3, 10), word(6, 12), fc.constantFrom('us-east-1', 'eu-west-1', 'ap-south-1'))
    .map(([name, id, region]) => `${name}.cluster-${id}.${region}.rds.amazonaws.com`),
  internalHost: word(3, 12).map((w) => `pg-${w}.corp.internal`),
  ip: fc
    .tuple(
      fc.integer({ min: 1, max: 254 }),
      fc.integer({ min: 1, max: 254 }),
      fc.integer({ min: 1, max: 254 }),
    )
    .map(([a, b, c]) => `10.${a}.${b}.${c}`),
  awsKeyId: fc.stringMatching(/^[A-Z2-7]{16}$/).map((s) => `AKIA${s}`),
  awsSecret: b64(40),
  github: alnum(36).map((s) => `ghp_${s}`),
  gitlab: alnum(20).map((s) => `glpat-${s}`),
  slack: fc.tuple(fc.stringMatching(/^\d{10}$/), alnum(24)).map(([n, s]) => `xoxb-${n}-${n}1-${s}`),
  stripe: alnum(24).map((s) => `sk_live_${s}`),
  openai: b64url(40, 80).map((s) => `sk-proj-${s}`),
  anthropic: b64url(93, 93).map((s) => `sk-ant-api03-${s}AA`),
  jwt: fc.tuple(b64url(20, 60), b64url(20, 43)).map(([p, s]) => `eyJhbGciOiJIUzI1NiJ9.eyJ${p}.${s}`),
  pem: fc.array(b64(64), { minLength: 2, maxLength: 5 }).map((lines) => lines.join('\n')),
});
type Secrets = typeof secrets extends fc.Arbitrary<infer T> ? T : never;

interface Planted {
  text: string;
  values: string[];
}

type Template = (s: Secrets) => Planted;

const indent = (text: string, spaces: number) => text.replace(/^/gm, ' '.repeat(spaces));

const TEMPLATES: Record<GrammarId | 'json' | 'pgpass' | 'userlist', Template> = {
  python: (s) => ({
    text: `import os

DATABASE_URL = "postgresql://${s.user}:${s.password}@${s.host}:5432/${s.db}"
engine = create_engine(DATABASE_URL, pool_pre_ping=True, pool_recycle=1800)
conn = psycopg2.connect(host="${s.ip}", dbname="${s.db}", user="${s.user}", password="${s.password2}")
AWS_ACCESS_KEY_ID = "${s.awsKeyId}"
AWS_SECRET_ACCESS_KEY = "${s.awsSecret}"
GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN", "${s.github}")
HEADERS = {"Authorization": "Bearer ${s.jwt}"}
PRIVATE_KEY = """-----BEGIN PRIVATE KEY-----
${s.pem}
-----END PRIVATE KEY-----
"""
`,
    values: [
      s.user,
      s.password,
      s.host,
      s.db,
      s.ip,
      s.password2,
      s.awsKeyId,
      s.awsSecret,
      s.github,
      s.jwt,
      s.pem,
    ],
  }),
  javascript: (s) => ({
    text: `const { Pool } = require('pg');
const pool = new Pool({ host: '${s.internalHost}', user: '${s.user}', password: '${s.password}', database: '${s.db}' });
const legacy = new Pool({ connectionString: 'postgres://${s.user}:${s.password2}@${s.ip}:5432/${s.db}' });
const stripe = require('stripe')('${s.stripe}');
module.exports = { pool, legacy, stripe, slack: '${s.slack}' };
`,
    values: [s.internalHost, s.user, s.password, s.db, s.password2, s.ip, s.stripe, s.slack],
  }),
  typescript: (s) => ({
    text: `import { DataSource } from 'typeorm';

export const source = new DataSource({
  type: 'postgres',
  host: '${s.host}',
  username: '${s.user}',
  password: '${s.password}',
  database: '${s.db}',
});
export const openAiKey: string = '${s.openai}';
export const anthropicKey = process.env.ANTHROPIC_API_KEY ?? '${s.anthropic}';
`,
    values: [s.host, s.user, s.password, s.db, s.openai, s.anthropic],
  }),
  tsx: (s) => ({
    text: `export const App = () => <Settings url="postgresql://${s.user}:${s.password}@${s.internalHost}/${s.db}" />;\n`,
    values: [s.user, s.password, s.internalHost, s.db],
  }),
  java: (s) => ({
    text: `class Db {
  DataSource create() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://${s.host}:5432/${s.db}?user=${s.user}&password=${s.password}");
    config.setPassword("${s.password2}");
    config.addDataSourceProperty("sslpassword", "${s.password2}");
    String awsKey = "${s.awsKeyId}";
    return new HikariDataSource(config);
  }
}
`,
    values: [s.host, s.db, s.user, s.password, s.password2, s.awsKeyId],
  }),
  kotlin: (s) => ({
    text: `val ds = HikariDataSource(HikariConfig().apply {
    jdbcUrl = "jdbc:postgresql://${s.host}:5432/${s.db}?user=${s.user}&password=${s.password}"
    password = "${s.password2}"
    addDataSourceProperty("sslpassword", "${s.password2}")
})
val awsKey = "${s.awsKeyId}"
`,
    values: [s.host, s.db, s.user, s.password, s.password2, s.awsKeyId],
  }),
  properties: (s) => ({
    text: `spring.datasource.url=jdbc:postgresql://${s.ip}:5432/${s.db}
spring.datasource.username=${s.user}
spring.datasource.password=${s.password}
spring.datasource.hikari.max-lifetime=1800000
app.jwt.secret=${s.jwt}
PGPASSWORD=${s.password2}
`,
    values: [s.ip, s.db, s.user, s.password, s.jwt, s.password2],
  }),
  yaml: (s) => ({
    text: `spring:
  datasource:
    url: jdbc:postgresql://${s.host}:5432/${s.db}
    username: ${s.user}
    password: ${s.password}
env:
  - name: DB_PASSWORD
    value: "${s.password2}"
  - name: GITLAB_TOKEN
    value: ${s.gitlab}
  - name: PGHOST
    value: ${s.internalHost}
tls.key: |
  -----BEGIN RSA PRIVATE KEY-----
${indent(s.pem, 2)}
  -----END RSA PRIVATE KEY-----
`,
    values: [s.host, s.db, s.user, s.password, s.password2, s.gitlab, s.internalHost, s.pem],
  }),
  ini: (s) => ({
    text: `[databases]
app = host=${s.ip} port=5432 dbname=${s.db} user=${s.user} password=${s.password}

[pgbouncer]
auth_user = ${s.user}
listen_addr = 0.0.0.0
auth_type = scram-sha-256

[default]
aws_access_key_id = ${s.awsKeyId}
aws_secret_access_key = ${s.awsSecret}
`,
    values: [s.ip, s.db, s.user, s.password, s.awsKeyId, s.awsSecret],
  }),
  go: (s) => ({
    text: `package main

func main() {
	dsn := "host=${s.internalHost} user=${s.user} password=${s.password} dbname=${s.db}"
	cfg := Config{Password: "${s.password2}", Token: "${s.openai}"}
	_, _ = dsn, cfg
}
`,
    values: [s.internalHost, s.user, s.password, s.db, s.password2, s.openai],
  }),
  ruby: (s) => ({
    text: `DB = Sequel.connect("postgres://${s.user}:${s.password}@${s.host}/${s.db}")
Stripe.api_key = "${s.stripe}"
CONFIG = { password: "${s.password2}", host: "${s.ip}" }
`,
    values: [s.user, s.password, s.host, s.db, s.stripe, s.password2, s.ip],
  }),
  toml: (s) => ({
    text: `[database]
url = "postgresql://${s.user}:${s.password}@${s.internalHost}:5432/${s.db}"
password = "${s.password2}"

[api]
token = "${s.anthropic}"
`,
    values: [s.user, s.password, s.internalHost, s.db, s.password2, s.anthropic],
  }),
  bash: (s) => ({
    text: `#!/usr/bin/env bash
set -euo pipefail
export PGPASSWORD='${s.password}'
export AWS_SECRET_ACCESS_KEY=${s.awsSecret}
psql "postgresql://${s.user}:${s.password2}@${s.host}:5432/${s.db}" -c 'select 1'
curl -H "Authorization: Bearer ${s.jwt}" "https://${s.internalHost}/health"
`,
    values: [s.password, s.awsSecret, s.user, s.password2, s.host, s.db, s.jwt, s.internalHost],
  }),
  json: (s) => ({
    text: `${JSON.stringify(
      {
        type: 'service_account',
        private_key: `-----BEGIN PRIVATE KEY-----\n${s.pem}\n-----END PRIVATE KEY-----\n`,
        ConnectionStrings: {
          Main: `Host=${s.host};Database=${s.db};Username=${s.user};Password=${s.password}`,
        },
        github_token: s.github,
        aws_account_id: 111122223333,
      },
      null,
      2,
    )}\n`,
    values: [s.pem.replace(/\n/g, '\\n'), s.host, s.db, s.user, s.password, s.github, '111122223333'],
  }),
  pgpass: (s) => ({
    text: `${s.internalHost}:5432:${s.db}:${s.user}:${s.password}\n${s.ip}:*:*:${s.user}:${s.password2}\n`,
    values: [s.internalHost, s.db, s.user, s.password, s.ip, s.password2],
  }),
  userlist: (s) => ({
    text: `"${s.user}" "${s.password}"\n"replicator" "md5${'0f1e2d3c4b5a6978'.repeat(2)}"\n`,
    values: [s.user, s.password, `md5${'0f1e2d3c4b5a6978'.repeat(2)}`],
  }),
};

/** What each line-oriented format without a grammar must keep: the number of fields per line. */
const FIELD_SHAPES: Partial<Record<keyof typeof TEMPLATES, RegExp>> = {
  pgpass: /^[^:\n]+(?::[^:\n]*){4}$/,
  userlist: /^"[^"]+" "[^"]+"$/,
};

describe('planted secrets never survive, and the file keeps its syntax', () => {
  it.each(Object.keys(TEMPLATES) as Array<keyof typeof TEMPLATES>)('%s', async (format) => {
    const template = TEMPLATES[format];
    await fc.assert(
      fc.asyncProperty(secrets, async (s) => {
        const planted = template(s);
        const result = redact(planted.text, ALL);
        for (const value of planted.values) expect(result.text, value).not.toContain(value);
        expect(redact(result.text, ALL).redactions).toEqual([]);
        expect(unredact(result.text, result.map)).toBe(planted.text);

        const shape = FIELD_SHAPES[format];
        if (shape) {
          for (const line of result.text.trimEnd().split('\n')) expect(line).toMatch(shape);
        } else if (format === 'json') {
          expect(() => JSON.parse(result.text)).not.toThrow();
        } else {
          const grammar = format as GrammarId;
          const before = await host.parse(grammar, planted.text);
          const after = await host.parse(grammar, result.text);
          try {
            expect(before.diagnostics, 'the template itself must parse').toEqual([]);
            expect(after.diagnostics).toEqual([]);
          } finally {
            before.dispose();
            after.dispose();
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
