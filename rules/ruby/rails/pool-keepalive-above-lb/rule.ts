import { effectiveMiddleboxIdleSeconds } from '../../../../core/environment';
import { defineRule } from '../../../define-rule';
import { describeWhere, insertKeysEdit, railsAtLeast81, railsConfigs } from '../../_lib/database-yml';

const KEEPALIVE = 120;

export default defineRule({
  id: 'ruby.rails.pool-keepalive-above-lb',
  title: 'Rails 8.1 warm connections pinged less often than the load balancer forgets them',
  severity: 'warning',
  formats: ['yaml'],
  docs: {
    what: 'Reports a Rails 8.1 PostgreSQL block (from the environment profile, or inferred from `min_connections` / `max_connections`) with `min_connections` above 0 and `keepalive` absent (600 s) or longer than the middlebox idle timeout (240 s unless the profile says otherwise).',
    why: 'Rails 8.1 keeps `min_connections` open and never reaps them for idleness; instead the pool pings an idle connection every `keepalive` seconds (with jitter). At the default 600 s, a load balancer or NAT that forgets idle flows after 4–6 minutes has dropped the warm connections before the ping, so the warm pool is a pool of dead sockets after every quiet period.',
    example: {
      before: 'production:\n  min_connections: 4',
      after: 'production:\n  min_connections: 4\n  keepalive: 120',
    },
    fixSafety:
      "safe: one `SELECT 1`-sized ping per idle connection every 2 minutes; Rails before 8.1 ignores the key. Not shown by Debian's Active Record 6.1 (the pool keepalive arrived in 8.1); the behaviour is from the 8.1 connection_pool.rb source.",
    sources: [
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/connection_adapters/abstract/connection_pool.rb',
      'https://github.com/rails/rails/blob/8-1-stable/activerecord/CHANGELOG.md',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/update-idle-timeout.html',
    ],
  },
  check({ doc, environment, report }) {
    const limit = effectiveMiddleboxIdleSeconds(environment);
    for (const config of railsConfigs(doc)) {
      if (railsAtLeast81(environment, config) !== true) continue;
      const min = config.keys.get('min_connections');
      if (!min?.value || !(Number(min.value) > 0)) continue;
      const keepalive = config.keys.get('keepalive');
      if (keepalive && (keepalive.value === null || Number(keepalive.value) <= limit)) continue;
      const edit =
        keepalive?.own && keepalive.pair.value
          ? keepalive.pair.value.write(KEEPALIVE)
          : insertKeysEdit(doc, config, [['keepalive', KEEPALIVE]]);
      report({
        range: {
          start: (keepalive?.own ? keepalive.pair.pair : min.pair.pair).startIndex,
          end: (keepalive?.own ? keepalive.pair.pair : min.pair.pair).endIndex,
        },
        message: `${describeWhere(config)} keeps ${min.value} warm connections but pings them only every ${keepalive?.value ?? '600 (default)'} s, later than the ${limit} s after which a NAT or load balancer may forget an idle flow: after a quiet period the warm connections are dead. keepalive: ${KEEPALIVE} keeps them alive.`,
        fix: edit
          ? { safety: 'safe', description: `Set keepalive: ${KEEPALIVE} in "${config.name}".`, edits: [edit] }
          : null,
      });
    }
  },
});
