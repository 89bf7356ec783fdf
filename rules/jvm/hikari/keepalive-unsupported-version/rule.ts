import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import { SOURCES } from '../../_lib/sources';
import { atLeast, KEEPALIVE_SINCE } from '../../_lib/versions';

export default defineRule({
  id: 'jvm.hikari.keepalive-unsupported-version',
  title: 'keepaliveTime on a HikariCP older than 4.0.0',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports `keepaliveTime` on a pool whose HikariCP version is known to be older than 4.0.0: stated as hikariCP=…, or managed by the stated Spring Boot (2.4 and older ship HikariCP 3.4.5 or older). A Spring key on an unstated version gets a note, since only Spring ignores it silently.',
    why: 'keepaliveTime arrived in HikariCP 4.0.0. Before that Spring Boot binds the key to nothing without a word, Java code calling setKeepaliveTime does not compile, and hikari.properties fails at startup, so the protection the line promises is not there.',
    example: {
      before: 'spring.datasource.hikari.keepalive-time=120000   # Spring Boot 2.3',
      after:
        'upgrade HikariCP to 4.0.3 (Java 8) or 5.x (Java 11+), or keep maxLifetime below the idle timeout',
    },
    fixSafety:
      'none: the remedy is a dependency upgrade (HikariCP 4.0.3 for Java 8, 5.x for Java 11+), which no edit of this file can make; until then keep maxLifetime below the shortest idle timeout on the path.',
    sources: [SOURCES.hkChanges, SOURCES.hkReadme],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const entry = site.get('keepaliveTime');
      if (!entry) continue;
      const supported = atLeast(site.version, KEEPALIVE_SINCE);
      if (supported === true) continue;
      if (supported === null) {
        // Only Spring ignores the key silently; Java and hikari.properties fail loudly on old versions.
        if (site.shape !== 'spring') continue;
        report({
          range: entry.range,
          severity: 'info',
          message: `${site.spell('keepaliveTime')} needs HikariCP 4.0.0 or later; Spring Boot 2.4 and older manage HikariCP 3.x and bind the key to nothing, without a warning. State your Spring Boot version (springBoot=…) to check.`,
          fix: null,
        });
        continue;
      }
      report({
        range: entry.range,
        message: `${site.spell('keepaliveTime')} needs HikariCP 4.0.0 or later, but this pool runs ${site.version.source}: ${site.shape === 'spring' ? 'Spring Boot binds the key to nothing' : site.shape === 'java' ? 'setKeepaliveTime does not exist there' : 'HikariConfig rejects the unknown property at startup'}. Upgrade HikariCP (4.0.3 for Java 8, 5.x for Java 11+), or keep maxLifetime below the shortest idle timeout on the path.`,
        fix: null,
      });
    }
  },
});
