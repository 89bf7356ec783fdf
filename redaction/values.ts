/**
 * Judging a candidate value on its own: is it a reference to a secret kept elsewhere, a placeholder
 * someone typed instead of a secret, a harmless host? Every rule asks these, so over-redaction is
 * decided in one place.
 */
import { PLACEHOLDER_ANYWHERE } from './placeholders';
import type { RedactionKind } from './types';

/**
 * Values that point to a secret instead of holding one: environment and template references
 * (`${X}`, `$X`, `{{ .Values.x }}`, `#{x}`, `%(x)s`, `%X%`, `{x}` fields), YAML aliases,
 * and the masks our own and other tools leave behind.
 */
const REFERENCE_SHAPES: readonly RegExp[] = [
  /\$\{[^}]*\}/,
  /^\$[A-Za-z_]\w*$/,
  /^\$\d+$/,
  /\$\(/,
  /\{\{[\s\S]*\}\}/,
  /\{%[\s\S]*%\}/,
  /#\{[^}]*\}/,
  /^\{[\w.[\]'"()-]*\}$/,
  /\{[A-Za-z_][\w.]*\}/,
  /%\([\w]+\)[sd]/,
  /^%[A-Za-z_]\w*%$/,
  /^@[A-Za-z_]\w*@$/,
  /^<[^<>]*>$/,
  /<%[\s\S]*%>/,
  /^\[[A-Z_ -]+\]$/,
  /^\*[A-Za-z_][\w-]*$/,
];

/** Words people type where a secret will go later. Compared whole, case-insensitively. */
const PLACEHOLDER_WORDS = new Set([
  'changeme',
  'change_me',
  'change-me',
  'changeit',
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'example',
  'sample',
  'dummy',
  'test',
  'testing',
  'foo',
  'bar',
  'foobar',
  'baz',
  'none',
  'null',
  'nil',
  'undefined',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'empty',
  'unset',
  'todo',
  'tbd',
  'fixme',
  'redacted',
  'hidden',
  'masked',
  'placeholder',
  'n/a',
  'na',
  'required',
  'optional',
  'string',
  'str',
  'value',
]);

const PLACEHOLDER_SHAPES: readonly RegExp[] = [
  /^(?:your|my|enter|insert|replace|change|put|add|the|some|sample|dummy)[-_ .]?(?:[a-z0-9]+[-_ .]){0,3}[a-z]*(?:password|passwd|pass|pwd|secret|token|key|here|value|me|it)$/i,
  /^(?:password|passwd|secret|token|key)[-_ .]?(?:here|goes[-_ .]?here|placeholder|example|value)$/i,
  /^x{3,}$/i,
  /^\*{2,}$/,
  /^\.{3,}$/,
  /^-{3,}$/,
  /^#{3,}$/,
  /^\?{3,}$/,
  /^(?:\*+|x+)redacted(?:\*+|x+)?$/i,
  /\.\.\.$/,
  /^\.\.\./,
  /^…|…$/,
  /example/i,
];

/** True for references and placeholders: values that hold no secret. */
const REFERENCE = new RegExp(REFERENCE_SHAPES.map((shape) => shape.source).join('|'));
const PLACEHOLDER_SHAPE = new RegExp(PLACEHOLDER_SHAPES.map((shape) => shape.source).join('|'), 'i');

export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_ANYWHERE.test(v) || v === '<redacted>') return true;
  if (PLACEHOLDER_WORDS.has(v.toLowerCase())) return true;
  // Placeholders are short; the length bound also keeps the shape patterns cheap on long values.
  return v.length <= 48 && PLACEHOLDER_SHAPE.test(v);
}

/** Objects whose attributes are configuration lookups in code: `settings.DB_PASSWORD`, `os.environ`. */
const LOOKUP_ROOTS =
  /^(?:var|local|data|each|terraform|os|process|settings|config|conf|cfg|env|ENV|environ|System|self|this|secrets|vault|app|options|opts|params|args|credentials|creds|props|properties|Rails|st|current_app|request|ctx|context|values|Values|import\.meta|cls|module|global|globalThis|window)\b/;

/**
 * Whether an unquoted value is an expression rather than a literal: a call, a subscript, an attribute
 * of a configuration object, a conditional, an annotated assignment, a trailing comma. Only unquoted
 * values are asked: in code a literal secret is always quoted.
 */
