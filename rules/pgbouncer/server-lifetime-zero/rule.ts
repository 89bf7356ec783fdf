import { failoverProne, poolMode } from '../_lib/config';
import { keyRule, SRC } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.server-lifetime-zero',
  title: 'PgBouncer server_lifetime = 0 means single-use connections',
  key: 'server_lifetime',
  safety: 'review',
  docs: {
    what: 'Reports `server_lifetime = 0` in `[pgbouncer]`.',
    why: 'Zero does not switch the limit off: since PgBouncer 1.2 it means a server connection is closed after one use, so transaction mode opens a new backend per transaction. The churn costs a connect and login each time and turns a failover into a reconnect storm.',
    example: { before: 'server_lifetime = 0', after: 'server_lifetime = 3600' },
    fixSafety:
      'review: connections are reused again (up to the default hour, or 600 s in transaction mode behind a managed failover, as pgbouncer.server-lifetime-failover recommends); the single-use setting may have been chosen on purpose.',
    sources: [SRC.config, SRC.news],
  },
  applies: ({ n }) => n === 0,
  target: ({ config, environment }) => {
    const mode = poolMode(config);
    return failoverProne(config, environment) && (mode === 'transaction' || mode === 'statement')
      ? '600'
      : '3600';
  },
  message: ({ to }) =>
    `server_lifetime = 0 makes every server connection single-use (not "no limit"): each transaction pays a new connect and login, and a failover becomes a reconnect storm. Set server_lifetime = ${to}.`,
});
