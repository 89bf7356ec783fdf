import { defineRule } from '../../../define-rule';
import { HIKARI_DEFAULTS, hikariSites } from '../../_lib/hikari';
import { effectiveMaxLifetime, MIN_IDLE_TIMEOUT, setting } from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.hikari.idle-timeout-clamped',
  title: 'HikariCP idleTimeout that HikariCP silently changes or ignores',
  severity: 'info',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a HikariCP `idleTimeout` that HikariCP changes at startup: under 10000 ms (reset to 600000), within 1 s of maxLifetime or above it (idle retirement disabled), or set on a fixed-size pool (minimumIdle unset or equal to maximumPoolSize), where it has no effect at all.',
    why: "These are silent clamps in HikariCP's configuration check: the pool shrinks differently from what the file says. They do not change how dead connections are detected, only how idle connections are retired, hence the low severity.",
    example: {
      before: 'minimum-idle: 2\nidle-timeout: 5000',
      after: 'minimum-idle: 2\nidle-timeout: 10000',
    },
    fixSafety:
      'safe: under 10 s the value becomes 10000 ms, the closest one HikariCP honours; too close to maxLifetime it becomes maxLifetime − 60000 ms when that is at least 10 s (otherwise only a note); on a fixed-size pool the line is removed, since HikariCP ignores it there.',
    sources: [SOURCES.hkConfig, SOURCES.hkReadme],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const idle = setting(site, 'idleTimeout');
      if (!idle.entry?.value || typeof idle.raw !== 'number' || idle.raw <= 0) continue;
      const min = setting(site, 'minimumIdle');
      const max = setting(site, 'maximumPoolSize');
      if (min.raw === null || max.raw === null) continue;
      const maxPool = max.raw === undefined || max.raw < 1 ? HIKARI_DEFAULTS.maximumPoolSize : max.raw;
      const minIdle = min.raw === undefined || min.raw < 0 || min.raw > maxPool ? maxPool : min.raw;
      const ml = effectiveMaxLifetime(site);
      if (ml === null) continue;
      const name = site.spell('idleTimeout');
      if (minIdle >= maxPool) {
        report({
          range: idle.entry.range,
          message: `${name}=${idle.raw} has no effect: with ${min.raw === undefined ? 'minimumIdle unset (it defaults to maximumPoolSize)' : `minimumIdle=${minIdle} and maximumPoolSize=${maxPool}`} the pool is fixed-size and never retires idle connections. The line can go.`,
          fix: { safety: 'safe', description: `Remove ${name}.`, edits: idle.entry.remove() },
        });
        continue;
      }
      if (ml > 0 && idle.raw + 1000 > ml) {
        const value = ml - 60_000;
        const fixable = value >= MIN_IDLE_TIMEOUT;
        report({
          range: idle.entry.range,
          message: `${name}=${idle.raw} is within 1 s of maxLifetime (${ml} ms) or above it, so HikariCP disables idle retirement ("idleTimeout is close to or more than maxLifetime, disabling it.").${fixable ? ` ${value} ms (a minute below maxLifetime) keeps it working.` : ' maxLifetime is too short for a useful idleTimeout: remove it or lengthen maxLifetime.'}`,
          fix: fixable
            ? {
                safety: 'safe',
                description: `Set ${name} to ${value}.`,
                edits: [idle.entry.value.write(value)],
              }
            : null,
        });
        continue;
      }
      if (idle.raw < MIN_IDLE_TIMEOUT) {
        report({
          range: idle.entry.range,
          message: `${name}=${idle.raw} is under HikariCP's 10000 ms minimum, so HikariCP resets it to 600000 ms (10 minutes) at startup. 10000 is the shortest value it honours.`,
          fix: {
            safety: 'safe',
            description: `Set ${name} to 10000.`,
            edits: [idle.entry.value.write(MIN_IDLE_TIMEOUT)],
          },
        });
      }
    }
  },
});
