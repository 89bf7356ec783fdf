import { defineRule } from '../../../define-rule';
import { poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';
import { atLeast } from '../../_lib/versions';

export default defineRule({
  id: 'jvm.c3p0.preferred-test-query-jdbc4',
  title: 'c3p0 test query is unnecessary with pgJDBC',
  severity: 'info',
  formats: ['properties', 'java', 'kotlin'],
  docs: {
    what: 'Reports `preferredTestQuery` or `automaticTestTable` on a c3p0 pool that talks to PostgreSQL.',
    why: "Since 0.9.5 c3p0 tests connections with the JDBC4 Connection.isValid() when no test query is set, and its documentation asks users of modern drivers to leave preferredTestQuery unset. pgJDBC's isValid() is an empty-query round trip; a custom query adds a parse and an execution and takes the test off the path that connectionIsValidTimeout bounds (that last point is our reading of c3p0's tester, not verified against its source).",
    example: {
      before: 'c3p0.preferredTestQuery=SELECT 1\nc3p0.maxPoolSize=20',
      after: 'c3p0.maxPoolSize=20',
    },
    fixSafety:
      'safe on c3p0 0.9.5 and later (state c3p0=… in the environment); review when the version is unknown, because c3p0 before 0.9.5 falls back to a slow metadata query without a test query. No finding for a stated version before 0.9.5.',
    sources: [SOURCES.c3p0Doc],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'c3p0') continue;
      const modern = atLeast(site.version, '0.9.5');
      if (modern === false) continue;
      for (const prop of ['preferredTestQuery', 'automaticTestTable']) {
        const entry = site.get(prop);
        if (!entry?.value) continue;
        const edits = entry.remove();
        report({
          range: entry.range,
          message: `${site.spell(prop)} is not needed with pgJDBC: c3p0 0.9.5+ tests with Connection.isValid(), a cheaper empty round trip, when no test query is set${modern ? '' : ' (c3p0 version not stated: before 0.9.5 removing it falls back to a slow metadata query; state c3p0=… in the environment)'}.`,
          fix: edits.length
            ? { safety: modern ? 'safe' : 'review', description: `Remove ${site.spell(prop)}.`, edits }
            : null,
        });
      }
    }
  },
});
