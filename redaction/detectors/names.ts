/**
 * Key vocabularies: which configuration keys hold secrets and which hold infrastructure identifiers.
 * A key is split into words (`spring.datasource.password` → spring datasource password,
 * `dbPassword` → db password, `PGPASSWORD` → pgpassword) and judged by its last words, so that
 * `password_encryption`, `auth_query`, `token_ttl` or `secretName` are not mistaken for secrets.
 */
import type { RedactionKind } from '../types';

export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'pw', 'passphrase', 'passcode']);
const TOKEN_WORDS = new Set([
  'secret',
  'secrets',
  'token',
  'apikey',
  'apisecret',
  'secretkey',
  'privatekey',
  'accesstoken',
  'authtoken',
  'credentials',
  'credential',
  'passkey',
]);
const TOKEN_PAIRS = new Set([
  'api key',
  'secret key',
  'private key',
  'master key',
  'signing key',
  'encryption key',
  'license key',
  'hmac key',
  'auth key',
  'app key',
  'session key',
  'shared key',
  'client key',
  'consumer key',
  'api secret',
  'key base',
]);
const CLOUD_KEY_PAIRS = new Set(['access key', 'account key']);
/** Secret-looking keys whose value names where the secret lives, not the secret. */
const NOT_SECRET_BEFORE_TAIL = new Set([
  'existing',
  'use',
  'enable',
  'enabled',
  'show',
  'require',
  'required',
]);

/** The kind of secret a key holds, or null when its name does not say it holds one. */
export function secretKindForKey(key: string): RedactionKind | null {
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (!last) return null;
  const before = words[words.length - 2];
  if (before && NOT_SECRET_BEFORE_TAIL.has(before)) return null;
  if (PASSWORD_WORDS.has(last) || (last.length > 8 && /(?:password|passwd)$/.test(last))) return 'password';
  const pair = before ? `${before} ${last}` : '';
  if (CLOUD_KEY_PAIRS.has(pair)) return 'cloud-key';
  if (TOKEN_WORDS.has(last) || TOKEN_PAIRS.has(pair)) return 'token';
  if (last.length > 5 && /(?:token|secret|apikey)$/.test(last)) return 'token';
  return null;
}

/** Words that make a key possibly secret; also the weak-secret rule's keyword pre-filter. */
export const WEAK_SECRET_WORDS: ReadonlySet<string> = new Set([
  'key',
  'auth',
  'credential',
  'credentials',
  'signature',
  'sig',
  'salt',
  'seed',
  'hmac',
  'cookie',
  'session',
  'cipher',
  'encryption',
  'private',
  'access',
  'bearer',
  'authorization',
]);
/** Last words that make a key about a secret without holding one (`key_id`, `session_timeout`). */
const NOT_A_VALUE_TAIL = new Set([
  'id',
  'ids',
  'name',
  'names',
  'file',
  'files',
  'path',
  'dir',
  'url',
  'uri',
  'endpoint',
  'type',
  'ref',
  'version',
  'algorithm',
  'alg',
  'mode',
  'timeout',
  'ttl',
  'length',
  'size',
  'count',
  'enabled',
  'expiry',
  'expires',
  'format',
  'prefix',
  'header',
  'field',
  'method',
  'provider',
  'region',
  'host',
  'port',
  'user',
  'username',
  'level',
  'log',
  'policy',
  'scope',
  'scopes',
  'role',
  'arn',
  'location',
  'store',
]);

/** A key that may hold a secret (`session_key`, `x-auth`): its value counts only when random enough. */
export function isWeakSecretKey(key: string): boolean {
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (!last || NOT_A_VALUE_TAIL.has(last)) return false;
  // Publishable and public keys are meant to be shared.
  if (words.includes('public') || words.includes('publishable')) return false;
  return words.some((w) => WEAK_SECRET_WORDS.has(w));
}

const HOST_WORDS = new Set([
  'host',
  'hostname',
  'hostaddr',
  'server',
  'servername',
  'endpoint',
  'address',
  'addr',
]);
const DATABASE_WORDS = new Set(['dbname', 'database', 'db', 'pgdatabase', 'catalog']);
const USER_WORDS = new Set(['user', 'username', 'usename', 'login', 'pguser', 'dbuser', 'uid']);
const GLUED_PREFIX = /^(?:pg|db|mysql|redis|postgres|database|sql|mongo|mq)/;

/** The identifier kind a key holds: `PGHOST`, `spring.redis.host`, `POSTGRES_DB`, `auth_user`. */
export function infraKindForKey(key: string): 'host' | 'database' | 'user' | null {
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (!last) return null;
  const pair = words.length >= 2 ? `${words[words.length - 2]} ${last}` : '';
  if (HOST_WORDS.has(last) || pair === 'server name' || pair === 'host name') return 'host';
  if (GLUED_PREFIX.test(last) && /host$/.test(last)) return 'host';
  if (DATABASE_WORDS.has(last) || pair === 'db name' || pair === 'database name') return 'database';
  if (USER_WORDS.has(last) || pair === 'user name' || (GLUED_PREFIX.test(last) && /user$/.test(last)))
    return 'user';
  return null;
}
