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

const KEYS = [
  ['keepalives_idle', CANONICAL.keepaliveIdleSeconds],
  ['keepalives_interval', CANONICAL.keepaliveIntervalSeconds],
  ['keepalives_count', CANONICAL.keepaliveCount],
] as const;

export default defineRule({
  id: 'ruby.rails.keepalives-missing',
  title: 'Rails PostgreSQL connection without tuned TCP keepalives',
  severity: 'warning',
  formats: ['yaml'],
  docs: {
    what: 'Reports a PostgreSQL block of `config/database.yml` (other than development and test) that sets no `keepalives_idle`, in the block, in the anchor it merges, or in its `url:`.',
    why: 'libpq turns TCP keepalive on, but leaves the timing to the operating system: on Linux the first probe comes after 2 hours of silence. A NAT gateway or load balancer forgets an idle flow long before (Azure 4 min, AWS NLB 350 s), and the next query on that connection fails with `PG::ConnectionBad: PQconsumeInput() server closed the connection unexpectedly` or hangs. Probing after 30 s of silence keeps the flow alive and finds a dead peer within a minute.',
    example: {
      before: 'production:\n  <<: *default\n  database: app',
      after:
        'production:\n  <<: *default\n  keepalives_idle: 30\n  keepalives_interval: 10\n  keepalives_count: 3\n  database: app',
    },
    fixSafety:
      "safe: Active Record passes every key libpq knows to `PG.connect` (it filters the config by `PG::Connection.conndefaults`) and drops the others, so the keys cannot break the connection. The keys go into the environment block, right after its `<<:` line, never into the shared anchor. Not `keepalive:` (singular), which is the Rails 8.1 pool ping. Proven with Debian's Active Record 6.1 and ruby-pg 1.4 (libpq 15): the keys reach `conninfo_hash`.",
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES',
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/connection_adapters/postgresql_adapter.rb',
      'https://guides.rubyonrails.org/configuring.html#configuring-a-postgresql-database',
    ],
  },
  check({ doc, report }) {
    for (const config of railsConfigs(doc)) {
      if (overUnixSocket(config) || setting(config, 'keepalives_idle')) continue;
      if (setting(config, 'keepalives')?.value === '0') continue;
      const missing = KEYS.filter(([key]) => !setting(config, key));
      const edit = insertKeysEdit(doc, config, missing);
      const list = missing.map(([k, v]) => `${k}: ${v}`).join(', ');
      report({
        range: { start: config.mapping.node.startIndex, end: config.mapping.node.endIndex },
        message: `${describeWhere(config)} sets no keepalives_idle, so libpq leaves keepalive timing to the OS (Linux: first probe after 7200 s): an idle connection a NAT or load balancer dropped is only found when a query fails or hangs on it. With ${list} a dead idle connection is noticed within 60 s.${urlNote(config, 'keepalives_idle')}`,
        fix: edit ? { safety: 'safe', description: `Add ${list} to "${config.name}".`, edits: [edit] } : null,
      });
    }
  },
});
