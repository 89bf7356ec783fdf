/**
 * reference/server-network.md §6, Linux vectors (TV11–TV12): exactly the reference's Linux rule ids
 * fire (opt-in advisories off), each with the reference's kind of fix, and applying the safe and
 * review fixes gives the reference's result byte for byte (expected files written by hand from the
 * reference). Running the engine over the result changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixSafety } from '../../core/types';
import { engine } from '../../tests/support/engine';
import { expectedName, LINUX_VECTORS, type LinuxVector } from './_vectors/vectors';

const here = new URL('./_vectors/', import.meta.url).pathname;

const fired = (findings: { ruleId: string; fix: { safety: FixSafety } | null }[]) =>
  findings.map((f) => `${f.ruleId}:${f.fix ? f.fix.safety : 'none'}`).sort();

describe('reference/server-network.md §6 Linux vectors (linux rules, safe and review fixes)', () => {
  for (const vector of LINUX_VECTORS) {
    it(`${vector.id} (${vector.file}) fires ${vector.fires.join(', ')}`, async () => {
      const text = readFileSync(join(here, vector.file), 'utf8');
      const options = { filename: vector.file, environment: vector.environment, unsafe: true };
      const result = await engine.analyse(text, options);
      expect(result.problems).toEqual([]);
      expect(result.format.format).toBe('sysctl');
      expect(fired(result.findings)).toEqual(vector.fires);
      expect(result.patched).toBe(readFileSync(join(here, expectedName(vector.file)), 'utf8'));
      const again = await engine.analyse(result.patched, options);
      expect(again.patched).toBe(result.patched);
      expect(again.findings.filter((f) => f.fix !== null)).toEqual([]);
    });
  }
});

describe('linux rules: scope, opt-in advisories and embedded files', () => {
  it('the opt-in advisories stay off by default and run when asked (TV11)', async () => {
    const file = LINUX_VECTORS[0] as LinuxVector;
    const text = readFileSync(join(here, file.file), 'utf8');
    const run = async (optIn: boolean) =>
      fired(
        (await engine.analyse(text, { filename: file.file, environment: file.environment, optIn })).findings,
      );
    expect(await run(false)).toEqual(['linux.keepalive-defaults:safe', 'linux.tcp-retries2-high:review']);
    expect(await run(true)).toEqual([
      'linux.container-netns:none',
      'linux.keepalive-defaults:safe',
      'linux.tcp-retries2-high:review',
    ]);
  });

  it('a sysctl.d snippet that does not tune TCP gets no keepalive or retries keys appended', async () => {
    const text = 'vm.swappiness = 10\nnet.ipv4.ip_forward = 1\n';
    const result = await engine.analyse(text, { filename: '/etc/sysctl.d/99-k8s.conf', unsafe: true });
    expect(result.format.format).toBe('sysctl');
    expect(result.findings).toEqual([]);
    expect(result.patched).toBe(text);
  });

  it('TV11 inside a ConfigMap (a node-tuning DaemonSet mounts it) is fixed in place', async () => {
    const vector = LINUX_VECTORS[0] as LinuxVector;
    const conf = readFileSync(join(here, vector.file), 'utf8');
    const indent = (s: string) =>
      s
        .split('\n')
        .map((l) => (l === '' ? l : `    ${l}`))
        .join('\n');
    const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: node-sysctl\ndata:\n  60-net.conf: |\n${indent(conf)}`;
    const result = await engine.analyse(manifest, {
      filename: 'node-sysctl.yaml',
      environment: vector.environment,
      unsafe: true,
    });
    expect(fired(result.findings)).toEqual(vector.fires);
    const expected = readFileSync(join(here, expectedName(vector.file)), 'utf8');
    expect(result.patched).toBe(manifest.replace(indent(conf), indent(expected)));
  });
});
