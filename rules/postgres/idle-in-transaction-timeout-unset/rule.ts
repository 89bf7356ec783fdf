import { defineRule } from '../../define-rule';
import { GUCS } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { effective, postgresTargets } from '../_lib/target';
import { gate } from '../_lib/versions';

const SINCE = GUCS.idle_in_transaction_session_timeout.since;

export default defineRule({
  id: 'postgres.idle-in-transaction-timeout-unset',
  title: 'PostgreSQL idle_in_transaction_session_timeout not set',
  severity: 'info',
  formats: ['postgresql-conf', 'yaml', 'shell'],
  optIn: true,
  docs: {
    what: 'Opt-in advisory: reports a postgresql.conf (or the `-c` flags of a server command line in docker-compose, a Kubernetes container or a shell script) where `idle_in_transaction_session_timeout` is 0 or absent, on PostgreSQL 9.6 or later (or an unknown version).',
    why: 'A session that opened a transaction and then went quiet (a client that crashed or lost its network mid-transaction, a pool that leaked a connection) holds its locks and its snapshot until someone ends it, blocking DDL and vacuum. A timeout of a few minutes ends such sessions on the server side even when keepalives cannot tell.',
    example: {
      before: '#idle_in_transaction_session_timeout = 0\t# in milliseconds, 0 is disabled',
      after: 'idle_in_transaction_session_timeout = 5min\t# in milliseconds, 0 is disabled',
    },
    fixSafety:
      'none: advisory only. A batch job that legitimately pauses inside a transaction longer than the timeout would be cut off, so the value (5min suggested) is a choice for the application owner; it can also be set per role or database.',
    sources: [PG_SOURCES.client],
  },
  check(context) {
    for (const target of postgresTargets(context)) {
      const value = effective(target, 'idle_in_transaction_session_timeout');
      if (value !== null && value !== 0) continue;
      const g = gate(target.major, SINCE);
      if (g === 'too-old') continue;
      context.report({
        range: target.last('idle_in_transaction_session_timeout')?.range ?? target.anchor,
        message: `In ${target.label}, idle_in_transaction_session_timeout is ${value === null ? 'not set' : '0'}: a client that vanishes mid-transaction keeps its locks until the session is killed. Consider idle_in_transaction_session_timeout = 5min (server-wide, or per role with ALTER ROLE … SET)${g === 'unknown' ? `; it needs PostgreSQL ${SINCE} or later` : ''}.`,
        fix: null,
      });
    }
  },
});
