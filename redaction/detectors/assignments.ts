/**
 * Values assigned to secret-looking (or, for the infrastructure category, host/user/database-looking)
 * keys in code and configuration: Python kwargs and dicts, JS/TS objects, Java setters and
 * `addDataSourceProperty("password", …)`, properties and YAML keys, `.env` and INI lines, shell
 * exports and flags, Kubernetes `env` entries, `${VAR:default}` defaults.
 */
import type { RedactionKind, Rule, RuleExample, ValueContext } from '../types';
import { isPathOrUrl, looksLikeExpression, looksLikeVariable } from '../values';
import { infraKindForKey, isWeakSecretKey, secretKindForKey, WEAK_SECRET_WORDS } from './names';
import { ANNOTATION, KEY, QUOTED, SEPARATOR, STRING_PREFIX } from './patterns';

/** Keys repeat across a file and across keystrokes: classify each once. */
const KEY_KINDS = new Map<string, RedactionKind | null>();

function keyKind(key: string | undefined): RedactionKind | null {
  if (!key) return null;
  let kind = KEY_KINDS.get(key);
  if (kind === undefined) {
    kind = secretKindForKey(key) ?? infraKindForKey(key);
    if (KEY_KINDS.size > 10_000) KEY_KINDS.clear();
    KEY_KINDS.set(key, kind);
  }
  return kind;
}

/** Setter and builder names carry a verb: `setPassword`, `withUser`, `addPassword`. */
function setterKind(name: string | undefined): RedactionKind | null {
  if (!name || /^(?:get|is|has|find|load|read|fetch|check|validate|verify|encode|hash)/.test(name))
    return null;
  return keyKind(name);
}

const SECRET_KINDS: ReadonlySet<RedactionKind> = new Set(['password', 'token', 'cloud-key']);

/**
 * What a secret-named key may hold and still not be a secret: a PEM block (its own rule keeps the
 * BEGIN/END lines), a file path or URL, or, for token-like names, a lower-case name such as
 * `existingSecret: pg-credentials`.
 */
function plausibleSecret({ value, kind }: ValueContext): boolean {
  if (!SECRET_KINDS.has(kind)) return true;
  if (value.includes('-----BEGIN') || isPathOrUrl(value)) return false;
  if (kind === 'password') return value.length >= 3;
  return value.length >= 8 && !/^[a-z]+(?:[-_.][a-z]+)*$/.test(value);
}

function plausibleUnquoted(context: ValueContext): boolean {
  const { value, kind, match } = context;
  // YAML tags (`!vault |`) introduce encrypted or multi-line values, never the secret itself.
  if (/^![\w!]*(?:\s|$)/.test(value) || looksLikeExpression(value)) return false;
  if (!literalContext(match) && looksLikeVariable(value, kind)) return false;
  return plausibleSecret(context);
}

/**
 * `KEY=value` with no blanks, under an environment-style (`DB_PASSWORD`) or dotted (`spring.…`) key,
 * is a .env, shell or properties line: its value is a literal even when it reads like a name.
 */
function literalContext(match: RegExpExecArray): boolean {
  const g = match.groups ?? {};
  if (g.sep !== undefined && (g.sep !== '=' || g.sp1 || g.sp2)) return false;
  const key = g.key ?? '';
  return /^[A-Z][A-Z0-9_]*$/.test(key) || /[.-]/.test(key);
}

