import { type EnvironmentProfile, effectiveIdleLimit } from './environment';

/**
 * The values every fix writes, in one place, each with its unit. Rules convert to the unit of the
 * setting they edit (libpq seconds, HikariCP milliseconds…) and say the unit in their messages.
 */
export const CANONICAL = {
  /** First keepalive probe after this much idle time: well inside every common middlebox timeout. */
  keepaliveIdleSeconds: 30,
  keepaliveIntervalSeconds: 10,
  /** 30 + 10 × 3 = a dead peer noticed within 60 s of silence. */
  keepaliveCount: 3,
  /** Unacknowledged data for this long means the peer is gone (libpq, PostgreSQL, PgBouncer: ms). */
  tcpUserTimeoutMs: 30_000,
  /**
   * 10 s, not 5: libpq applies it per host, and a cross-region TLS + SCRAM handshake on a loaded
   * server can take several seconds. Ten bounds a black-holed reconnect without failing slow but
   * healthy ones.
   */
  connectTimeoutSeconds: 10,
  /** Margin kept below the middlebox idle timeout for time a connection sits checked out unused. */
  lifetimeMarginSeconds: 40,
  /** Never recycle faster than this, whatever the middlebox: reconnect storms cost more. */
  minimumLifetimeSeconds: 30,
} as const;

/**
 * How long a pooled connection may live or idle before it is replaced: `M − 40` s where M is the
 * smallest middlebox idle timeout (240 s when unknown, so 200 s) or a tighter clean-close timer on the
 * path (`idleCloseSeconds`), never below 30 s.
 */
export function idleBoundSeconds(environment: EnvironmentProfile): number {
  return Math.max(
    CANONICAL.minimumLifetimeSeconds,
    effectiveIdleLimit(environment).seconds - CANONICAL.lifetimeMarginSeconds,
  );
}

/**
 * Server-side values (reference server-network.md §3). PgBouncer's sockets face both the clients and
 * PostgreSQL, so it uses the client canonical 30 / 10 / 3. PostgreSQL's own keepalives only reap dead
 * clients and keep middlebox flows open, so they probe a little later: 60 / 10 / 6 (cleanup within
 * 2 minutes). The kernel fallback for every other keepalive socket on a host uses the same 60 / 10 / 6.
 */
export const SERVER_CANONICAL = {
  pgbouncer: { keepidle: 30, keepintvl: 10, keepcnt: 3, tcpUserTimeoutMs: 30_000 },
  postgres: { keepalivesIdle: 60, keepalivesInterval: 10, keepalivesCount: 6 },
  linux: { keepaliveTime: 60, keepaliveIntvl: 10, keepaliveProbes: 6, tcpRetries2: 8 },
} as const;
