import { failoverProne } from '../_lib/config';
import { keyRule, SRC, shown } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.server-connect-timeout-long',
  title: 'PgBouncer server_connect_timeout too long for failover',
  key: 'server_connect_timeout',
  safety: 'review',
  docs: {
    what: 'Reports `server_connect_timeout` above 10 s (the default is 15) when the database can fail over.',
    why: 'While DNS still points at the old, black-holed primary, every connection attempt burns the whole timeout, and a pool starts only one new server connection at a time. Clients wait that long per attempt before the pool can reach the new primary.',
    example: { before: 'server_connect_timeout = 15', after: 'server_connect_timeout = 5' },
    fixSafety:
      'review: a cross-region TLS handshake plus SCRAM login on a loaded server can need more than 5 s, and then logins fail. The timeout covers connect and login only, not established connections.',
    sources: [SRC.config, SRC.objects, SRC.i1355],
  },
  applies: ({ config, environment, n }) => failoverProne(config, environment) && n > 10,
  target: () => '5',
  message: (ctx) =>
    `${shown('server_connect_timeout', ctx)} on a database that can fail over: each attempt against the old, unreachable primary waits this long, one attempt per pool at a time. Set server_connect_timeout = 5.`,
});
