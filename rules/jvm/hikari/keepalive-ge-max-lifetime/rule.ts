import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import {
  intendedMaxLifetime,
  KEEPALIVE_VALUE,
  MIN_KEEPALIVE,
  setting,
  versionNote,
} from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';
import { atLeast, KEEPALIVE_DEFAULT_SINCE, KEEPALIVE_SINCE } from '../../_lib/versions';

export default defineRule({
  id: 'jvm.hikari.keepalive-ge-max-lifetime',
  title: 'HikariCP keepaliveTime not below maxLifetime is silently disabled',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a HikariCP `keepaliveTime` of at least 30000 ms that is not below `maxLifetime` (maxLifetime under 30 s counts as the 30000 ms `max-lifetime-too-low` sets). Also notes, without an edit, HikariCP 6.2.1+ pools whose implicit 120000 ms keepalive is disabled by a maxLifetime of 120 s or less.',
    why: 'HikariCP turns keepalive off when keepaliveTime >= maxLifetime ("keepaliveTime is greater than or equal to maxLifetime, disabling it."). The pool then has no background check of idle connections although the config says it does.',
    example: {
      before: 'keepalive-time: 300000\nmax-lifetime: 300000',
      after: 'keepalive-time: 150000\nmax-lifetime: 300000',
    },
    fixSafety:
      'safe: with maxLifetime of 60 s or more, keepaliveTime becomes half of it (at least 30000 ms), so each connection is checked at least once in its life; with a shorter maxLifetime no valid keepalive exists and the line is removed (the short lifetime already bounds how long a connection idles).',
    sources: [SOURCES.hkConfig, SOURCES.hkReadme],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      if (atLeast(site.version, KEEPALIVE_SINCE) === false) continue; // no keepalive before 4.0.0
      const { entry, raw } = setting(site, 'keepaliveTime');
      const ml = intendedMaxLifetime(site);
      if (ml === null || ml === 0) continue;
      const kName = site.spell('keepaliveTime');
      const mlName = site.spell('maxLifetime');
      if (entry?.value && typeof raw === 'number') {
        if (raw < MIN_KEEPALIVE || raw < ml) continue;
        if (ml >= 60_000) {
          const value = Math.max(MIN_KEEPALIVE, Math.floor(ml / 2));
          report({
            range: entry.range,
            message: `${kName}=${raw} is not below ${mlName}=${ml}, so HikariCP disables keepalive ("keepaliveTime is greater than or equal to maxLifetime, disabling it."). Half the lifetime, ${value} ms, keeps every connection checked at least once while it lives.`,
            fix: {
              safety: 'safe',
              description: `Set ${kName} to ${value}.`,
              edits: [entry.value.write(value)],
            },
          });
        } else {
          report({
            range: entry.range,
            message: `${kName}=${raw} is not below ${mlName}=${ml}, so HikariCP disables keepalive; with a lifetime under 60 s no keepalive value is valid (minimum 30000 ms, below maxLifetime), and the short lifetime already bounds how long a connection idles. The line does nothing: remove it.`,
            fix: { safety: 'safe', description: `Remove ${kName}.`, edits: entry.remove() },
          });
        }
        continue;
      }
      if (
        raw === undefined &&
        atLeast(site.version, KEEPALIVE_DEFAULT_SINCE) === true &&
        ml <= KEEPALIVE_VALUE
      ) {
        const mlEntry = site.get('maxLifetime');
        report({
          range: mlEntry?.range ?? site.range,
          severity: 'info',
          message: `${mlName}=${ml} is not above HikariCP's implicit keepaliveTime of 120000 ms ${versionNote(site)}, so HikariCP disables keepalive for this pool. That is fine while the lifetime stays this short; set ${kName} below ${mlName} if you lengthen it.`,
          fix: null,
        });
      }
    }
  },
});
