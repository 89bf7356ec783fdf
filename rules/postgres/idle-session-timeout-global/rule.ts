import { effectiveMiddleboxIdleSeconds } from '../../../core/environment';
import { defineRule } from '../../define-rule';
import { describeMs, GUCS } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { effective, postgresTargets } from '../_lib/target';
import { gate } from '../_lib/versions';

const SINCE = GUCS.idle_session_timeout.since;

export default defineRule({
  id: 'postgres.idle-session-timeout-global',
  title: 'PostgreSQL idle_session_timeout set server-wide',
  severity: 'info',
  formats: ['postgresql-conf', 'yaml', 'shell'],
  optIn: true,
  docs: {
    what: 'Opt-in advisory: reports a non-zero `idle_session_timeout` in postgresql.conf or on the server command line, that is, for every session including those of connection pools and PgBouncer.',
    why: 'The documentation warns that middleware holding idle connections (PgBouncer, application pools) may not expect the server to close them: a pooled connection closed while idle surfaces as an error on its next use unless the pool validates it. Set below the middlebox idle timeout it does turn silent load-balancer drops into clean closes, so the trade-off depends on who connects.',
    example: {
      before: 'idle_session_timeout = 10min',
      after: "idle_session_timeout = 0\n-- and: ALTER ROLE reporting SET idle_session_timeout = '10min';",
    },
    fixSafety:
      'none: advisory only. Prefer setting it per role (ALTER ROLE … SET) for direct human or batch users, and leave pools and PgBouncer to their own idle and lifetime settings.',
    sources: [PG_SOURCES.client],
  },
  check(context) {
    const m = effectiveMiddleboxIdleSeconds(context.environment);
    for (const target of postgresTargets(context)) {
      const value = effective(target, 'idle_session_timeout');
      if (value === null || value === 'unknown' || value <= 0) continue;
      if (gate(target.major, SINCE) === 'too-old') continue;
      const s = target.last('idle_session_timeout');
      const relation =
        value < m * 1000
          ? `It is below the ${m} s middlebox idle timeout, so it does turn silent flow expiry into clean closes`
          : `It is not below the ${m} s middlebox idle timeout, so a load balancer or NAT may drop idle flows silently first`;
      context.report({
        range: s?.range ?? target.anchor,
        message: `In ${target.label}, idle_session_timeout = ${describeMs(value)} applies to every session, including PgBouncer's and application pools' idle server connections, which then fail on next use unless validated. ${relation}; consider setting it per role instead (ALTER ROLE … SET idle_session_timeout).`,
        fix: null,
      });
    }
  },
});
