import { defineRule } from '../../../define-rule';
import { boolOf, poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.c3p0.no-connection-testing',
  title: 'c3p0 pool never tests connections',
  severity: 'warning',
  formats: ['properties', 'java', 'kotlin'],
  docs: {
    what: 'Reports a c3p0 pool with `testConnectionOnCheckout` off and no `idleConnectionTestPeriod` (both are c3p0 defaults).',
    why: "Out of the box c3p0 tests nothing: a connection killed by a failover, an idle timeout or pg_terminate_backend is handed to the application, whose next statement fails. c3p0's own documentation calls checkout testing the simplest reliable choice; with a JDBC4 driver such as pgJDBC the test is a cheap Connection.isValid() call.",
    example: {
      before: 'c3p0.maxPoolSize=20',
      after: 'c3p0.maxPoolSize=20\nc3p0.testConnectionOnCheckout=true',
    },
    fixSafety:
      'safe: checkout testing adds one isValid() round trip per checkout and only ever replaces connections that fail it.',
    sources: [SOURCES.c3p0Doc, SOURCES.c3p0Defaults],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'c3p0') continue;
      const checkout = site.get('testConnectionOnCheckout');
      const onCheckout = boolOf(checkout);
      const period = site.get('idleConnectionTestPeriod');
      const periodValue = period ? period.value?.number : 0;
      if (onCheckout === true || onCheckout === null) continue;
      if (periodValue === null || periodValue === undefined || periodValue > 0) continue;
      const name = site.spell('testConnectionOnCheckout');
      if (checkout?.value) {
        report({
          range: checkout.range,
          message: `${name} is false and no idleConnectionTestPeriod is set: this c3p0 pool never tests a connection, so dead ones reach the application after a failover or an idle drop.`,
          fix: { safety: 'safe', description: `Set ${name} to true.`, edits: [checkout.value.write(true)] },
        });
        continue;
      }
      if (!site.ownsMissing || site.partial) continue;
      const edit = site.insert('testConnectionOnCheckout', true);
      report({
        range: site.range,
        message: `${site.label} keeps c3p0's defaults (testConnectionOnCheckout=false, idleConnectionTestPeriod=0): it never tests a connection, so dead ones reach the application after a failover or an idle drop.`,
        fix: edit
          ? { safety: 'safe', description: `Test connections on checkout (${name}).`, edits: [edit] }
          : null,
      });
    }
  },
});
