/**
 * reference/js-go-ruby.md §5, Rails vectors (TV19, TV20): exactly the reference's rule ids fire with
 * the reference's kind of fix, and the safe and review fixes give the reference's database.yml
 * (expected files written by hand from the reference).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import type { FixSafety } from '../../core/types';
import { engine } from '../../tests/support/engine';
import { RULES } from '../index';

const here = new URL('./_vectors/', import.meta.url).pathname;
const MINE = RULES.filter((r) => r.id.startsWith('ruby.')).map((r) => r.id);

interface RailsVector {
  id: string;
  file: string;
  environment: EnvironmentProfile;
  fires: Record<string, FixSafety | 'none'>;
  differs?: string;
}

const RAILS_VECTORS: RailsVector[] = [
  {
    id: 'TV19',
    file: 'v19-rails72-anchor.yml',
    environment: { versions: { rails: '7.2' } },
    fires: {
      'ruby.rails.idle-reaping-disabled': 'review',
      'ruby.rails.keepalive-key-confusion': 'none',
      'ruby.rails.keepalives-missing': 'safe',
      'ruby.rails.connect-timeout-missing': 'safe',
      'ruby.rails.tcp-user-timeout-missing': 'review',
    },
    differs:
      "connect_timeout: 10, not the reference's 5: staleproof writes CANONICAL.connectTimeoutSeconds everywhere",
  },
  {
    id: 'TV20',
    file: 'v20-rails81-warm.yml',
    environment: { versions: { rails: '8.1' } },
    fires: {
      'ruby.rails.pool-keepalive-above-lb': 'safe',
      'ruby.rails.max-age-missing': 'review',
      'ruby.rails.tcp-user-timeout-missing': 'review',
    },
  },
];

describe('reference/js-go-ruby.md §5 Rails vectors (every Rails rule, safe and review fixes)', () => {
  for (const vector of RAILS_VECTORS) {
    it(`${vector.id} (${vector.file}) fires ${Object.keys(vector.fires).join(', ')}`, async () => {
      const text = readFileSync(join(here, vector.file), 'utf8');
      const options = { filename: vector.file, environment: vector.environment, rules: MINE, unsafe: true };
      const result = await engine.analyse(text, options);
      expect(result.problems).toEqual([]);
      const fired = Object.fromEntries(
        result.findings.map((f) => [f.ruleId, f.fix ? f.fix.safety : 'none'] as const),
      );
      expect(fired).toEqual(vector.fires);
      expect(result.patched).toBe(
        readFileSync(join(here, vector.file.replace(/\.yml$/, '.fixed.yml')), 'utf8'),
      );
      const again = await engine.analyse(result.patched, options);
      expect(again.patched).toBe(result.patched);
    });
  }

  it('the anchor is never edited, and development / test stay as they are', async () => {
    const text =
      'default: &default\n  adapter: postgresql\n  idle_timeout: 0\ndevelopment:\n  <<: *default\nproduction:\n  <<: *default\n';
    const result = await engine.analyse(text, { filename: 'database.yml', rules: MINE, unsafe: true });
    expect(
      result.patched.startsWith(
        'default: &default\n  adapter: postgresql\n  idle_timeout: 0\ndevelopment:\n  <<: *default\nproduction:\n  <<: *default\n  idle_timeout: 300\n',
      ),
    ).toBe(true);
  });

  it('Rails 8.1 rules stay silent on older or unknown versions without 8.1-only keys', async () => {
    const text = 'production:\n  adapter: postgresql\n  pool: 5\n';
    for (const environment of [{}, { versions: { rails: '8.0' } }]) {
      const result = await engine.analyse(text, {
        filename: 'database.yml',
        environment,
        rules: ['ruby.rails.max-age-missing'],
      });
      expect(result.findings).toEqual([]);
    }
    const on81 = await engine.analyse(text, {
      filename: 'database.yml',
      environment: { versions: { rails: '8.1.1' } },
      rules: ['ruby.rails.max-age-missing'],
    });
    expect(on81.findings).toHaveLength(1);
  });
});
