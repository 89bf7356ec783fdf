import type { Param } from '../../_lib/connection-string';
import type { ConnectionString, OptionsView } from './options';

/**
 * Prisma's engine-era (≤ 6) connection-URL pool parameters, and where node-postgres takes them when
 * the URL goes to Prisma 7's `new PrismaPg({ connectionString })`: adapter-pg reads only `schema` and
 * `options` from the URL and node-postgres reads none of these, so they must become Pool options.
 * `connect_timeout` is not here: node-postgres's URL rule (js.pg.options-in-url-ignored) moves it.
 */
export const PRISMA_POOL_PARAMS: Record<string, { key: string; factor: number } | null> = {
  connection_limit: { key: 'max', factor: 1 },
  pool_timeout: { key: 'connectionTimeoutMillis', factor: 1000 },
  max_idle_connection_lifetime: { key: 'idleTimeoutMillis', factor: 1000 },
  socket_timeout: { key: 'query_timeout', factor: 1000 },
};

export interface PrismaConversion {
  param: Param;
  /** The Pool option it becomes; null when it is only removed (0 = Prisma's "no limit", a repeat, a key set already). */
  key: string | null;
  value: string | null;
}

/** The conversions for an adapter URL, given what the options object already sets. */
export function prismaAdapterConversions(
  url: ConnectionString,
  options: OptionsView | null,
): PrismaConversion[] {
  if (!url.parsed) return [];
  const out: PrismaConversion[] = [];
  const written = new Set<string>();
  const params = url.parsed.params;
  // pool_timeout and connect_timeout both become connectionTimeoutMillis: connect_timeout is moved by
  // the node-postgres URL rule, so pool_timeout only counts when connect_timeout is absent.
  const connectTimeout = params.some((p) => p.key === 'connect_timeout');
  for (const param of params) {
    const spec = PRISMA_POOL_PARAMS[param.key];
    if (spec === undefined) continue;
    const last = params.filter((p) => p.key === param.key).at(-1) === param;
    let key: string | null = spec?.key ?? null;
    let value: string | null = null;
    if (!last || !/^\d+$/.test(param.value) || Number(param.value) === 0) key = null;
    if (key === 'connectionTimeoutMillis' && connectTimeout) key = null;
    if (key && (options?.properties.has(key) || written.has(key))) key = null;
    if (key) {
      value = String(Number(param.value) * (spec?.factor ?? 1));
      written.add(key);
    }
    out.push({ param, key, value });
  }
  return out;
}
