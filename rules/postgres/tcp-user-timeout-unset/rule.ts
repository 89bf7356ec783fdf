import { CANONICAL } from '../../../core/canonical';
import { defineRule } from '../../define-rule';
import { GUCS } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { effective, postgresTargets } from '../_lib/target';
import { gate } from '../_lib/versions';

const MS = CANONICAL.tcpUserTimeoutMs;
const SINCE = GUCS.tcp_user_timeout.since;

export default defineRule({
  id: 'postgres.tcp-user-timeout-unset',
  title: 'PostgreSQL tcp_user_timeout not set',
  severity: 'warning',
  formats: ['postgresql-conf', 'yaml', 'shell'],
  docs: {
    what: 'Reports a postgresql.conf (or the `-c` flags of a server command line in docker-compose, a Kubernetes container or a shell script) where `tcp_user_timeout` is 0 or absent, on PostgreSQL 12 or later (or an unknown version) on Linux or an unknown OS.',
    why: 'Keepalives only probe idle connections. When the server is sending (a large result, NOTIFY traffic, COPY TO) to a client that vanished, the kernel retransmits for about 15 minutes (tcp_retries2 = 15) before giving up, holding the backend and its snapshot. tcp_user_timeout bounds how long sent data may stay unacknowledged.',
    example: {
      before: '#tcp_user_timeout = 0\t\t\t# TCP_USER_TIMEOUT, in milliseconds;',
      after: 'tcp_user_timeout = 30s\t\t\t# TCP_USER_TIMEOUT, in milliseconds;',
    },
    fixSafety:
      'review: a client that stops reading, or a path that loses everything for more than 30 s, is now disconnected. The value is written with its unit (`30s`) because a bare number means milliseconds. The setting exists since PostgreSQL 12 (an unknown setting stops an older server from starting), so it is not written when the major version is known to be older, and the message names the minimum when it is unknown. Windows and macOS have no TCP_USER_TIMEOUT; the setting must stay 0 there and nothing is reported.',
    sources: [PG_SOURCES.connection, PG_SOURCES.tcpMan, PG_SOURCES.gucParameters],
  },
  check(context) {
    const { environment } = context;
    // Only Linux has TCP_USER_TIMEOUT; elsewhere the server requires 0.
    if (environment.os === 'windows' || environment.os === 'macos') return;
    for (const target of postgresTargets(context)) {
      const value = effective(target, 'tcp_user_timeout');
      if (value !== null && value !== 0) continue;
      const g = gate(target.major, SINCE);
      if (g === 'too-old') continue;
      const edits = target.patch([{ key: 'tcp_user_timeout', amount: MS }]);
      const version =
        g === 'unknown'
          ? ` It needs PostgreSQL ${SINCE} or later (an older server does not start with it): the version is not known here, so check it.`
          : '';
      context.report({
        range: target.last('tcp_user_timeout')?.range ?? target.anchor,
        message: `In ${target.label}, tcp_user_timeout is ${value === null ? 'not set' : '0'}: data the server sends to a vanished client is retransmitted for about 15 minutes before the connection is dropped. Set tcp_user_timeout = 30s (a bare number would mean milliseconds).${version}`,
        fix: edits ? { safety: 'review', description: 'Set tcp_user_timeout = 30s.', edits } : null,
      });
    }
  },
});
