import { defineRule } from '../../define-rule';
import { pgbouncerConfig } from '../_lib/config';
import { SRC } from '../_lib/kit';
import { unitValue } from '../_lib/values';

export default defineRule({
  id: 'pgbouncer.time-unit-suffix',
  title: 'PgBouncer time value written with a unit',
  severity: 'error',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports a `[pgbouncer]` time setting (`*_timeout`, `*_lifetime`, `*_retry`, `*_delay`, `*_ttl`, `*_period`, `tcp_keepidle`, `tcp_keepintvl`) whose value carries a unit such as `2min`, `30s` or `500ms`.',
    why: 'PgBouncer reads times as a bare decimal number of seconds (`tcp_user_timeout`: an integer of milliseconds) and rejects anything after the number, unlike postgresql.conf. A value like `2min` stops PgBouncer from starting, or makes a RELOAD fail.',
    example: { before: 'query_wait_timeout = 2min', after: 'query_wait_timeout = 120' },
    fixSafety:
      'safe: the number is converted to the unit PgBouncer expects (seconds; milliseconds for tcp_user_timeout), so the setting means exactly what was written. Integer settings whose conversion would be fractional are reported without a fix.',
    sources: [SRC.cfparser, SRC.config],
  },
  check({ doc, report }) {
    const config = pgbouncerConfig(doc);
    for (const s of config.settings) {
      const u = unitValue(s.key, s.token);
      if (!u) continue;
      const unit = s.key === 'tcp_user_timeout' ? 'milliseconds' : 'seconds';
      report({
        range: s.tokenRange,
        message: `${s.key} = ${s.token}: PgBouncer takes a plain number of ${unit} here and rejects the unit "${u.unit}", so the config does not load.${u.text === null ? ' The converted value is not a whole number, which this setting needs: choose one by hand.' : ` Write ${u.text}.`}`,
        fix:
          u.text === null
            ? null
            : {
                safety: 'safe',
                description: `Write ${s.key} = ${u.text} (${unit}).`,
                edits: [{ ...s.tokenRange, text: u.text }],
              },
      });
    }
  },
});
