/**
 * The recovery-time model, checked against the worked examples of reference server-network.md §5.4
 * (each number below is the reference's, derived there by hand from the kernel's timers).
 */
import { describe, expect, it } from 'vitest';
import {
  awaitingReplyHang,
  effectiveSocket,
  keepaliveDeadline,
  LINUX_DEFAULT_SOCKET,
  newConnectionDelay,
  requestHang,
  retransmissionGiveUp,
  retransmissionTimes,
  SYN_GIVE_UP_SECONDS,
  unacknowledgedHang,
} from './recovery';

describe('socket primitives', () => {
  it('retransmissions back off from 200 ms and give up after tcp_retries2', () => {
    expect(retransmissionTimes().slice(0, 11)).toEqual([
      0.2, 0.6, 1.4, 3, 6.2, 12.6, 25.4, 51, 102.2, 204.6, 324.6,
    ]);
    expect(retransmissionGiveUp(15)).toBe(924.6);
    expect(retransmissionGiveUp(8)).toBe(102.2);
    expect(retransmissionGiveUp(5)).toBe(12.6);
  });

  it('the Linux defaults find a dead idle peer after 2 h 11 m, or never with keepalive off', () => {
    expect(keepaliveDeadline(LINUX_DEFAULT_SOCKET)).toBe(7875);
    expect(
      keepaliveDeadline({
        ...LINUX_DEFAULT_SOCKET,
        keepalive: { ...LINUX_DEFAULT_SOCKET.keepalive, on: false },
      }),
    ).toBe(Number.POSITIVE_INFINITY);
  });

  it('per-socket values override the sysctls only where they are non-zero', () => {
    const s = effectiveSocket({ idle: 30, interval: 0, count: 3, userTimeoutMs: 15_000 });
    expect(s.keepalive).toEqual({ on: true, idle: 30, interval: 75, count: 3 });
    expect(s.userTimeout).toBe(15);
  });
});

describe('§5.4 worked examples', () => {
  it('A: SQLAlchemy + psycopg2 defaults behind an AWS NLB that resets 30 s after the failure', () => {
    const hang = requestHang(LINUX_DEFAULT_SOCKET, { resetAt: 30 });
    expect(hang.a).toBe(51);
    expect(hang.b).toBe(7200);
    expect(unacknowledgedHang(LINUX_DEFAULT_SOCKET)).toBe(924.6);
    // promotion 30 s + 30 s of health checks before the NLB routes to the new node, then one SYN give-up
    expect(newConnectionDelay({ promote: 60, staleConnect: SYN_GIVE_UP_SECONDS })).toBe(187);
  });

  it('B: the same after the typical fix (keepalive 30/10/3, user timeout 20 s, connect timeout 5 s)', () => {
    const s = effectiveSocket({ idle: 30, interval: 10, count: 3, userTimeoutMs: 20_000 });
    expect(keepaliveDeadline(s)).toBe(40);
    expect(unacknowledgedHang(s, { resetAt: 30 })).toBe(20);
    expect(awaitingReplyHang(s, { resetAt: 30 })).toBe(30);
    expect(newConnectionDelay({ promote: 60, staleConnect: 5 })).toBe(65);
  });

  it('C: PgBouncer defaults in session mode on RDS, silent failure, before and after the fix', () => {
    expect(requestHang(LINUX_DEFAULT_SOCKET)).toEqual({ a: 924.6, b: 7875, worst: 7875 });
    const fixed = effectiveSocket({
      keepalive: true,
      idle: 30,
      interval: 10,
      count: 3,
      userTimeoutMs: 15_000,
    });
    expect(requestHang(fixed)).toEqual({ a: 15, b: 40, worst: 40 });
    // promotion 120 + RDS TTL 5 + PgBouncer dns_max_ttl 15 + server_connect_timeout 5 + server_login_retry 3
    expect(newConnectionDelay({ promote: 120, dnsCaches: [5, 15], staleConnect: 5, backoff: 3 })).toBe(148);
  });

  it('an application timeout caps both phases', () => {
    expect(requestHang(LINUX_DEFAULT_SOCKET, { appTimeout: 60 })).toEqual({ a: 60, b: 60, worst: 60 });
  });
});
