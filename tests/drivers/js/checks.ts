import type { InstanceReport, JsDriverCheck } from './report';

/**
 * What each rule's fix must change in the library's own view, checked on every instance a patched
 * file builds. A rule without an entry writes nothing a library could show (a suggestion, a flag).
 */

const isPg = (i: InstanceReport) => i.kind === 'pg.Pool' || i.kind === 'pg.Client';
const isSocketHost = (i: InstanceReport) =>
  typeof i.config.host === 'string' && i.config.host.startsWith('/');

/** The URL query keys the fixture wrote (from the harness's host-and-query summary). */
function urlParams(i: InstanceReport): Map<string, string> {
  const summary = i.kind === 'postgres' ? i.config.url : i.config.connectionString;
  const out = new Map<string, string>();
  if (typeof summary !== 'string') return out;
  for (const part of summary.split('&').slice(1)) {
    const eq = part.indexOf('=');
    out.set(eq >= 0 ? part.slice(0, eq) : part, eq >= 0 ? part.slice(eq + 1) : '');
  }
  return out;
}

const keepalive: JsDriverCheck = (i) => {
  if (!isPg(i) || isSocketHost(i)) return null;
  const ka = i.client?.socketKeepalive;
  if (!ka?.enable) return 'the socket has no TCP keepalive';
  if ((ka.delay ?? 0) < 1000) return `keepalive delay ${ka.delay} ms means the OS default`;
  return null;
};

const connectTimeout: JsDriverCheck = (i) => {
  if (!isPg(i)) return null;
  const client = i.client?.connectionTimeoutMillis ?? 0;
  if (!(client > 0)) return `the client connects without a timeout (${client})`;
  if (i.kind === 'pg.Pool' && !((i.options?.connectionTimeoutMillis as number) > 0))
    return `pool.options.connectionTimeoutMillis is ${i.options?.connectionTimeoutMillis}`;
  return null;
};

const idleTimeout: JsDriverCheck = (i) => {
  if (i.kind !== 'pg.Pool') return null;
  const v = i.options?.idleTimeoutMillis;
  return typeof v === 'number' && v > 0
    ? null
    : `pool.options.idleTimeoutMillis is ${v}: idle clients never close`;
};

const lifetime: JsDriverCheck = (i) => {
  if (i.kind !== 'pg.Pool') return null;
  const v = i.options?.maxLifetimeSeconds;
  return typeof v === 'number' && v > 0 ? null : `pool.options.maxLifetimeSeconds is ${v}`;
};

const listener =
  (kind: InstanceReport['kind']): JsDriverCheck =>
  (i) =>
    i.kind !== kind ? null : (i.errorListeners ?? 0) > 0 ? null : `${kind} has no 'error' listener`;

const urlOptions: JsDriverCheck = (i) => {
  if (!isPg(i)) return null;
  const params = urlParams(i);
  const ignored = [
    'keepalives',
    'keepalives_idle',
    'connect_timeout',
    'keepAlive',
    'connectionTimeoutMillis',
    'max',
  ];
  const left = ignored.filter((k) => params.has(k));
  if (left.length) return `the URL still holds ${left.join(', ')}`;
  if (i.config.keepAlive === true && !i.client?.socketKeepalive?.enable)
    return 'keepAlive was moved but the socket has none';
  const t = i.config.connectionTimeoutMillis;
  if (typeof t === 'number' && i.client?.connectionTimeoutMillis !== t)
    return `connectionTimeoutMillis ${t} written, client uses ${i.client?.connectionTimeoutMillis}`;
  if (i.kind === 'pg.Pool' && typeof i.config.max === 'number' && i.options?.max !== i.config.max)
    return `max ${i.config.max} written, pool uses ${i.options?.max}`;
  return null;
};

const protection: JsDriverCheck = (i) => {
  if (i.kind !== 'postgres') return null;
  const o = i.options ?? {};
  if (o.max_lifetime !== 'default' && !((o.max_lifetime as number) > 0))
    return `max_lifetime is ${o.max_lifetime}`;
  if (!((o.keep_alive as number) > 0)) return `keep_alive is ${o.keep_alive}`;
  if (!i.socketKeepalive?.some((k) => k.enable && (k.delay ?? 0) >= 1000))
    return 'no socket got TCP keepalive';
  return null;
};

const seconds: JsDriverCheck = (i) => {
  if (i.kind !== 'postgres') return null;
  const o = i.options ?? {};
  for (const key of ['idle_timeout', 'connect_timeout', 'keep_alive']) {
    const v = o[key];
    if (typeof v === 'number' && v >= 1000) return `${key} is ${v} s`;
  }
  if (typeof o.max_lifetime === 'number' && o.max_lifetime >= 86_400)
    return `max_lifetime is ${o.max_lifetime} s`;
  return null;
};

