import { defineRule } from '../../define-rule';
import { GUCS, MS_GUCS, parseGucValue } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { postgresTargets } from '../_lib/target';

export default defineRule({
  id: 'postgres.ms-guc-bare-small',
  title: 'Millisecond PostgreSQL timeout given as a small bare number',
  severity: 'warning',
  formats: ['postgresql-conf', 'yaml', 'shell'],
  docs: {
    what: 'Reports `tcp_user_timeout`, `client_connection_check_interval`, `idle_session_timeout`, `idle_in_transaction_session_timeout`, `statement_timeout` or `transaction_timeout` set to a number from 1 to 999 without a unit.',
    why: 'These settings take a bare number as milliseconds, while the keepalive settings next to them take seconds. `tcp_user_timeout = 30` drops a connection after 30 ms of unacknowledged data, `client_connection_check_interval = 10` polls the socket a hundred times a second, `statement_timeout = 5` cancels nearly every query. Values this small are almost always seconds meant.',
    example: { before: 'tcp_user_timeout = 30', after: 'tcp_user_timeout = 30s' },
    fixSafety:
      'review: the fix appends `s`, multiplying the value by 1000, which is what the small number almost certainly meant; if milliseconds were really intended, keep the value and add `ms` to say so.',
    sources: [PG_SOURCES.connection, PG_SOURCES.client, PG_SOURCES.setting],
  },
  check(context) {
    for (const target of postgresTargets(context)) {
      for (const key of MS_GUCS) {
        const s = target.last(key);
        if (!s) continue;
        const parsed = parseGucValue(s.value, GUCS[key].unit);
        if (!parsed || parsed.hasUnit || !/^\s*\d+\s*$/.test(s.value)) continue;
        if (parsed.amount < 1 || parsed.amount > 999) continue;
        const n = parsed.amount;
        const edits = target.patch([{ key, amount: n * 1000, seconds: true }]);
        context.report({
          range: s.range,
          message: `In ${target.label}, ${s.name} = ${s.value.trim()} has no unit, so PostgreSQL reads ${n} milliseconds, not seconds. Write ${n}s if seconds were meant (or ${n}ms to keep the value and say so).`,
          fix: edits ? { safety: 'review', description: `Write ${key} as ${n}s.`, edits } : null,
        });
      }
    }
  },
});
