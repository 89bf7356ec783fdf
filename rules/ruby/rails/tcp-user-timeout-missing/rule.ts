import { CANONICAL } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import {
  describeWhere,
  insertKeysEdit,
  overUnixSocket,
  railsConfigs,
  setting,
  urlNote,
} from '../../_lib/database-yml';

export default defineRule({
  id: 'ruby.rails.tcp-user-timeout-missing',
  title: 'Rails PostgreSQL connection without tcp_user_timeout',
  severity: 'warning',
  formats: ['yaml'],
  docs: {
    what: 'Reports a PostgreSQL block of `config/database.yml` (other than development and test) without `tcp_user_timeout`.',
    why: 'Keepalive only runs on an idle socket. A query (or the `verify!` ping Rails 7.1+ sends before the first query of a checkout) sent to a server that vanished without a reset sits unacknowledged while the kernel retransmits for about 15 minutes; the request thread and its pooled connection hang all that time. `tcp_user_timeout` (ms, libpq 12+, Linux) makes the kernel give up after 30 s of unacknowledged data, so libpq reports the connection dead and Rails reconnects.',
    example: {
      before: 'production:\n  <<: *default',
      after: `production:\n  <<: *default\n  tcp_user_timeout: ${CANONICAL.tcpUserTimeoutMs}`,
    },
    fixSafety: `review: a socket whose sent data stays unacknowledged for ${CANONICAL.tcpUserTimeoutMs / 1000} s is dropped, even if the network would have recovered later; on Linux it also caps keepalive probing. libpq older than 12, or a non-Linux client, ignores it. Proven with Debian's ruby-pg 1.4 on libpq 15: the key reaches \`conninfo_hash\`.`,
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-TCP-USER-TIMEOUT',
      'https://man7.org/linux/man-pages/man7/tcp.7.html',
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/connection_adapters/abstract_adapter.rb',
    ],
  },
  check({ doc, report }) {
    const ms = CANONICAL.tcpUserTimeoutMs;
    for (const config of railsConfigs(doc)) {
      if (overUnixSocket(config) || setting(config, 'tcp_user_timeout')) continue;
      const edit = insertKeysEdit(doc, config, [['tcp_user_timeout', ms]]);
      report({
        range: { start: config.mapping.node.startIndex, end: config.mapping.node.endIndex },
        message: `${describeWhere(config)} has no tcp_user_timeout: a query sent to a server that vanished without a reset waits while the kernel retransmits (about 15 min on Linux), and keepalive cannot help a socket with data in flight. tcp_user_timeout: ${ms} (ms) bounds it to ${ms / 1000} s.${urlNote(config, 'tcp_user_timeout')}`,
        fix: edit
          ? {
              safety: 'review',
              description: `Add tcp_user_timeout: ${ms} to "${config.name}".`,
              edits: [edit],
            }
          : null,
      });
    }
  },
});
