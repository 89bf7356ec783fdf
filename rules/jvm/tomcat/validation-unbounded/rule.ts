import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { poolSites, poolSocketTimeout } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';

const TIMEOUT_S = 5;

export default defineRule({
  id: 'jvm.tomcat.validation-unbounded',
  title: 'Tomcat JDBC validation can hang on a dead connection',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a Tomcat JDBC pool whose `validationQueryTimeout` is unset or not positive while pgJDBC has no `socketTimeout`.',
    why: 'Without a validationQuery, Tomcat (7.0.74+, 8.5.9+, 9.0.0.M14+) validates with Connection.isValid(validationQueryTimeout), and a value of 0 or less means isValid(0): no limit. A borrow that validates a connection on a black-holed link then waits for the kernel (15+ minutes) or forever. With a validationQuery the timeout becomes Statement.setQueryTimeout, which pgJDBC enforces by sending a cancel over a new connection: it cannot unblock a read on a dead socket, so dropping the query is part of the fix.',
    example: {
      before: 'p.setTestOnBorrow(true);',
      after: 'p.setTestOnBorrow(true);\np.setValidationQueryTimeout(5);',
    },
    fixSafety:
      'safe when no validationQuery is set: a 5 s bound on isValid() only fails connections that cannot answer an empty query in 5 s. review when a validationQuery is set (proposed: remove it so isValid() is used, then bound it), and under Spring Boot, whose auto-configuration sets `SELECT 1` itself: there the timeout only reaches setQueryTimeout, and pgJDBC socketTimeout is the real bound.',
    sources: [
      SOURCES.tcDoc,
      SOURCES.tcPooledConnection,
      SOURCES.tcBug60194,
      SOURCES.sbDataSourceConfiguration,
    ],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'tomcat') continue;
      if (poolSocketTimeout(site) !== 0) continue;
      const timeout = site.get('validationQueryTimeout');
      const value = timeout?.value?.number;
      if (timeout && (typeof value !== 'number' || value > 0)) continue;
      if (!timeout && (!site.ownsMissing || site.partial)) continue;
      const query = site.get('validationQuery');
      const name = site.spell('validationQueryTimeout');
      const edits: TextEdit[] = [];
      const set = timeout?.value
        ? timeout.value.write(TIMEOUT_S)
        : site.insert('validationQueryTimeout', TIMEOUT_S);
      if (set) edits.push(set);
      const explicitQuery = !!query?.value;
      if (explicitQuery && !site.bootValidation && query) edits.push(...query.remove());
      const review = explicitQuery || site.bootValidation;
      const why = site.bootValidation
        ? `Spring Boot's auto-configuration validates with \`SELECT 1\`, so ${name} only becomes a query timeout, which pgJDBC enforces with a cancel on a new connection and cannot unblock a dead socket: set pgJDBC socketTimeout as the real bound.`
        : explicitQuery
          ? `With ${site.spell('validationQuery')} set, the timeout is only a query timeout (a cancel over a new connection, which cannot unblock a dead socket); without it Tomcat uses isValid(${TIMEOUT_S}), which bounds the read itself.`
          : `Tomcat then calls isValid(${TIMEOUT_S}), which bounds the read itself.`;
      report({
        range: timeout?.range ?? query?.range ?? site.range,
        message: `${site.label} validates with no time limit (${name} ${timeout ? `= ${timeout.value?.text}` : 'unset, default -1'}) and pgJDBC has no socketTimeout: a borrow that validates a connection on a dead link waits 15+ minutes or forever. ${why}`,
        fix:
          edits.length > 0
            ? {
                safety: review ? 'review' : 'safe',
                description:
                  explicitQuery && !site.bootValidation
                    ? `Remove the validation query and set ${name} to ${TIMEOUT_S}.`
                    : `Set ${name} to ${TIMEOUT_S}.`,
                edits,
              }
            : null,
      });
    }
  },
});
