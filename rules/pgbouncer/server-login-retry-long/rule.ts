import { failoverProne } from '../_lib/config';
import { keyRule, SRC, shown } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.server-login-retry-long',
  title: 'PgBouncer waits too long before retrying a failed server login',
  key: 'server_login_retry',
  safety: 'safe',
  docs: {
    what: 'Reports `server_login_retry` above 5 s (the default is 15) when the database can fail over.',
    why: 'After a failed connect or login PgBouncer makes no new attempt for this long, and clients of an empty pool are failed at once with the remembered error. During a failover that adds up to the whole retry delay to the time before the pool reaches the new primary.',
    example: { before: 'server_login_retry = 15', after: 'server_login_retry = 3' },
    fixSafety:
      'safe: PgBouncer only retries sooner; at most one attempt per pool is in flight, so it cannot flood the server.',
    sources: [SRC.config, SRC.objects],
  },
  applies: ({ config, environment, n }) => failoverProne(config, environment) && n > 5,
  target: () => '3',
  message: (ctx) =>
    `${shown('server_login_retry', ctx)} on a database that can fail over: after one failed attempt the pool waits this long before trying again, and meanwhile fails its clients with the cached error. Set server_login_retry = 3.`,
});
