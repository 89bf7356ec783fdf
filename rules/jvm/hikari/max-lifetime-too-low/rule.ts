import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import { MIN_MAX_LIFETIME, setting } from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.hikari.max-lifetime-too-low',
  title: 'HikariCP maxLifetime below 30 s is reset to 30 minutes',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a HikariCP `maxLifetime` between 1 and 29999 ms.',
    why: 'HikariCP replaces any maxLifetime under 30000 ms with its default of 1800000 ms ("maxLifetime is less than 30000ms, setting to default 1800000ms."), so a value chosen to stay under a short proxy or server limit silently becomes 30 minutes: the opposite of what was asked.',
    example: {
      before: 'config.setMaxLifetime(20000);',
      after: 'config.setMaxLifetime(30000);',
    },
    fixSafety:
      'safe: 30000 ms is the shortest lifetime HikariCP honours and the closest working value to the one written; connections are replaced every 30 s (with jitter) instead of every 30 minutes.',
    sources: [SOURCES.hkConfig, SOURCES.hkReadme],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const { entry, raw } = setting(site, 'maxLifetime');
      if (!entry?.value || typeof raw !== 'number' || raw <= 0 || raw >= MIN_MAX_LIFETIME) continue;
      const name = site.spell('maxLifetime');
      report({
        range: entry.range,
        message: `${name}=${raw} is under HikariCP's 30000 ms minimum, so HikariCP resets it to 1800000 ms (30 minutes) at startup, far longer than intended. 30000 is the shortest lifetime it honours.`,
        fix: {
          safety: 'safe',
          description: `Set ${name} to 30000.`,
          edits: [entry.value.write(MIN_MAX_LIFETIME)],
        },
      });
    }
  },
});
