import { defineRule } from '../../../define-rule';
import { boolOf, poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';

const INTERVAL = '30S';

export default defineRule({
  id: 'jvm.quarkus.no-foreground-validation',
  title: 'Quarkus datasource hands out connections without validating them',
  severity: 'warning',
  formats: ['properties', 'yaml'],
  docs: {
    what: 'Reports a Quarkus PostgreSQL JDBC datasource with neither `foreground-validation-interval` nor `validate-on-borrow=true`.',
    why: "By default Agroal validates idle connections only in the background, every 2 minutes (background-validation-interval). A connection killed in between (failover, NAT or proxy idle drop, pg_terminate_backend) is handed out as is; the application's statement fails, and only then does the PostgreSQL exception sorter evict it, and only for SQLState 08*. With a foreground interval, a connection idle for longer than it is validated before it is handed out.",
    example: {
      before: 'quarkus.datasource.jdbc.url=jdbc:postgresql://db:5432/app',
      after:
        'quarkus.datasource.jdbc.url=jdbc:postgresql://db:5432/app\nquarkus.datasource.jdbc.foreground-validation-interval=30S',
    },
    fixSafety:
      'review: a shorter interval is safer but costs a round trip per borrow after that much idleness; 30S is a proposal, and the property name and its behaviour depend on the Quarkus version (not verified per release).',
    sources: [SOURCES.quarkusDatasource, SOURCES.quarkusJdbcConfig, SOURCES.quarkus52230],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'quarkus') continue;
      if (site.get('foregroundValidationInterval')) continue;
      const onBorrow = boolOf(site.get('validateOnBorrow'));
      if (onBorrow === true || onBorrow === null) continue;
      const edit = site.insert('foregroundValidationInterval', INTERVAL);
      const name = site.spell('foregroundValidationInterval');
      report({
        range: site.range,
        message: `${site.label} validates connections only in the background (every 2 minutes by default): a connection that died in between is handed to the application, which gets the error. Proposed: ${name}=${INTERVAL}.`,
        fix: edit
          ? {
              safety: 'review',
              description: `Validate connections idle for more than 30 s before use (${name}).`,
              edits: [edit],
            }
          : null,
      });
    }
  },
});
