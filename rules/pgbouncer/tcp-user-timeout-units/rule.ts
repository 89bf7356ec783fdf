import { keyRule, SRC } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.tcp-user-timeout-units',
  title: 'PgBouncer tcp_user_timeout looks like seconds but is milliseconds',
  key: 'tcp_user_timeout',
  safety: 'review',
  docs: {
    what: 'Reports `tcp_user_timeout` between 1 and 999 in `[pgbouncer]`.',
    why: 'The value is in milliseconds. `tcp_user_timeout = 30` means 30 ms: the kernel drops the connection as soon as one packet stays unacknowledged for 30 ms, so healthy links break on the first retransmission.',
    example: { before: 'tcp_user_timeout = 30', after: 'tcp_user_timeout = 30000' },
    fixSafety:
      'review: the value is multiplied by 1000 on the assumption that seconds were meant; a deliberately tiny timeout on a loopback-only setup would change.',
    sources: [SRC.config, SRC.tcp7],
  },
  applies: ({ n }) => n >= 1 && n <= 999,
  target: ({ n }) => String((n ?? 0) * 1000),
  message: ({ n, to }) =>
    `tcp_user_timeout = ${n} is ${n} milliseconds, not seconds: the kernel will cut connections at the first retransmission. Write ${to} (${n} s).`,
});
