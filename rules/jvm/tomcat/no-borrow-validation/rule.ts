import { defineRule } from '../../../define-rule';
import { boolOf, poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.tomcat.no-borrow-validation',
  title: 'Tomcat JDBC pool never validates connections',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a Tomcat JDBC pool with `testOnBorrow` off (explicitly, or by default in code) and no `testWhileIdle`.',
    why: "Tomcat JDBC's test flags all default to false, so a pool built in code never checks a connection: after a failover, a NAT drop or pg_terminate_backend every dead connection is handed to the application and fails its next statement. Spring Boot's auto-configuration turns testOnBorrow on for PostgreSQL by itself, so an absent key there is fine; an explicit false switches it off again.",
    example: {
      before: 'p.setUrl("jdbc:postgresql://db/app");\np.setMaxActive(20);',
      after: 'p.setUrl("jdbc:postgresql://db/app");\np.setMaxActive(20);\np.setTestOnBorrow(true);',
    },
    fixSafety:
      'safe: validation on borrow costs one isValid() round trip per borrow (at most once per validationInterval, 3 s by default) and cannot make a healthy pool fail.',
    sources: [SOURCES.tcDoc, SOURCES.tcPooledConnection, SOURCES.sbDataSourceConfiguration],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'tomcat') continue;
      const borrow = site.get('testOnBorrow');
      const onBorrow = boolOf(borrow);
      const whileIdle = boolOf(site.get('testWhileIdle'));
      if (onBorrow === true || onBorrow === null || whileIdle === true || whileIdle === null) continue;
      const name = site.spell('testOnBorrow');
      if (borrow?.value) {
        report({
          range: borrow.range,
          message: `${name} is false and testWhileIdle is off, so this Tomcat pool never validates a connection: dead connections after a failover or an idle drop reach the application.${site.bootValidation ? " This also undoes Spring Boot's own testOnBorrow=true." : ''}`,
          fix: { safety: 'safe', description: `Set ${name} to true.`, edits: [borrow.value.write(true)] },
        });
        continue;
      }
      if (site.bootValidation || !site.ownsMissing || site.partial) continue;
      const edit = site.insert('testOnBorrow', true);
      report({
        range: site.range,
        message: `${site.label} leaves testOnBorrow at Tomcat's default (false) with no testWhileIdle, so it never validates a connection: dead connections after a failover or an idle drop reach the application.`,
        fix: edit ? { safety: 'safe', description: `Add ${name}(true).`, edits: [edit] } : null,
      });
    }
  },
});