const foreign: JsDriverCheck = (i) => {
  if (i.kind !== 'postgres') return null;
  if (i.error) return `postgres.js fails: ${i.error.code} ${i.error.message}`;
  if (i.select1 !== 1) return 'SELECT 1 did not return 1';
  const sent = (i.options?.connection as string[] | undefined) ?? [];
  const unexpected = sent.filter((k) => k !== 'application_name' && k !== 'search_path');
  return unexpected.length ? `still sends ${unexpected.join(', ')} at startup` : null;
};

/** The ORM's node-postgres client has a keepalive socket with a delay Node keeps (≥ 1 s). */
const ormKeepalive =
  (kind: InstanceReport['kind']): JsDriverCheck =>
  (i) => {
    if (i.kind !== kind) return null;
    if (typeof i.pgConfig?.host === 'string' && i.pgConfig.host.startsWith('/')) return null;
    const ka = i.client?.socketKeepalive;
    if (!ka?.enable) return `${kind} opened its node-postgres socket without TCP keepalive`;
    if ((ka.delay ?? 0) < 1000) return `${kind}'s keepalive delay ${ka.delay} ms means the OS default`;
    if (i.pgConfig?.keepAlive !== true) return `${kind} did not pass keepAlive: true to node-postgres`;
    return null;
  };

/** sequelize-pool / tarn reap idle connections: min 0, idle within the default middlebox bound. */
const ormPoolReaps =
  (kind: InstanceReport['kind'], maxIdle: number): JsDriverCheck =>
  (i) => {
    if (i.kind !== kind) return null;
    const pool = i.pool ?? {};
    if (pool.min !== 0) return `${kind} pool min is ${pool.min}: idle connections are never reaped`;
    if (!(typeof pool.idle === 'number' && pool.idle > 0 && pool.idle <= maxIdle))
      return `${kind} pool idle is ${pool.idle}`;
    return null;
  };

/** Knex builds its pool without the lifetime keys and connects (knex here is ≥ 3.2, so this shows it still runs). */
const knexLifetime: JsDriverCheck = (i) => {
  if (i.kind !== 'knex') return null;
  if (i.error) return `knex fails: ${i.error.message}`;
  return i.select1 === 1 ? null : 'SELECT 1 did not return 1';
};

/** Prisma 7 adapter (stand-in pg Pool): the engine's URL params are gone and pg uses what replaced them. */
const PRISMA_PARAMS = ['connection_limit', 'pool_timeout', 'socket_timeout', 'max_idle_connection_lifetime'];
const prismaAdapter: JsDriverCheck = (i) => {
  if (i.kind !== 'pg.Pool') return null;
  const params = urlParams(i);
  const left = PRISMA_PARAMS.filter((k) => params.has(k));
  if (left.length) return `the adapter URL still holds ${left.join(', ')}`;
  for (const key of ['max', 'idleTimeoutMillis', 'connectionTimeoutMillis']) {
    const written = i.config[key];
    if (typeof written === 'number' && i.options?.[key] !== written)
      return `${key} ${written} written, the pool uses ${i.options?.[key]}`;
  }
  const qt = i.config.query_timeout;
  if (typeof qt === 'number' && i.client?.query_timeout !== qt)
    return `query_timeout ${qt} written, the client uses ${i.client?.query_timeout}`;
  return null;
};

export const JS_CHECKS: Record<string, JsDriverCheck> = {
  'js.pg.keepalive-missing': keepalive,
  'js.pg.connection-timeout-unbounded': connectTimeout,
  'js.pg.idle-timeout-disabled': idleTimeout,
  'js.pg.max-lifetime-missing': lifetime,
  'js.pg.pool-error-listener-missing': listener('pg.Pool'),
  'js.pg.client-error-listener-missing': listener('pg.Client'),
  'js.pg.options-in-url-ignored': urlOptions,
  'js.postgresjs.protection-disabled': protection,
  'js.postgresjs.seconds-given-as-ms': seconds,
  'js.postgresjs.foreign-url-params': foreign,
  'js.sequelize.pool-keeps-stale-conns': ormPoolReaps('sequelize', 200_000),
  'js.knex.pool-min-nonzero': (i) =>
    i.kind === 'knex' && i.pool?.min !== 0 ? `knex pool min is ${i.pool?.min}` : null,
  'js.knex.keepalive-missing': ormKeepalive('knex'),
  'js.knex.lifetime-option-unsupported': knexLifetime,
  'js.typeorm.keepalive-missing': ormKeepalive('typeorm'),
  'js.prisma.url-pool-params-ignored-by-adapter': prismaAdapter,
  // A .env rule: no JavaScript runs it. The dotenv test in js-drivers.test.ts checks its goldens' URLs.
  'js.prisma.timeout-disabled': () => null,
};
