import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { type PoolSite, poolSites, poolSocketTimeout } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';
import { atLeast } from '../../_lib/versions';

const TIMEOUT_S = 5;

/** DBCP 2.10 added Duration setters and deprecated the int ones. */
export function durationSetters(site: PoolSite): boolean {
  return atLeast(site.version, '2.10.0') === true;
}

export default defineRule({
  id: 'jvm.dbcp2.validation-unbounded',
  title: 'Commons DBCP2 validation can hang on a dead connection',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a Commons DBCP2 `BasicDataSource` whose `validationQueryTimeout` is unset or not positive while pgJDBC has no `socketTimeout`.',
    why: "DBCP2 validates every borrow by default (testOnBorrow=true). Without a validationQuery it calls Connection.isValid(validationQueryTimeout), and PoolableConnection.validate turns the default -1 into isValid(0): no limit. A borrow that validates a connection on a black-holed link then blocks for the kernel's retransmission limit (15+ minutes) or forever. With a validationQuery the timeout becomes a query timeout, which pgJDBC enforces with a cancel on a new connection and which cannot unblock a dead socket.",
    example: {
      before: 'ds.setTestOnBorrow(true);',
      after: 'ds.setTestOnBorrow(true);\nds.setValidationQueryTimeout(java.time.Duration.ofSeconds(5));',
    },
    fixSafety:
      'safe when no validationQuery is set: isValid(5) only fails connections that cannot answer in 5 s. In Java the Duration setter is written for DBCP 2.10+ (fully qualified, no import needed) and the int setter otherwise (it exists in every 2.x, deprecated from 2.10). review when a validationQuery is set: the proposal removes it so isValid() is used.',
    sources: [SOURCES.dbcpDoc, SOURCES.dbcpPoolableConnection],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'dbcp2') continue;
      if (poolSocketTimeout(site) !== 0) continue;
      const timeout = site.get('validationQueryTimeout');
      const value = timeout?.value?.number;
      if (timeout && (typeof value !== 'number' || value > 0)) continue;
      if (!timeout && (!site.ownsMissing || site.partial)) continue;
      const query = site.get('validationQuery');
      const name = site.spell('validationQueryTimeout');
      const code = durationSetters(site)
        ? { argument: `java.time.Duration.ofSeconds(${TIMEOUT_S})` }
        : undefined;
      const edits: TextEdit[] = [];
      const set = timeout?.value
        ? timeout.value.write(TIMEOUT_S)
        : site.insert(
            'validationQueryTimeout',
            TIMEOUT_S,
            site.shape === 'kotlin' && code ? { setter: 'setValidationQueryTimeout', ...code } : code,
          );
      if (set) edits.push(set);
      const explicitQuery = !!query?.value;
      if (explicitQuery && query) edits.push(...query.remove());
      report({
        range: timeout?.range ?? query?.range ?? site.range,
        message: `${site.label} validates every borrow with no time limit (${name} ${timeout ? `= ${timeout.value?.text}` : 'unset, default -1'}, which DBCP2 turns into isValid(0)) and pgJDBC has no socketTimeout: a borrow that validates a connection on a dead link waits 15+ minutes or forever.${explicitQuery ? ' With a validationQuery the timeout would only be a query timeout (a cancel on a new connection); without it DBCP2 calls isValid(5), which bounds the read.' : ''}`,
        fix:
          edits.length > 0
            ? {
                safety: explicitQuery ? 'review' : 'safe',
                description: explicitQuery
                  ? `Remove the validation query and bound validation to ${TIMEOUT_S} s.`
                  : `Bound validation to ${TIMEOUT_S} s (${name}).`,
                edits,
              }
            : null,
      });
    }
  },
});