/** Unquoted line values end at an inline comment; `KEY=value cmd` (shell) ends at the first blank. */
function cutLineValue(value: string, match: RegExpExecArray): number {
  let v = value;
  const comment = v.search(/[ \t]{1,40}#/);
  if (comment >= 0) v = v.slice(0, comment);
  const g = match.groups ?? {};
  if (g.sep === '=' && !g.sp1 && !g.sp2 && !(g.key ?? '').includes('.')) {
    const blank = v.search(/[ \t]/);
    if (blank >= 0) v = v.slice(0, blank);
  }
  return v.trimEnd().length;
}

function cutComment(value: string): number {
  const comment = value.search(/[ \t]{1,40}#/);
  return (comment >= 0 ? value.slice(0, comment) : value).trimEnd().length;
}

const QUOTED_ASSIGNMENT = String.raw`(?<![\w.$-])(?<kq>["']?)(?<key>${KEY})\k<kq>\]?${ANNOTATION}[ \t]{0,40}${SEPARATOR}[ \t]{0,40}${STRING_PREFIX}(?<value>${QUOTED})`;
const LINE_ASSIGNMENT = String.raw`^[ \t]{0,40}(?:(?:-|export|ENV|ARG|set|SET|declare|readonly|local)[ \t]{1,40})?(?<kq>["']?)(?<key>[A-Za-z_$][\w.$[\]-]{0,100})\k<kq>(?<sp1>[ \t]{0,40})(?<sep>[:=])(?<sp2>[ \t]{0,40})(?<value>[^ \t\r\n"'\x60|>&{[][^\r\n]{0,1000})`;
const SIMPLE_QUOTED = String.raw`"(?:[^"\\\r\n]|\\.){0,1000}"|'[^'\r\n]{0,1000}'`;
const SHELL_WORD = String.raw`[^\s'"\x60;&|)]{1,1000}`;

const SECRET_KEYWORDS = ['pass', 'pwd', 'pw', 'secret', 'token', 'key', 'cred', 'auth'];
const ALL_KEYWORDS = [
  ...SECRET_KEYWORDS,
  'host',
  'server',
  'endpoint',
  'addr',
  'db',
  'database',
  'user',
  'login',
  'catalog',
];

export const ASSIGNMENT_RULES: readonly Rule[] = [
  {
    id: 'quoted-assignment',
    description:
      'A quoted literal assigned to a secret-named key: password="…" (kwargs), "password": "…" (JSON, dicts, JS objects), password: \'…\' (YAML), password = "…" (TOML, INI), Password: "…" (Go), password: str = "…" (pydantic).',
    pattern: new RegExp(QUOTED_ASSIGNMENT, 'dg'),
    captures: [{ group: 'value', kind: (m) => keyKind(m.groups?.key), hostList: true }],
    keywords: ALL_KEYWORDS,
    accept: plausibleSecret,
    priority: 50,
    examples: {
      positive: [
        { text: 'psycopg2.connect(host="db", password="fakeKwargPw")', values: ['fakeKwargPw'] },
        { text: "DATABASES = {'default': {'PASSWORD': 'fakeDjangoPw'}}", values: ['fakeDjangoPw'] },
        { text: 'datasource:\n  password: "fakeYamlPw"\n', values: ['fakeYamlPw'] },
        {
          text: 'const pool = new Pool({ password: "fakeJsPw", host: "pg-1.corp.internal" });',
          values: ['fakeJsPw', 'pg-1.corp.internal'],
        },
        { text: '    db_password: str = "fakePydanticPw"', values: ['fakePydanticPw'] },
        {
          text: 'SECRET_KEY = "django-insecure-fake0123456789abcdef"',
          values: ['django-insecure-fake0123456789abcdef'],
        },
        { text: '{"client_secret": "FakeClientSecret0123456789"}', values: ['FakeClientSecret0123456789'] },
      ],
      negative: [
        'password_encryption = "scram-sha-256"',
        'existingSecret: "pg-credentials"',
        'secretName: "orders-db"',
        "password_file = '/run/secrets/db_password'",
        'password = ""',
        "token_url = 'https://auth.example.com/token'",
        'password="changeme"',
        'password = "<your-password>"',
        'password: "REDACTED_PASSWORD_1"',
      ],
    },
  },
  {
    id: 'line-assignment',
    description:
      'An unquoted value on a key=value or key: value line: .env, properties (spring.datasource.password=…), INI, YAML, shell export. Code (calls, attributes, variables named after secrets) is left alone.',
    pattern: new RegExp(LINE_ASSIGNMENT, 'dgm'),
    captures: [{ group: 'value', kind: (m) => keyKind(m.groups?.key), cut: cutLineValue, hostList: true }],
    keywords: ALL_KEYWORDS,
    accept: plausibleUnquoted,
    priority: 50,
    examples: {
      positive: [
        { text: 'spring.datasource.password=fakeSpringPw', values: ['fakeSpringPw'] },
        { text: 'DB_PASSWORD=fakeEnvPw\n', values: ['fakeEnvPw'] },
        { text: 'export PGPASSWORD=fakePgPw\n', values: ['fakePgPw'] },
        { text: 'PGPASSWORD=fakeInlinePw psql -h db -U app\n', values: ['fakeInlinePw'] },
        { text: 'datasource:\n  password: fake yaml pw # rotated monthly\n', values: ['fake yaml pw'] },
        {
          text: '[client]\npassword = fakeIniPw\nhost = mysql-3.corp.internal\n',
          values: ['fakeIniPw', 'mysql-3.corp.internal'],
        },
        { text: 'environment:\n  - POSTGRES_PASSWORD=fakeComposePw\n', values: ['fakeComposePw'] },
      ],
      negative: [
        'password = db_password',
        'password=os.environ["DB_PASSWORD"]',
        'password: process.env.PGPASSWORD,',
        '    password=pw_from_vault,',
        'PASSWORD = get_secret("db")',
        'password: Optional[str] = None',
        'password: SecretStr',
        'password_encryption = scram-sha-256',
        'auth_type = scram-sha-256',
        'auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename=$1',
        'password: !vault |',
        'spring.datasource.password=${DB_PASSWORD}',
        'password: {{ .Values.db.password }}',
        'token_ttl: 3600',
        'password: changeme',
        'host: localhost',
        'user: "1000:1000"',
        'spring.jpa.database: POSTGRESQL',
        'password: settings.DB_PASSWORD',
      ],
    },
  },
  {
    id: 'key-value-arguments',
    description:
      'A secret-named key followed by its value as call arguments: addDataSourceProperty("password", "…"), setProperty, put, os.Setenv, ENV.fetch("DB_PASSWORD", "…"), Map.of(…).',
    pattern: new RegExp(
      String.raw`(?<=[(,[][ \t]{0,20})(?<kq>["'])(?<key>[A-Za-z_][\w.-]{0,80})\k<kq>[ \t]{0,40},[ \t]{0,40}(?<value>${SIMPLE_QUOTED})`,
      'dg',
    ),
    captures: [{ group: 'value', kind: (m) => keyKind(m.groups?.key), hostList: true }],
    keywords: ALL_KEYWORDS,
    accept: plausibleSecret,
    priority: 55,
    examples: {
      positive: [
        { text: 'config.addDataSourceProperty("password", "fakeHikariPw");', values: ['fakeHikariPw'] },
        { text: 'props.setProperty("password", "fakePropsPw");', values: ['fakePropsPw'] },
        { text: 'os.Setenv("PGPASSWORD", "fakeGoPw")', values: ['fakeGoPw'] },
        { text: "ENV.fetch('DB_PASSWORD', 'fakeRubyDefault')", values: ['fakeRubyDefault'] },
      ],
      negative: ['os.getenv("DB_PASSWORD", "")', 'config.addDataSourceProperty("cachePrepStmts", "true");'],
    },
  },
  {
    id: 'setter-call',
    description: 'Setters and builders with a literal: setPassword("…"), .password("…"), withUsername("…").',
    pattern: new RegExp(
      String.raw`\.(?<key>[A-Za-z][A-Za-z0-9_]{0,60})\([ \t]{0,40}${STRING_PREFIX}(?<value>${SIMPLE_QUOTED})[ \t]{0,40}\)`,
      'dg',
    ),
    captures: [{ group: 'value', kind: (m) => setterKind(m.groups?.key), hostList: true }],
    keywords: ALL_KEYWORDS,
    accept: plausibleSecret,
    priority: 55,
    examples: {
      positive: [
        { text: 'config.setPassword("fakeSetterPw");', values: ['fakeSetterPw'] },
        { text: 'builder.password("fakeBuilderPw").build()', values: ['fakeBuilderPw'] },
        { text: 'ds.setServerName("pg-7.corp.internal");', values: ['pg-7.corp.internal'] },
      ],
      negative: [
        'config.getPassword("x")',
        'log.info("password rotated")',
        'config.setPassword(System.getenv("PW"));',
      ],
    },
  },
  {
    id: 'env-inline',
    description:
      'An upper-case environment assignment anywhere on a line: docker run -e POSTGRES_PASSWORD=…, "PGPASSWORD=…" in compose lists, sudo PGPASSWORD=… psql.',
    pattern: new RegExp(
      String.raw`(?<![\w$.-])(?<key>[A-Z][A-Z0-9_]{1,60})=(?<value>${SIMPLE_QUOTED}|${SHELL_WORD})`,
      'dg',
    ),
    captures: [{ group: 'value', kind: (m) => keyKind(m.groups?.key), hostList: true }],
    keywords: ALL_KEYWORDS,
    accept: plausibleUnquoted,
    priority: 50,
    examples: {
      positive: [
        { text: 'docker run -e POSTGRES_PASSWORD=fakeDockerPw postgres:16', values: ['fakeDockerPw'] },
        { text: '  - "PGPASSWORD=fakeListPw"', values: ['fakeListPw'] },
        { text: 'sudo -u postgres PGPASSWORD=fakeSudoPw pg_dump', values: ['fakeSudoPw'] },
      ],
      negative: ['PGPASSWORD=$DB_PASSWORD psql', 'run DB_PASSWORD=${DB_PASSWORD} make'],
    },
  },
  {
    id: 'command-line-flag',
    description:
      'Command-line flags: --password=…, --token …, --db-user …, and JVM system properties -Dspring.datasource.password=…. psql --password takes no value, so a password flag needs "=".',
    pattern: new RegExp(
      String.raw`(?<![\w-])(?:--(?<key>[A-Za-z][\w-]{0,40})(?:=(?<value>${SIMPLE_QUOTED}|${SHELL_WORD})|[ \t]{1,40}(?<spaced>${SIMPLE_QUOTED}|[^\s'"\x60;&|)-][^\s'"\x60;&|)]{0,1000}))|-D(?<prop>[A-Za-z][\w.-]{0,100})=(?<propValue>${SIMPLE_QUOTED}|${SHELL_WORD}))`,
      'dg',
    ),
    captures: [
      { group: 'value', kind: (m) => keyKind(m.groups?.key), hostList: true },
      {
        group: 'spaced',
        kind: (m) => {
          const kind = keyKind(m.groups?.key);
          return kind === 'password' ? null : kind;
        },
      },
      { group: 'propValue', kind: (m) => keyKind(m.groups?.prop), hostList: true },
    ],
    keywords: ALL_KEYWORDS,
    accept: plausibleSecret,
    priority: 55,
    examples: {
      positive: [
        { text: 'mysql --user=svc_reports --password=fakeFlagPw', values: ['svc_reports', 'fakeFlagPw'] },
        { text: 'vault login --token hvs_fakeFlagToken0123', values: ['hvs_fakeFlagToken0123'] },
        { text: 'java -Dspring.datasource.password=fakeJvmPw -jar app.jar', values: ['fakeJvmPw'] },
      ],
      negative: [
        'pg_dump --password --host=localhost mydb',
        'psql --password orders',
        'cmd --token-file /run/token',
      ],
    },
  },
  {
    id: 'placeholder-default',
    description:
      'The default inside a reference: ${DB_PASSWORD:fake} (Spring), ${PGPASSWORD:-fake} (shell, compose). The reference itself is kept.',
    pattern: /\$\{(?<key>[A-Za-z_][\w.-]{0,80}):-?(?<value>[^}\s'"${]{1,500})\}/dg,
    captures: [{ group: 'value', kind: (m) => keyKind(m.groups?.key), hostList: true }],
    keywords: ['${'],
    accept: plausibleSecret,
    priority: 60,
    examples: {
      positive: [
        { text: 'spring.datasource.password=${DB_PASSWORD:fakeDefaultPw}', values: ['fakeDefaultPw'] },
        {
          text: 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-fakeComposeDefault}',
          values: ['fakeComposeDefault'],
        },
      ],
      negative: ['${DB_PASSWORD}', '${DB_PASSWORD:}', '${DB_PORT:5432}'],
    },
  },
  {
    id: 'env-fallback',
    description:
      "The fallback of an environment lookup: process.env.DB_PASSWORD ?? 'fake' or || 'fake' (JavaScript), ENV.fetch('DB_PASSWORD', 'fake') and ENV['DB_PASSWORD'] || 'fake' (Ruby). The lookup itself is kept.",
    pattern: new RegExp(
      String.raw`(?:process\.env(?:\.(?<key>[A-Za-z_]\w{0,80})|\[\s{0,20}(?<kq>["'\x60])(?<key2>[A-Za-z_][\w.-]{0,80})\k<kq>\s{0,20}\])\s{0,20}(?:\?\?|\|\|)|ENV(?:\.fetch\(\s{0,20}(?<fq>["'])(?<key3>[A-Za-z_][\w.-]{0,80})\k<fq>\s{0,20},|\[\s{0,20}(?<rq>["'])(?<key4>[A-Za-z_][\w.-]{0,80})\k<rq>\s{0,20}\]\s{0,20}\|\|))\s{0,20}(?<value>${SIMPLE_QUOTED}|\x60[^\x60$\r\n]{0,1000}\x60)`,
      'dg',
    ),
    captures: [
      {
        group: 'value',
        kind: (m) => keyKind(m.groups?.key ?? m.groups?.key2 ?? m.groups?.key3 ?? m.groups?.key4),
        hostList: true,
      },
    ],
    keywords: ['process.env', 'env'],
    accept: plausibleSecret,
    priority: 60,
    examples: {
      positive: [
        {
          text: "password: process.env.DB_PASSWORD ?? 'FakeTypeormPw-8c1Vn3',",
          values: ['FakeTypeormPw-8c1Vn3'],
        },
        { text: 'const pw = process.env["PGPASSWORD"] || "fakeJsFallback";', values: ['fakeJsFallback'] },
        { text: "password: ENV.fetch('DB_PASSWORD', 'fakeRubyFetchPw')", values: ['fakeRubyFetchPw'] },
        { text: "password = ENV['DB_PASSWORD'] || 'fakeRubyOrPw'", values: ['fakeRubyOrPw'] },
      ],
      negative: [
        "password: process.env.DB_PASSWORD ?? ''",
        "port: process.env.DB_PORT ?? '5432'",
        "password: process.env.DB_PASSWORD ?? '<your-password>'",
        "ENV.fetch('DB_PASSWORD')",
      ],
    },
  },
  {
    id: 'kubernetes-env-value',
    description: 'Kubernetes and compose env entries: - name: DB_PASSWORD / value: "…".',
    pattern: new RegExp(
      String.raw`(?<![\w-])name:[ \t]{0,40}(?<kq>["']?)(?<key>[A-Za-z_][\w.-]{0,80})\k<kq>[ \t]{0,40}\r?\n[ \t]{0,40}(?:-[ \t]{1,40})?value:[ \t]{0,40}(?<value>${SIMPLE_QUOTED}|[^\s#"'|>{[][^\r\n]{0,1000})`,
      'dg',
    ),
    captures: [{ group: 'value', kind: (m) => keyKind(m.groups?.key), cut: cutComment, hostList: true }],
    keywords: ['value:'],
    accept: plausibleUnquoted,
    priority: 55,
    examples: {
      positive: [
        { text: '- name: DB_PASSWORD\n  value: "fakeK8sPw"\n', values: ['fakeK8sPw'] },
        { text: '- name: PGHOST\n  value: orders-db.prod.svc\n', values: ['orders-db.prod.svc'] },
      ],
      negative: [
        '- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password\n',
      ],
    },
  },
  {
    id: 'django-database-name',
    description: 'The NAME of a Django DATABASES entry (HOST, USER and PASSWORD are found by their names).',
    pattern:
      /(?<kq>["'])NAME\k<kq>[ \t]{0,40}:[ \t]{0,40}(?<value>"(?:[^"\\\r\n]|\\.){1,200}"|'(?:[^'\\\r\n]|\\.){1,200}')/dg,
    captures: [{ group: 'value', kind: 'database' }],
    keywords: ['django.db.backends'],
    accept: ({ text, start }) => text.slice(Math.max(0, start - 400), start).includes('django.db.backends'),
    priority: 20,
    examples: {
      positive: [
        {
          text: "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'orders_prod'}}",
          values: ['orders_prod'],
        },
      ],
      negative: ["{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'}"],
    },
  },
  {
    id: 'config-directive',
    description: 'Space-separated secret directives: redis.conf requirepass / masterauth / masteruser.',
    pattern:
      /^[ \t]{0,40}(?<key>requirepass|masterauth|masteruser|masterpass)[ \t]{1,40}(?<value>"(?:[^"\\\r\n]|\\.){0,1000}"|[^\s#"][^\s]{0,1000})/dgm,
    captures: [{ group: 'value', kind: (m) => (m.groups?.key === 'masteruser' ? 'user' : 'password') }],
    keywords: ['requirepass', 'masterauth', 'masteruser', 'masterpass'],
    priority: 55,
    examples: {
      positive: [
        { text: 'requirepass fakeRedisRequirePw\n', values: ['fakeRedisRequirePw'] },
        { text: 'masterauth "fake master pw"\n', values: ['fake master pw'] },
      ],
      negative: ['# requirepass foobared', 'requirepass changeme'],
    },
  },
  {
    id: 'netrc',
    description: '.netrc entries: machine … login … password … (curl, git, Heroku).',
    pattern:
      /\b(?:machine[ \t]{1,40}[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}|default)(?:\s{1,40}login\s{1,40}(?<user>[^\s]{1,256}))?(?:\s{1,40}account\s{1,40}[^\s]{1,256})?\s{1,40}password\s{1,40}(?<secret>[^\s]{1,1024})/dg,
    captures: [
      { group: 'secret', kind: 'password' },
      { group: 'user', kind: 'user' },
    ],
    keywords: ['machine', 'default'],
    priority: 60,
    examples: {
      positive: [
        {
          text: 'machine git.fake-corp.internal login deploy-bot password fakeNetrcGitPw\n',
          values: ['deploy-bot', 'fakeNetrcGitPw'],
        },
        {
          text: 'machine api.fake.example\n  login ops\n  password fakeNetrcPw2\n',
          values: ['ops', 'fakeNetrcPw2'],
        },
      ],
      negative: ['machine learning password reset', 'default password changeme'],
    },
  },
  highEntropyRule('high-entropy-quoted', new RegExp(QUOTED_ASSIGNMENT, 'dg'), undefined, [
    { text: 'cookie_salt = "Fk8vQ2xLp9Rz3Tn7Wb5Yc1Hd"', values: ['Fk8vQ2xLp9Rz3Tn7Wb5Yc1Hd'] },
  ]),
  highEntropyRule('high-entropy-line', new RegExp(LINE_ASSIGNMENT, 'dgm'), cutLineValue, [
    { text: 'X-Auth: fakeA1b2C3d4E5f6G7h8I9', values: ['fakeA1b2C3d4E5f6G7h8I9'] },
  ]),
];

const WEAK_KEYS = new Map<string, boolean>();

function weakKind(key: string | undefined): RedactionKind | null {
  if (!key || keyKind(key)) return null;
  let weak = WEAK_KEYS.get(key);
  if (weak === undefined) {
    weak = isWeakSecretKey(key);
    if (WEAK_KEYS.size > 10_000) WEAK_KEYS.clear();
    WEAK_KEYS.set(key, weak);
  }
  return weak ? 'token' : null;
}

/**
 * Keys such as `session_key` or `x-auth` hold secrets as often as not: only a value that looks
 * random (letters and digits, no blanks, ≥ 3.5 bits per character, gitleaks' generic threshold) counts.
 */
function highEntropyRule(
  id: string,
  pattern: RegExp,
  cut: ((value: string, match: RegExpExecArray) => number) | undefined,
  positive: RuleExample[],
): Rule {
  return {
    id,
    description:
      'A random-looking value assigned to a key that may hold a secret (session_key, x-auth, signature, salt, hmac…).',
    pattern,
    captures: [{ group: 'value', kind: (m) => weakKind(m.groups?.key), ...(cut ? { cut } : {}) }],
    // Every key isWeakSecretKey accepts contains one of these words, so the filter loses nothing.
    keywords: [...WEAK_SECRET_WORDS],
    entropy: 3.5,
    minLength: 16,
    accept: (context) =>
      /[A-Za-z]/.test(context.value) &&
      /\d/.test(context.value) &&
      !/\s/.test(context.value) &&
      !isPathOrUrl(context.value) &&
      (!cut || !looksLikeExpression(context.value)),
    priority: 40,
    examples: {
      positive,
      negative: [
        'session_timeout = "30"',
        'cache_key_prefix = "orders-service-cache"',
        'public_key_id = "0123456789abcdef0123"',
        'auth_type = scram-sha-256',
        'key: aaaaaaaaaaaaaaaaaaaaaaaa1',
      ],
    },
  };
}
