import { CANONICAL } from '../../../core/canonical';

/** The values the JS/TS fixes write, derived from the canonical ones, in node-postgres's units. */
export const JS_VALUES = {
  /** `keepAliveInitialDelayMillis`: first probe after 30 s idle (node turns ms into whole seconds). */
  keepAliveDelayMs: CANONICAL.keepaliveIdleSeconds * 1000,
  /** `connectionTimeoutMillis`: bounds both a new connection and the wait for a free client. */
  connectTimeoutMs: CANONICAL.connectTimeoutSeconds * 1000,
  /** pg-pool's own default for `idleTimeoutMillis`. */
  idleTimeoutMs: 10_000,
  /** `maxLifetimeSeconds`: rotates busy connections off a node that is alive but wrong. */
  lifetimeSeconds: 1800,
  /** Suggested `query_timeout`: must exceed the longest legitimate query. */
  queryTimeoutMs: 60_000,
} as const;

/** Node's keepalive delay is `~~(ms / 1000)` seconds: below 1000 ms it is 0, the OS default (2 h on Linux). */
export const MIN_KEEPALIVE_DELAY_MS = 1000;

/** `a.b.c` as numbers; true when `version` is at least `minimum`, null when unknown. */
export function versionAtLeast(version: string | undefined, minimum: readonly number[]): boolean | null {
  if (!version) return null;
  const parts = version.split(/[.+-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < minimum.length; i++) {
    const have = Number.isNaN(parts[i] ?? Number.NaN) ? 0 : (parts[i] as number);
    const need = minimum[i] as number;
    if (have !== need) return have > need;
  }
  return true;
}
