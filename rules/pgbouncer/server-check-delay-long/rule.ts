import { keyRule, SRC } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.server-check-delay-long',
  title: 'PgBouncer reuses idle connections untested for too long',
  key: 'server_check_delay',
  safety: 'safe',
  docs: {
    what: 'Reports `server_check_delay` above 30 s (the default).',
    why: "A server connection idle for less than this delay is handed to the next client without running the check query. The longer the delay, the longer a connection that died while idle can be given out and fail (or hang) on the client's first query.",
    example: { before: 'server_check_delay = 120', after: 'server_check_delay = 30' },
    fixSafety:
      'safe: back to the default; the cost is one trivial check query on connections idle for more than 30 s.',
    sources: [SRC.config, SRC.janitor],
  },
  applies: ({ n }) => n > 30,
  target: () => '30',
  message: ({ n }) =>
    `server_check_delay = ${n}: a connection idle for up to ${n} s is reused without the check query, so one that died meanwhile goes to a client untested. Set server_check_delay = 30.`,
});
