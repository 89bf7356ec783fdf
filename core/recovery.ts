/**
 * The recovery-time model of reference server-network.md §5 as pure functions: how long a socket
 * hangs on a peer that vanished, given its keepalive, TCP_USER_TIMEOUT and retransmission settings.
 * All times are seconds. Rules and the page use it to say what a fix changes ("924.6 s → 30 s").
 *
 * Kernel behaviour it encodes (Linux net/ipv4/tcp_timer.c, tcp(7)):
 * - Keepalive probes only run while nothing sent is unacknowledged; so a hang has two phases:
 *   A (a request is out and never acknowledged: retransmissions decide) and B (the request was
 *   acknowledged and the reply never comes: keepalive decides).
 * - With TCP_USER_TIMEOUT set, it replaces the probe count: the connection dies at the first probe
 *   tick past the timeout, after at least one probe.
 * - Retransmissions back off exponentially from the initial RTO (at least 200 ms), capped at 120 s.
 */

export interface SocketTimers {
  keepalive: { on: boolean; idle: number; interval: number; count: number };
  /** TCP_USER_TIMEOUT in seconds; 0 = not set. */
  userTimeout: number;
  /** net.ipv4.tcp_retries2. */
  retries2: number;
  /** Initial retransmission timeout: max(0.2, srtt + 4·rttvar). */
  rto0?: number;
}

export const LINUX_DEFAULT_SOCKET: SocketTimers = {
  keepalive: { on: true, idle: 7200, interval: 75, count: 9 },
  userTimeout: 0,
  retries2: 15,
};

const RTO_MAX = 120;
const MIN_RTO = 0.2;

/** Rounds away binary noise (0.6000000000000001) to a tenth of a millisecond. */
const tidy = (seconds: number) =>
  Number.isFinite(seconds) ? Math.round(seconds * 10_000) / 10_000 : seconds;

/** Seconds after the last byte received at which keepalive declares the peer dead. */
export function keepaliveDeadline(s: SocketTimers): number {
  const { on, idle, interval, count } = s.keepalive;
  if (!on) return Number.POSITIVE_INFINITY;
  if (s.userTimeout > 0) {
    const ticks = Math.max(1, Math.ceil((s.userTimeout - idle) / interval));
    return tidy(idle + interval * ticks);
  }
  return tidy(idle + count * interval);
}

/** When each retransmission goes out, counted from the original send: 0.2, 0.6, 1.4, 3.0, 6.2, … */
export function retransmissionTimes(rto0 = MIN_RTO, n = 15): number[] {
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += Math.min(rto0 * 2 ** i, RTO_MAX);
    out.push(tidy(at));
  }
  return out;
}

/** When the kernel gives up on unacknowledged data after `retries2` retransmissions (15 → 924.6 s). */
export function retransmissionGiveUp(retries2: number, rto0 = MIN_RTO): number {
  let total = 0;
  for (let i = 0; i <= retries2; i++) total += Math.min(rto0 * 2 ** i, RTO_MAX);
  return tidy(total);
}

export interface HangContext {
  /** An application or pool timeout that ends the wait first (statement / query timeout). */
  appTimeout?: number;
  /** When an element on the path starts answering with a reset (a load balancer marking the target down). */
  resetAt?: number;
}

/** Phase A: the request was sent and is never acknowledged. */
export function unacknowledgedHang(s: SocketTimers, context: HangContext = {}): number {
  const rto0 = s.rto0 ?? MIN_RTO;
  let t = s.userTimeout > 0 ? s.userTimeout : retransmissionGiveUp(s.retries2, rto0);
  const resetAt = context.resetAt ?? Number.POSITIVE_INFINITY;
  if (Number.isFinite(resetAt)) {
    // The first retransmission at or after the reset point draws the reset.
    const hit = retransmissionTimes(rto0, s.retries2).find((x) => x >= resetAt);
    if (hit !== undefined) t = Math.min(t, hit);
  }
  return tidy(Math.min(t, context.appTimeout ?? Number.POSITIVE_INFINITY));
}

/** Phase B: the request was acknowledged and the reply never comes. */
export function awaitingReplyHang(s: SocketTimers, context: HangContext = {}): number {
  let t = keepaliveDeadline(s);
  const resetAt = context.resetAt ?? Number.POSITIVE_INFINITY;
  if (s.keepalive.on && Number.isFinite(resetAt)) {
    // The first probe sent at or after the reset point draws the reset.
    const { idle, interval } = s.keepalive;
    t = Math.min(t, idle + Math.max(0, Math.ceil((resetAt - idle) / interval)) * interval);
  }
  return tidy(Math.min(t, context.appTimeout ?? Number.POSITIVE_INFINITY));
}

/** The worst case of a request in flight on a dead hop: the longer of the two phases. */
export function requestHang(
  s: SocketTimers,
  context: HangContext = {},
): { a: number; b: number; worst: number } {
  const a = unacknowledgedHang(s, context);
  const b = awaitingReplyHang(s, context);
  return { a, b, worst: Math.max(a, b) };
}

/**
 * The socket a program really gets: its own per-socket values where it sets them (non-zero), the
 * host's sysctls otherwise (libpq, PgBouncer and PostgreSQL all treat 0 as "use the OS").
 */
export function effectiveSocket(
  perSocket: {
    keepalive?: boolean;
    idle?: number;
    interval?: number;
    count?: number;
    userTimeoutMs?: number;
  },
  host: SocketTimers = LINUX_DEFAULT_SOCKET,
): SocketTimers {
  const pick = (own: number | undefined, fallback: number) => (own !== undefined && own > 0 ? own : fallback);
  return {
    keepalive: {
      on: perSocket.keepalive ?? host.keepalive.on,
      idle: pick(perSocket.idle, host.keepalive.idle),
      interval: pick(perSocket.interval, host.keepalive.interval),
      count: pick(perSocket.count, host.keepalive.count),
    },
    userTimeout:
      perSocket.userTimeoutMs && perSocket.userTimeoutMs > 0
        ? perSocket.userTimeoutMs / 1000
        : host.userTimeout,
    retries2: host.retries2,
    rto0: host.rto0,
  };
}

export interface NewConnectionTerms {
  /** Service failover including the DNS update; for a VIP or shared IP, until the new node is routable. */
  promote: number;
  /** Every DNS cache between the client and the authority, summed (each can re-cache just before the flip). */
  dnsCaches?: readonly number[];
  /** One connection attempt that went to the old address: its connect timeout (or ≈127 s of SYN retries). */
  staleConnect: number;
  /** The pool's or driver's delay before it tries again. */
  backoff?: number;
}

/** How long until new connections reach the new primary: promotion + DNS caches + one stale attempt + backoff. */
export function newConnectionDelay(terms: NewConnectionTerms): number {
  const dns = (terms.dnsCaches ?? []).reduce((sum, ttl) => sum + ttl, 0);
  return tidy(terms.promote + dns + terms.staleConnect + (terms.backoff ?? 0));
}

/** Linux gives up a connect to a silent address after ≈127 s (6 SYN retries from a 1 s RTO). */
export const SYN_GIVE_UP_SECONDS = 127;
