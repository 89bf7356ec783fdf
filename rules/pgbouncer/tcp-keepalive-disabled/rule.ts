import { keyRule, SRC } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.tcp-keepalive-disabled',
  title: 'PgBouncer TCP keepalive switched off',
  key: 'tcp_keepalive',
  safety: 'safe',
  docs: {
    what: 'Reports `tcp_keepalive = 0` in `[pgbouncer]` (the default, 1, is fine).',
    why: 'With keepalive off PgBouncer never probes its idle sockets, towards clients or towards PostgreSQL. A peer that vanished without a FIN or RST (a failed-over primary, a NAT or load balancer that forgot the flow) is then never noticed on an idle connection, and the next query on it hangs.',
    example: { before: 'tcp_keepalive = 0', after: 'tcp_keepalive = 1' },
    fixSafety:
      "safe: switching keepalive back on (PgBouncer's own default since 1.4) only adds small probe packets on idle sockets; it applies to sockets created after a restart or RECONNECT.",
    sources: [SRC.config, SRC.util],
  },
  applies: ({ n }) => n === 0,
  target: () => '1',
  message: () =>
    'tcp_keepalive = 0: PgBouncer never probes idle client or server sockets, so a silently dead peer (failed-over primary, expired NAT or load-balancer flow) is never noticed on an idle connection. Set tcp_keepalive = 1.',
});
