import { defineRule } from '../../../define-rule';
import { poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';

const DEFAULT_INTERVAL = 3000;

export default defineRule({
  id: 'jvm.tomcat.validation-interval-long',
  title: 'Tomcat JDBC validationInterval hands out unchecked connections',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a Tomcat JDBC `validationInterval` above 5000 ms.',
    why: 'Tomcat skips validation for a connection that passed a check within the last validationInterval milliseconds. With 30000, a connection validated just before a failover is handed out unchecked for up to 30 s, and every borrow in that window gets a dead connection. The default, 3000 ms, keeps that window short while still sparing a round trip on busy pools.',
    example: {
      before: 'spring.datasource.tomcat.validation-interval=30000',
      after: 'spring.datasource.tomcat.validation-interval=3000',
    },
    fixSafety:
      "safe: 3000 ms is Tomcat's own default; the cost is at most one extra isValid() round trip per connection every 3 s under load.",
    sources: [SOURCES.tcDoc, SOURCES.tcPooledConnection],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'tomcat') continue;
      const entry = site.get('validationInterval');
      const value = entry?.value?.number;
      if (!entry?.value || typeof value !== 'number' || value <= 5000) continue;
      const name = site.spell('validationInterval');
      report({
        range: entry.range,
        message: `${name}=${value}: a connection validated within the last ${value} ms is handed out without a check, so after a failover borrows keep receiving dead connections for up to ${value / 1000} s. Tomcat's default is ${DEFAULT_INTERVAL}.`,
        fix: {
          safety: 'safe',
          description: `Set ${name} to ${DEFAULT_INTERVAL}.`,
          edits: [entry.value.write(DEFAULT_INTERVAL)],
        },
      });
    }
  },
});
