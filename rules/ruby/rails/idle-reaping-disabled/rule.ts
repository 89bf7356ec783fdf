import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import {
  describeWhere,
  insertKeysEdit,
  type RailsConfig,
  railsAtLeast81,
  railsConfigs,
  setting,
} from '../../_lib/database-yml';

export default defineRule({
  id: 'ruby.rails.idle-reaping-disabled',
  title: 'Rails pool never closes idle connections',
  severity: 'warning',
  formats: ['yaml'],
  docs: {
    what: 'Reports a PostgreSQL block of `config/database.yml` (other than development and test) whose `idle_timeout` is 0 or negative, or whose `reaping_frequency` is 0 or empty (`~`), in the block or in the anchor it merges.',
    why: "The pool's reaper closes connections idle longer than `idle_timeout` (300 s by default), every `reaping_frequency` seconds. With either switched off, idle connections stay open for hours: behind PgBouncer or a NAT that closes idle flows they turn into dead connections, and the next checkout pays a failed verify and a reconnect, or hangs on a silently dropped socket. On Rails 8.1 the reaper also enforces `keepalive` and `max_age`.",
    example: {
      before: 'default: &default\n  idle_timeout: 0\nproduction:\n  <<: *default',
      after: 'default: &default\n  idle_timeout: 0\nproduction:\n  <<: *default\n  idle_timeout: 300',
    },
    fixSafety:
      "review: idle connections are closed and reopened on demand, which someone may have turned off on purpose. A key written in the block is removed, so the version's default applies; a key from the shared anchor is overridden in the block (`idle_timeout: 300`; `reaping_frequency: 60`, or 20 when the block is known to be Rails 8.1), leaving the anchor as development and test use it. Proven with Debian's Active Record 6.1: the pool's reaper and `idle_timeout` read back as set.",
    sources: [
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/connection_adapters/abstract/connection_pool.rb',
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/database_configurations/hash_config.rb',
      'https://guides.rubyonrails.org/configuring.html#database-pooling',
    ],
  },
  check({ doc, environment, report }) {
    for (const config of railsConfigs(doc)) {
      const idle = setting(config, 'idle_timeout');
      const reaping = setting(config, 'reaping_frequency');
      const bad: {
        key: string;
        value: string;
        own: boolean;
        pair: NonNullable<typeof idle>['pair'];
        fallback: number;
      }[] = [];
      if (
        idle &&
        !idle.erb &&
        !idle.fromUrl &&
        idle.value !== null &&
        idle.value !== '~' &&
        Number(idle.value) <= 0
      ) {
        bad.push({ key: 'idle_timeout', value: idle.value, own: idle.own, pair: idle.pair, fallback: 300 });
      }
      if (
        reaping &&
        !reaping.erb &&
        !reaping.fromUrl &&
        (reaping.value === '~' ||
          reaping.value === '' ||
          (reaping.value !== null && Number(reaping.value) <= 0))
      ) {
        bad.push({
          key: 'reaping_frequency',
          value: reaping.value || '~',
          own: reaping.own,
          pair: reaping.pair,
          fallback: railsAtLeast81(environment, config) ? 20 : 60,
        });
      }
      if (bad.length === 0) continue;
      const edits: TextEdit[] = [];
      const inserts: [string, number][] = [];
      for (const b of bad) {
        if (!b.own) {
          inserts.push([b.key, b.fallback]);
          continue;
        }
        // Removing an own key that also exists in the anchor would bring the anchor's value back.
        const inherited = anchorHas(config, b.key);
        if (inherited && b.pair?.value) edits.push(b.pair.value.write(b.fallback));
        else if (inherited && b.pair)
          edits.push({
            start: b.pair.pair.startIndex,
            end: b.pair.pair.endIndex,
            text: `${b.key}: ${b.fallback}`,
          });
        else if (b.pair) edits.push(...b.pair.remove());
      }
      if (inserts.length) {
        const edit = insertKeysEdit(doc, config, inserts);
        if (edit) edits.push(edit);
      }
      const what = bad
        .map((b) => `${b.key}: ${b.value}${b.own ? '' : ' (from the merged anchor)'}`)
        .join(' and ');
      report({
        range: { start: config.mapping.node.startIndex, end: config.mapping.node.endIndex },
        message: `${describeWhere(config)} has ${what}, so the pool never closes idle connections: ones dropped meanwhile by PgBouncer, the server or a middlebox are found only when a checkout fails or hangs on them.`,
        fix: { safety: 'review', description: `Restore idle reaping in "${config.name}".`, edits },
      });
    }
  },
});

function anchorHas(config: RailsConfig, key: string): boolean {
  return config.mergedKeys.has(key);
}
