import { defineRule } from '../../../define-rule';
import { poolSites, poolSocketTimeout } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';
import { atLeast } from '../../_lib/versions';

const TIMEOUT_S = 5;

export default defineRule({
  id: 'jvm.c3p0.is-valid-timeout-missing',
  title: 'c3p0 connection test has no time limit',
  severity: 'warning',
  formats: ['properties', 'java', 'kotlin'],
  docs: {
    what: 'Reports a c3p0 pool with `connectionIsValidTimeout` unset or 0 while pgJDBC has no `socketTimeout`.',
    why: "c3p0 tests a connection with Connection.isValid(connectionIsValidTimeout), and the default 0 means no limit. A test of a connection on a black-holed link then blocks the checkout (or the tester thread) for the kernel's retransmission limit, 15+ minutes, or forever.",
    example: {
      before: 'c3p0.testConnectionOnCheckout=true',
      after: 'c3p0.testConnectionOnCheckout=true\nc3p0.connectionIsValidTimeout=5',
    },
    fixSafety:
      'review: the property exists in c3p0 0.10.x; older versions read the system property -Dcom.mchange.v2.c3p0.impl.DefaultConnectionTester.isValidTimeout instead (the exact version boundary is not verified), and an unknown property is ignored. No edit is proposed for a stated version before 0.10.',
    sources: [SOURCES.c3p0Doc, SOURCES.c3p0Defaults],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'c3p0') continue;
      if (poolSocketTimeout(site) !== 0) continue;
      const entry = site.get('connectionIsValidTimeout');
      const value = entry?.value?.number;
      if (entry && (typeof value !== 'number' || value > 0)) continue;
      if (!entry && (!site.ownsMissing || site.partial)) continue;
      const hasProperty = atLeast(site.version, '0.10.0');
      const name = site.spell('connectionIsValidTimeout');
      const edit =
        hasProperty === false
          ? null
          : entry?.value
            ? entry.value.write(TIMEOUT_S)
            : site.insert('connectionIsValidTimeout', TIMEOUT_S);
      report({
        range: entry?.range ?? site.range,
        message: `${site.label} tests connections with isValid(0), i.e. no time limit, and pgJDBC has no socketTimeout: a test on a dead link blocks for 15+ minutes or forever. ${hasProperty === false ? `c3p0 ${site.version.version} has no connectionIsValidTimeout property: pass -Dcom.mchange.v2.c3p0.impl.DefaultConnectionTester.isValidTimeout=${TIMEOUT_S} to the JVM, or upgrade to 0.10.x.` : `Proposed: ${name}=${TIMEOUT_S} (c3p0 0.10.x${hasProperty ? '' : '; older versions ignore it and need the system property -Dcom.mchange.v2.c3p0.impl.DefaultConnectionTester.isValidTimeout'}).`}`,
        fix: edit
          ? {
              safety: 'review',
              description: `Bound connection tests to ${TIMEOUT_S} s (${name}).`,
              edits: [edit],
            }
          : null,
      });
    }
  },
});
