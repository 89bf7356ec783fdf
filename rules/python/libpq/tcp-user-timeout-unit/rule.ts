import { defineRule } from '../../../define-rule';
import { libpqSites, numericValue } from '../../_lib/libpq';

export default defineRule({
  id: 'python.libpq.tcp-user-timeout-unit',
  title: 'tcp_user_timeout looks like seconds, but libpq reads milliseconds',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports a libpq `tcp_user_timeout` between 1 and 999: almost certainly seconds typed into a field libpq reads as milliseconds.',
    why: '`tcp_user_timeout=30` gives a connection 30 ms to have its data acknowledged. A single delayed ACK or retransmission on a busy or distant link then kills a healthy connection with "Connection timed out", in bursts under load.',
    example: {
      before: 'connect_args={"tcp_user_timeout": 30}',
      after: 'connect_args={"tcp_user_timeout": 30000}',
    },
    fixSafety:
      'review: multiplying by 1000 turns the value into the seconds that were meant, which makes connections to a dead peer fail later than today (30 s instead of 30 ms). If a sub-second timeout was intended, keep it.',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-TCP-USER-TIMEOUT',
      'https://man7.org/linux/man-pages/man7/tcp.7.html',
    ],
  },
  check({ doc, report }) {
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq' || site.transport === 'unix') continue;
      const setting = site.get('tcp_user_timeout');
      const value = numericValue(setting);
      if (!setting || value === null || !Number.isInteger(value) || value < 1 || value > 999) continue;
      const edits = site.setEdits([['tcp_user_timeout', value * 1000]]);
      report({
        range: setting.range,
        message: `${site.label}: tcp_user_timeout=${value} is ${value} milliseconds, not seconds: a connection whose data is not acknowledged within ${value} ms is dropped, which healthy links under load exceed. ${value} seconds is ${value * 1000}.`,
        fix: edits
          ? { safety: 'review', description: `Set tcp_user_timeout=${value * 1000} ms (${value} s).`, edits }
          : null,
      });
    }
  },
});
