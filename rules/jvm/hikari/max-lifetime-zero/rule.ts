import { defineRule } from '../../../define-rule';
import { HIKARI_DEFAULTS, hikariSites } from '../../_lib/hikari';
import { setting } from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.hikari.max-lifetime-zero',
  title: 'HikariCP maxLifetime=0 keeps connections forever',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports HikariCP `maxLifetime` set to 0, which means connections are never retired for age.',
    why: "A connection that lives forever outlives DNS changes after a failover (it stays on the old primary), credential rotation, and any lifetime limit of a proxy or firewall on the path. HikariCP's README strongly recommends setting maxLifetime a few seconds below any such limit; its default is 30 minutes.",
    example: {
      before: 'spring.datasource.hikari.max-lifetime=0',
      after: 'spring.datasource.hikari.max-lifetime=1800000',
    },
    fixSafety:
      "safe: writes HikariCP's default, 1800000 ms (30 minutes), in place. Connections are then replaced one at a time (with jitter) when they are idle; in-use connections are retired only when returned, so no query is cut off.",
    sources: [SOURCES.hkReadme, SOURCES.hkConfig],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const { entry, raw } = setting(site, 'maxLifetime');
      if (!entry?.value || raw !== 0) continue;
      const name = site.spell('maxLifetime');
      report({
        range: entry.range,
        message: `${name}=0 keeps every connection forever: after a failover or DNS change the pool stays connected to the old address, and proxy or firewall lifetime limits cut connections the pool still trusts. HikariCP's default, 1800000 ms, retires them every 30 minutes.`,
        fix: {
          safety: 'safe',
          description: `Set ${name} to ${HIKARI_DEFAULTS.maxLifetime}.`,
          edits: [entry.value.write(HIKARI_DEFAULTS.maxLifetime)],
        },
      });
    }
  },
});
