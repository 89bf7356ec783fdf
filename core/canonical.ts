import { type EnvironmentProfile, effectiveMiddleboxIdleSeconds } from './environment';

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
 * smallest middlebox idle timeout (240 s when unknown, so 200 s), never below 30 s.
 */
export function idleBoundSeconds(environment: EnvironmentProfile): number {
  return Math.max(
    CANONICAL.minimumLifetimeSeconds,
    effectiveMiddleboxIdleSeconds(environment) - CANONICAL.lifetimeMarginSeconds,
  );
}
