import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import { isPostgresSite } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.hikari.connection-test-query-jdbc4',
  title: 'HikariCP connectionTestQuery set for a JDBC4 driver',
  severity: 'info',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports `connectionTestQuery` on a HikariCP pool that uses pgJDBC (a `jdbc:postgresql:` URL or a PostgreSQL data source class).',
    why: "pgJDBC implements JDBC4 `Connection.isValid()` as an empty-query round trip; HikariCP's README and FAQ ask not to set a test query for such drivers. A query costs a parse and a result set on every validation, and HikariCP bounds both paths with validationTimeout, so removing it does not weaken dead-connection detection.",
    example: {
      before: 'cfg.setConnectionTestQuery("SELECT 1");',
      after: '// (line removed: HikariCP validates with Connection.isValid())',
    },
    fixSafety:
      'safe: HikariCP falls back to `isValid()`, which pgJDBC answers with an empty query under the same validationTimeout; validation keeps happening at the same moments.',
    sources: [SOURCES.hkReadme, SOURCES.hkFaq],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const entry = site.get('connectionTestQuery');
      if (!entry || !isPostgresSite(site, environment)) continue;
      const name = site.spell('connectionTestQuery');
      report({
        range: entry.range,
        message: `${name} is not needed with pgJDBC: HikariCP then validates with Connection.isValid(), an empty-query round trip bounded by validationTimeout, as HikariCP's README recommends for JDBC4 drivers.`,
        fix: { safety: 'safe', description: `Remove ${name}.`, edits: entry.remove() },
      });
    }
  },
});
