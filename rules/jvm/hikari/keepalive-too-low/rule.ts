import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import { MIN_KEEPALIVE, setting } from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';
import { atLeast, KEEPALIVE_SINCE } from '../../_lib/versions';

export default defineRule({
  id: 'jvm.hikari.keepalive-too-low',
  title: 'HikariCP keepaliveTime below 30 s is silently disabled',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a HikariCP `keepaliveTime` between 1 and 29999 ms, in any shape (Spring key, hikari.properties, `setKeepaliveTime`).',
    why: 'HikariCP\'s configuration check disables keepalive entirely when the value is under 30000 ms and logs only a warning ("keepaliveTime is less than 30000ms, disabling it."). An aggressive value meant to beat a short idle timeout therefore leaves the pool with no keepalive at all.',
    example: {
      before: 'config.setKeepaliveTime(10000);',
      after: 'config.setKeepaliveTime(30000);',
    },
    fixSafety:
      'safe: 30000 ms is the smallest value HikariCP accepts, the closest working value to what was written; the pool goes from no keepalive to one probe per idle connection every 30 s.',
    sources: [SOURCES.hkConfig, SOURCES.hk2101, SOURCES.hk2112],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      if (atLeast(site.version, KEEPALIVE_SINCE) === false) continue;
      const { entry, raw } = setting(site, 'keepaliveTime');
      if (!entry?.value || raw === null || raw === undefined || raw <= 0 || raw >= MIN_KEEPALIVE) continue;
      const name = site.spell('keepaliveTime');
      report({
        range: entry.range,
        message: `${name}=${raw} is under HikariCP's 30000 ms minimum, so HikariCP disables keepalive altogether ("keepaliveTime is less than 30000ms, disabling it."). 30000 is the shortest value that works.`,
        fix: {
          safety: 'safe',
          description: `Set ${name} to 30000.`,
          edits: [entry.value.write(MIN_KEEPALIVE)],
        },
      });
    }
  },
});
