import { defineRule } from '../../../define-rule';
import { HIKARI_DEFAULTS, hikariSites } from '../../_lib/hikari';
import { setting } from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.hikari.connection-timeout-infinite',
  title: 'HikariCP connectionTimeout=0 waits forever',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports HikariCP `connectionTimeout` set to 0.',
    why: 'HikariCP turns 0 into Integer.MAX_VALUE ms and then also gives the driver no login timeout. During an outage every request thread parks in getConnection() indefinitely instead of failing, and the application stops answering rather than reporting the database error.',
    example: {
      before: 'connectionTimeout=0',
      after: 'connectionTimeout=30000',
    },
    fixSafety:
      "review: proposes HikariCP's default of 30000 ms. Batch jobs sometimes prefer to wait out a restart, and a bounded wait turns that into errors, so the choice is yours.",
    sources: [SOURCES.hkReadme, SOURCES.hkConfig],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const { entry, raw } = setting(site, 'connectionTimeout');
      if (!entry?.value || raw !== 0) continue;
      const name = site.spell('connectionTimeout');
      report({
        range: entry.range,
        message: `${name}=0 means wait forever (HikariCP uses Integer.MAX_VALUE ms and sets no login timeout): when the database is unreachable every request thread blocks in getConnection() instead of failing. HikariCP's default is 30000 ms.`,
        fix: {
          safety: 'review',
          description: `Set ${name} to ${HIKARI_DEFAULTS.connectionTimeout}.`,
          edits: [entry.value.write(HIKARI_DEFAULTS.connectionTimeout)],
        },
      });
    }
  },
});
