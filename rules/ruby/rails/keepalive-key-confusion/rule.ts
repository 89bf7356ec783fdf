import { defineRule } from '../../../define-rule';
import { describeWhere, railsAtLeast81, railsConfigs } from '../../_lib/database-yml';

export default defineRule({
  id: 'ruby.rails.keepalive-key-confusion',
  title: 'Rails keepalive key that does not do what it seems',
  severity: 'warning',
  formats: ['yaml'],
  docs: {
    what: 'Reports, in a PostgreSQL block of `config/database.yml`, (a) `keepalive:` (singular) where Rails is older than 8.1 or its version is unknown, and (b) `keepalives:` with a value other than 0 or 1.',
    why: "(a) `keepalive` is the Rails 8.1 pool setting for pinging idle connections (600 s by default); earlier versions ignore it, and on any version it is not TCP keepalive, so a connection dropped while idle still goes unnoticed. (b) libpq reads `keepalives` as on/off: `keepalives: 30` meant a 30-second idle time and only switches keepalive on, leaving the OS's 2-hour timer.",
    example: {
      before: 'production:\n  keepalives: 30',
      after: 'production:\n  keepalives_idle: 30',
    },
    fixSafety:
      "review for (b), none for (a). (a) no edit: the key is kept (it becomes the pool ping on 8.1) and ruby.rails.keepalives-missing adds the libpq keys. (b) review: renamed to `keepalives_idle` with the same value, which changes the probe timing to what the value says. Debian's Active Record 6.1 shows (a): `keepalive` never reaches libpq (`conninfo_hash`).",
    sources: [
      'https://github.com/rails/rails/blob/main/activerecord/lib/active_record/connection_adapters/abstract/connection_pool.rb',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES',
      'https://github.com/rails/rails/blob/main/activerecord/CHANGELOG.md',
    ],
  },
  check({ doc, environment, report }) {
    for (const config of railsConfigs(doc)) {
      const single = config.keys.get('keepalive');
      const is81 = railsAtLeast81(environment, config);
      if (single?.own && is81 !== true) {
        report({
          range: { start: single.pair.pair.startIndex, end: single.pair.pair.endIndex },
          severity: 'info',
          message: `${describeWhere(config)}: keepalive: ${single.value ?? '…'} is not TCP keepalive. It is the Rails 8.1 pool's idle-connection ping interval${is81 === false ? ', and this Rails version ignores it' : ' (ignored before 8.1)'}; TCP keepalive timing is keepalives_idle / keepalives_interval / keepalives_count.`,
          fix: null,
        });
      }
      const plural = config.keys.get('keepalives');
      if (
        plural?.own &&
        plural.value !== null &&
        !plural.erb &&
        !/^[01]$/.test(plural.value) &&
        /^\d+$/.test(plural.value)
      ) {
        const idle = config.keys.has('keepalives_idle');
        report({
          range: { start: plural.pair.pair.startIndex, end: plural.pair.pair.endIndex },
          message: `${describeWhere(config)}: keepalives: ${plural.value} only switches TCP keepalive on (libpq reads it as a boolean); the idle time before the first probe stays the OS's 2 hours. The seconds belong in keepalives_idle.`,
          fix: idle
            ? null
            : {
                safety: 'review',
                description: `Rename keepalives to keepalives_idle (${plural.value} s).`,
                edits: [
                  {
                    start: plural.pair.keyNode.startIndex,
                    end: plural.pair.keyNode.endIndex,
                    text: 'keepalives_idle',
                  },
                ],
              },
        });
      }
    }
  },
});
