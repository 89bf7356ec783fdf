import { CANONICAL } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import { describeWhere, insertKeysEdit, railsConfigs, setting, urlNote } from '../../_lib/database-yml';

export default defineRule({
  id: 'ruby.rails.connect-timeout-missing',
  title: 'Rails PostgreSQL connection without connect_timeout',
  severity: 'warning',
  formats: ['yaml'],
  docs: {
    what: 'Reports a PostgreSQL block of `config/database.yml` (other than development and test) whose `connect_timeout` is missing, 0 or negative.',
    why: 'libpq waits for a new connection without limit by default. After a failover the old address may swallow SYN packets; each reconnect (Rails 7.1+ reconnects and retries once on a connection failure) then hangs until the kernel gives up, about 2 minutes on Linux, holding the request thread and a pool slot.',
    example: {
      before: 'production:\n  <<: *default',
      after: `production:\n  <<: *default\n  connect_timeout: ${CANONICAL.connectTimeoutSeconds}`,
    },
    fixSafety: `safe: libpq reads \`connect_timeout\` (seconds, per host) and Active Record passes it through. The fix writes ${CANONICAL.connectTimeoutSeconds} s, staleproof's canonical connect timeout (the reference suggests 5 s; 10 s leaves room for a slow TLS handshake across regions). Proven with Debian's Active Record 6.1 / ruby-pg 1.4: the value reaches \`conninfo_hash\`.`,
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-CONNECT-TIMEOUT',
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/connection_adapters/postgresql_adapter.rb',
    ],
  },
  check({ doc, report }) {
    const seconds = CANONICAL.connectTimeoutSeconds;
    for (const config of railsConfigs(doc)) {
      const current = setting(config, 'connect_timeout');
      if (current && (current.erb || current.value === null || Number(current.value) > 0)) continue;
      const own = current?.own && current.pair?.value ? current.pair : null;
      const edit = own?.value
        ? own.value.write(seconds)
        : current?.fromUrl
          ? null
          : insertKeysEdit(doc, config, [['connect_timeout', seconds]]);
      report({
        range: { start: config.mapping.node.startIndex, end: config.mapping.node.endIndex },
        message: `${describeWhere(config)} ${current ? `sets connect_timeout to ${current.value}, which means no timeout` : 'has no connect_timeout'}: a reconnect to an address that swallows packets after a failover hangs until the kernel gives up (about 2 min). connect_timeout: ${seconds} bounds each attempt.${urlNote(config, 'connect_timeout')}`,
        fix: edit
          ? {
              safety: 'safe',
              description: `Set connect_timeout: ${seconds} in "${config.name}".`,
              edits: [edit],
            }
          : null,
      });
    }
  },
});
