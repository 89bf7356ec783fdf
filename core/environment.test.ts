import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIDDLEBOX_IDLE_SECONDS,
  EnvironmentError,
  effectiveMiddleboxIdleSeconds,
  parseEnvironmentAssignments,
} from './environment';
import type { RedactedText } from './redacted';

describe('environment profile', () => {
  it('parses every documented name into typed values', () => {
    const profile = parseEnvironmentAssignments([
      'middleboxIdleSeconds=350',
      'dnsTtlSeconds=5',
      'failoverProne=true',
      'behindPgbouncer=true',
      'platform=aurora',
      'os=linux',
      'pgMajor=15',
      'pgbouncerVersion=1.18.0',
      'sqlalchemy=2.0.36',
      'hikariCP=5.1.0',
    ]);
    expect(profile).toEqual({
      middleboxIdleSeconds: 350,
      dnsTtlSeconds: 5,
      failoverProne: true,
      behindPgbouncer: true,
      platform: 'aurora',
      os: 'linux',
      pgMajor: 15,
      pgbouncerVersion: '1.18.0',
      versions: { sqlalchemy: '2.0.36', hikariCP: '5.1.0' },
    });
    expect(effectiveMiddleboxIdleSeconds(profile)).toBe(350);
    expect(effectiveMiddleboxIdleSeconds({})).toBe(DEFAULT_MIDDLEBOX_IDLE_SECONDS);
  });

  it.each([
    ['colour=blue', /unknown environment name "colour"/],
    ['middleboxIdleSeconds=4min', /whole number of seconds/],
    ['dnsTtlSeconds=5s', /dnsTtlSeconds: "5s" must be a whole number of seconds/],
    ['dnsTtlSeconds=-1', /dnsTtlSeconds/],
    ['dnsTtlSeconds=2147483648', /dnsTtlSeconds/],
    ['failoverProne=yes', /true or false/],
    ['behindPgbouncer=1', /behindPgbouncer: "1" must be true or false/],
    ['platform=heroku', /must be one of rds/],
    ['pgMajor=fifteen', /major version/],
    ['sqlalchemy=latest', /not a version/],
    ['noequals', /NAME=VALUE/],
    ['haNodes=pg1:5432', /at least two node addresses/],
    ['haNodes=pg1;pg2', /at least two node addresses/],
  ])('rejects %s with a message naming the problem', (assignment, message) => {
    expect(() => parseEnvironmentAssignments([assignment])).toThrow(EnvironmentError);
    expect(() => parseEnvironmentAssignments([assignment])).toThrow(message);
  });

  it('reads the nodes of an HA pair without a VIP, in order, ports kept', () => {
    expect(
      parseEnvironmentAssignments(['haNodes= pg-a.internal:5432, pg-b.internal ,[fd00::2]:5433']),
    ).toEqual({
      haNodes: ['pg-a.internal:5432', 'pg-b.internal', '[fd00::2]:5433'],
    });
  });

  it('accepts a record TTL of 0 (not cached) and keeps it through a share link', async () => {
    expect(parseEnvironmentAssignments(['dnsTtlSeconds=0'])).toEqual({ dnsTtlSeconds: 0 });
    const { encodePermalink, decodePermalink } = await import('../engine/permalink');
    const environment = { preset: 'aurora' as const, dnsTtlSeconds: 30, failoverProne: true };
    const link = await encodePermalink({ text: 'x = 1\n' as RedactedText, environment });
    const decoded = await decodePermalink(link);
    expect(decoded.ok && decoded.state.environment).toMatchObject({ preset: 'aurora', dnsTtlSeconds: 30 });
  });
});