export function looksLikeExpression(value: string): boolean {
  const v = value.trim();
  if (/^[A-Za-z_$][\w$.]*\s*(?:\(|\[)/.test(v)) return true;
  if (/[,;({[]$/.test(v) || /^[({[]/.test(v)) return true;
  if (LOOKUP_ROOTS.test(v) && /^[\w$]+(?:\??\.[\w$]+)+/.test(v)) return true;
  if (/\s(?:if|else|or|and|\|\||&&|\?\?)\s/.test(v)) return true;
  if (/^[A-Za-z_]\w*\s*(?::\s*[\w.[\]| ]+)?\s*=(?!=)\s*\S/.test(v)) return true;
  if (/^new\s+[A-Z]/.test(v) || /^(?:await|require|import)\b/.test(v)) return true;
  return false;
}

/** Words a variable holding a value of each kind is usually named after. */
const VARIABLE_WORDS: Partial<Record<RedactionKind, RegExp>> = {
  password: /pass|pwd|secret|cred|auth/i,
  token: /token|secret|key|cred|auth/i,
  'cloud-key': /key|secret|cred/i,
  host: /host|addr|server|endpoint/i,
  ip: /host|addr|server|ip/i,
  user: /user|login|role/i,
  database: /db|database|dbname/i,
};

/**
 * Whether an unquoted value reads as a variable named after what it holds (`db_password`,
 * `dbPassword`, `DB_PASSWORD`, `db_host`): in code that is a reference, not a literal.
 */
export function looksLikeVariable(value: string, kind: RedactionKind): boolean {
  const v = value.trim();
  // snake_case, camelCase, CONSTANT_CASE, or a PascalCase type name (`SecretStr`) without digits.
  if (!/^(?:[a-z_$][\w$]*|[A-Z][A-Z0-9_]*|[A-Z][a-z]+(?:[A-Z][a-z]+)+)$/.test(v)) return false;
  return VARIABLE_WORDS[kind]?.test(v) ?? false;
}

/** Values that name a file or a URL holding the secret, not the secret itself. */
export function isPathOrUrl(value: string): boolean {
  return /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\|file:|https?:\/\/|vault:|arn:|secretsmanager:|ssm:|gcp:|sm:\/\/|projects\/)/.test(
    value.trim(),
  );
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Strips one pair of matching quotes, returning the new bounds. */
export function unquote(text: string, start: number, end: number): [number, number] {
  if (end - start >= 2) {
    const first = text[start];
    if ((first === '"' || first === "'" || first === '`') && text[end - 1] === first)
      return [start + 1, end - 1];
  }
  return [start, end];
}

// --- infrastructure ---------------------------------------------------------------------------

/** Reserved for documentation and testing (RFC 2606, RFC 6761), loopback, and mDNS. */
const SAFE_HOST_SUFFIX =
  /(?:^|\.)(?:example|test|invalid|localhost|local)$|(?:^|\.)example\.(?:com|net|org)$/i;
const SAFE_HOSTS = new Set([
  'localhost',
  'localhost.localdomain',
  'ip6-localhost',
  'host.docker.internal',
  'gateway.docker.internal',
  'kubernetes.docker.internal',
  'metadata.google.internal',
  'kubernetes.default.svc',
]);

/**
 * Single-label names every compose file and chart uses for its own services: they identify nothing.
 * A name of one's own (`orders-primary`) is still redacted.
 */
const GENERIC_SERVICE_NAMES = new Set([
  'db',
  'database',
  'postgres',
  'postgresql',
  'pg',
  'pgbouncer',
  'pgpool',
  'primary',
  'replica',
  'standby',
  'master',
  'slave',
  'redis',
  'cache',
  'mq',
  'rabbitmq',
  'rabbit',
  'mysql',
  'mariadb',
  'mongo',
  'mongodb',
  'broker',
  'kafka',
  'zookeeper',
  'app',
  'web',
  'api',
  'backend',
  'worker',
  'proxy',
  'haproxy',
  'memcached',
  'elasticsearch',
  'minio',
  'host',
  'server',
  'hostname',
  'default',
  'timescaledb',
]);

export function isIPv4(value: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (!m) return false;
  return m.slice(1).every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet));
}

export function isIPv6(value: string): boolean {
  const v = value.replace(/%[\w.-]+$/, '');
  if (!/^[0-9A-Fa-f:.]{2,45}$/.test(v) || !v.includes(':')) return false;
  const compressed = v.split('::').length - 1;
  if (compressed > 1) return false;
  const groups = v.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1] ?? '';
  const tailIsV4 = isIPv4(last);
  const hexGroups = tailIsV4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (tailIsV4 ? 2 : 0);
  return compressed === 1 ? width <= 7 : width === 8;
}

/**
 * Addresses that say nothing about anyone's network: loopback, unspecified ("this network" 0/8, which
 * also rules out four-part versions such as c3p0 0.9.5.5), broadcast, documentation.
 */
export function isSafeIp(value: string): boolean {
  if (isIPv4(value)) {
    return (
      /^(?:127|0)\./.test(value) ||
      value === '0.0.0.0' ||
      value === '255.255.255.255' ||
      /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(value)
    );
  }
  const v = value.toLowerCase();
  return v === '::1' || v === '::' || v === '0:0:0:0:0:0:0:1' || v.startsWith('2001:db8:');
}

export function isSafeHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return SAFE_HOSTS.has(h) || SAFE_HOST_SUFFIX.test(h) || GENERIC_SERVICE_NAMES.has(h);
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/;

export function looksLikeHostname(value: string): boolean {
  return HOSTNAME.test(value) && !/^\d+$/.test(value) && !/^[\d.]+$/.test(value);
}

/** Role and database names every PostgreSQL install or tutorial has; redacting them hides nothing. */
const GENERIC_ACCOUNT_NAMES = new Set([
  'postgres',
  'root',
  'admin',
  'administrator',
  'user',
  'username',
  'guest',
  'test',
  'app',
  'default',
  'public',
  'template0',
  'template1',
  'sa',
  'nobody',
  'www-data',
  'pgbouncer',
  'rdsadmin',
  'azure_superuser',
  'cloudsqladmin',
  'ci',
  'dev',
  'readonly',
  'replication',
]);

/** Values of `database:` keys that name a product, not a database (`spring.jpa.database: POSTGRESQL`). */
const DBMS_NAMES = new Set([
  'postgresql',
  'postgres',
  'mysql',
  'mariadb',
  'h2',
  'hsql',
  'hsqldb',
  'oracle',
  'sqlserver',
  'sql_server',
  'sqlite',
  'sqlite3',
  'derby',
  'db2',
  'redis',
  'mongodb',
  'default',
]);

export function isGenericAccountName(value: string): boolean {
  return GENERIC_ACCOUNT_NAMES.has(value.toLowerCase());
}

export function isDbmsName(value: string): boolean {
  return DBMS_NAMES.has(value.toLowerCase());
}
