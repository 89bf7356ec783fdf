import { defineRule } from '../../define-rule';
import { pgbouncerConfig } from '../_lib/config';
import { SRC } from '../_lib/kit';

/** Keys PgBouncer parses as numbers (times, counts, switches); the rest are strings. */
const NUMERIC =
  /^(tcp_|listen_port$|listen_backlog$|max_|default_pool_size$|min_pool_size$|reserve_pool|stats_period$|log_|server_fast_close$|server_round_robin$|so_reuseport$|pkt_buf$|sbuf_loopcnt$)|_(timeout|lifetime|retry|delay|ttl|period)$/;

export default defineRule({
  id: 'pgbouncer.inline-comment',
  title: 'Inline comment after a [pgbouncer] value',
  severity: 'error',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports a `[pgbouncer]` setting whose value is followed by ` ; text` or ` # text` on the same line. Only `[pgbouncer]` is checked: values of `[databases]` / `[users]` are connection strings in which a quoted parameter may legitimately contain ` ;`, so a line-level guess there could cut a password; the SQL keys (`server_check_query`, `server_reset_query`, `auth_query`) are skipped for the same reason.',
    why: 'PgBouncer only treats a line as a comment when `;` or `#` is its first non-blank character; everything after `=` is the value. `server_idle_timeout = 600 ; ten minutes` is therefore the number "600 ; ten minutes", which the time parser rejects, so PgBouncer refuses to start (or a RELOAD fails half-way); for a string key the comment silently becomes part of the value.',
    example: {
      before: 'server_idle_timeout = 600 ; ten minutes',
      after: '; ten minutes\nserver_idle_timeout = 600',
    },
    fixSafety:
      'safe: the comment text moves to its own comment line directly above the setting, so the value becomes what the author evidently meant and nothing is lost.',
    sources: [SRC.cfparser, SRC.config],
  },
  check({ doc, report }) {
    const config = pgbouncerConfig(doc);
    for (const s of config.settings) {
      const c = s.inlineComment;
      if (!c) continue;
      const line = s.line;
      const indent = doc.text.slice(line.start, line.contentStart);
      const eol = line.eol === '' ? (doc.text.includes('\r\n') ? '\r\n' : '\n') : line.eol;
      const edits = [{ start: c.range.start, end: c.range.end, text: '' }];
      if (c.text !== '')
        edits.unshift({ start: line.start, end: line.start, text: `${indent}; ${c.text}${eol}` });
      report({
        range: c.range,
        message: `${s.key}: PgBouncer has no inline comments, so the text after the value is read as part of it: ${NUMERIC.test(s.key) ? 'the number no longer parses and the config does not load' : 'the setting silently includes the comment'}. Move the comment to its own line.`,
        fix: { safety: 'safe', description: 'Move the comment to its own line above the setting.', edits },
      });
    }
  },
});
