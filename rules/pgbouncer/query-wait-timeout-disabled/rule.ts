import { keyRule, SRC } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.query-wait-timeout-disabled',
  title: 'PgBouncer clients may queue forever',
  key: 'query_wait_timeout',
  safety: 'review',
  docs: {
    what: 'Reports `query_wait_timeout = 0` in `[pgbouncer]` (the default is 120 s).',
    why: 'With 0, a client waiting for a server connection waits without limit. While the database is down or failing over, every client piles up in the queue and hangs instead of getting an error its retry logic could handle.',
    example: { before: 'query_wait_timeout = 0', after: 'query_wait_timeout = 120' },
    fixSafety:
      'review: clients queued longer than 120 s now get an error; batch jobs that rely on waiting indefinitely for a free connection would start failing.',
    sources: [SRC.config],
  },
  applies: ({ n }) => n === 0,
  target: () => '120',
  message: () =>
    'query_wait_timeout = 0: clients wait for a server connection without limit, so during an outage or failover they hang instead of failing. Set query_wait_timeout = 120 (the default).',
});
