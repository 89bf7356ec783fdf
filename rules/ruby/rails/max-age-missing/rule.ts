import { defineRule } from '../../../define-rule';
import { describeWhere, insertKeysEdit, railsAtLeast81, railsConfigs } from '../../_lib/database-yml';

const MAX_AGE = 1800;

export default defineRule({
  id: 'ruby.rails.max-age-missing',
  title: 'Rails 8.1 connections without a maximum age',
  severity: 'info',
  formats: ['yaml'],
  docs: {
    what: 'Reports a Rails 8.1 PostgreSQL block (from the environment profile, or inferred from `min_connections` / `max_connections`) without `max_age`.',
    why: 'Without `max_age` a busy connection lives forever. After a failover a connection that reached a node which is alive but demoted keeps failing writes with "cannot execute … in a read-only transaction" (25006), and verify pings succeed on it. Rails 8.1 retires a connection older than `max_age` when it is next checked in (with jitter), so the pool moves to the new primary within that time.',
    example: {
      before: 'production:\n  max_connections: 10',
      after: `production:\n  max_connections: 10\n  max_age: ${MAX_AGE}`,
    },
    fixSafety:
      "review: one reconnect per connection every 30 minutes. Written only where Rails 8.1 is known or inferred: older versions ignore the key. Not shown by Debian's Active Record 6.1; the behaviour is from the 8.1 connection_pool.rb source.",
    sources: [
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/connection_adapters/abstract/connection_pool.rb',
      'https://github.com/rails/rails/blob/8-1-stable/activerecord/CHANGELOG.md',
    ],
  },
  check({ doc, environment, report }) {
    for (const config of railsConfigs(doc)) {
      if (railsAtLeast81(environment, config) !== true || config.keys.has('max_age')) continue;
      const edit = insertKeysEdit(doc, config, [['max_age', MAX_AGE]]);
      report({
        range: { start: config.mapping.node.startIndex, end: config.mapping.node.endIndex },
        message: `${describeWhere(config)} sets no max_age, so a connection lives forever: after a failover one that reached a demoted primary keeps failing writes (25006) while pings succeed. max_age: ${MAX_AGE} retires connections after 30 minutes.`,
        fix: edit
          ? { safety: 'review', description: `Add max_age: ${MAX_AGE} to "${config.name}".`, edits: [edit] }
          : null,
      });
    }
  },
});
