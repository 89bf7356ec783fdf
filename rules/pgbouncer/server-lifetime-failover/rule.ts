import { failoverProne, poolMode } from '../_lib/config';
import { keyRule, SRC, shown } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.server-lifetime-failover',
  title: 'PgBouncer keeps pooled connections to a demoted primary too long',
  key: 'server_lifetime',
  safety: 'review',
  docs: {
    what: 'Reports a `server_lifetime` above 600 s (the default is 3600) when the pool runs in transaction or statement mode and the database can fail over (a managed host such as RDS, Aurora, Cloud SQL or Azure in `[databases]`, or the environment says so).',
    why: 'When the old primary survives a failover as a read-only replica, pooled server connections to it keep working but every write fails with a read-only error until the connection reaches its lifetime. PgBouncer retires at most one connection per lifetime/pool-size interval, so the last one can linger for about twice the lifetime.',
    example: {
      before: 'pool_mode = transaction\nserver_lifetime = 3600',
      after: 'pool_mode = transaction\nserver_lifetime = 600',
    },
    fixSafety:
      'review: connections are replaced every 10 minutes, which costs more reconnects. Session-mode clients linked to a server are not affected (see pgbouncer.pool-mode-session-failover).',
    sources: [SRC.objects, SRC.zalando1928, SRC.i1311],
  },
  applies: ({ config, environment, n }) => {
    const mode = poolMode(config);
    return (mode === 'transaction' || mode === 'statement') && failoverProne(config, environment) && n > 600;
  },
  target: () => '600',
  message: (ctx) =>
    `${shown('server_lifetime', ctx)} with ${poolMode(ctx.config)} pooling on a database that can fail over: pooled connections to a demoted primary keep returning read-only errors until they age out (up to about twice the lifetime). Set server_lifetime = 600.`,
});
