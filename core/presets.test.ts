import { describe, expect, it } from 'vitest';
import { parseEnvironmentAssignments } from './environment';
import { isFailoverProne, PRESET_IDS, PRESETS, platformOfHost } from './presets';

describe('environment presets (reference server-network.md §1.4)', () => {
  it('give every preset a label, at least one fact, and an https source for each fact', () => {
    for (const id of PRESET_IDS) {
      const preset = PRESETS[id];
      expect(preset.id).toBe(id);
      expect(preset.label.length).toBeGreaterThan(5);
      expect(preset.facts.length).toBeGreaterThan(0);
      for (const fact of preset.facts) {
        expect(fact.text.length).toBeGreaterThan(30);
        expect(fact.source).toMatch(/^https:\/\//);
      }
    }
  });

  it('set the documented middlebox idle timeouts and managed failover flags', () => {
    const m = (id: string) => parseEnvironmentAssignments([`preset=${id}`]).middleboxIdleSeconds;
    expect([m('aws-nlb'), m('aws-nat'), m('azure-lb'), m('gcp'), m('none'), m('aurora')]).toEqual([
      350,
      350,
      240,
      600,
      undefined,
      undefined,
    ]);
    for (const id of ['rds', 'aurora', 'cloudsql', 'azure-flexible', 'patroni-vip']) {
      expect(isFailoverProne(parseEnvironmentAssignments([`preset=${id}`])), id).toBe(true);
    }
    expect(isFailoverProne(parseEnvironmentAssignments(['preset=none']))).toBe(false);
  });

  it('set the DNS record TTL only where the provider documents it (Aurora 5 s; RDS does not say)', () => {
    const ttl = (id: string) => parseEnvironmentAssignments([`preset=${id}`]).dnsTtlSeconds;
    expect(ttl('aurora')).toBe(5);
    for (const id of PRESET_IDS.filter((p) => p !== 'aurora')) expect(ttl(id), id).toBeUndefined();
    expect(parseEnvironmentAssignments(['dnsTtlSeconds=60', 'preset=aurora']).dnsTtlSeconds).toBe(60);
  });

  it('let explicit values win in any order, and keep the preset name for display', () => {
    const expected = { preset: 'aws-nlb', middleboxIdleSeconds: 120 };
    expect(parseEnvironmentAssignments(['preset=aws-nlb', 'middleboxIdleSeconds=120'])).toEqual(expected);
    expect(parseEnvironmentAssignments(['middleboxIdleSeconds=120', 'preset=aws-nlb'])).toEqual(expected);
    expect(parseEnvironmentAssignments(['preset=aurora', 'failoverProne=false']).failoverProne).toBe(false);
  });

  it('recognise managed hosts by name only where the name is the service’s own', () => {
    expect(platformOfHost('orders.abc123xyz.eu-west-1.rds.amazonaws.com')).toBe('rds');
    expect(platformOfHost('app.cluster-abc123xyz.us-east-1.rds.amazonaws.com')).toBe('aurora');
    expect(platformOfHost('app.cluster-ro-abc123xyz.us-east-1.rds.amazonaws.com')).toBe('aurora');
    expect(platformOfHost('pg-prod.postgres.database.azure.com')).toBe('azure');
    expect(platformOfHost('/cloudsql/proj:europe-west1:db')).toBe('cloudsql');
    for (const host of ['db.internal', 'rds.amazonaws.com.evil.example', '10.0.0.5', 'localhost']) {
      expect(platformOfHost(host), host).toBeUndefined();
    }
  });

  it('decide failover-proneness from the profile first, then the platform, then the hosts', () => {
    const rdsHost = ['orders.abc123xyz.eu-west-1.rds.amazonaws.com'];
    expect(isFailoverProne({}, rdsHost)).toBe(true);
    expect(isFailoverProne({ failoverProne: false }, rdsHost)).toBe(false);
    expect(isFailoverProne({ platform: 'self-hosted' }, ['db.internal'])).toBe(false);
    expect(isFailoverProne({ platform: 'patroni' })).toBe(true);
    expect(isFailoverProne({})).toBe(false);
  });
});
