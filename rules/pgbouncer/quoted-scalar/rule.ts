import { defineRule } from '../../define-rule';
import { pgbouncerConfig } from '../_lib/config';
import { SRC } from '../_lib/kit';

export default defineRule({
  id: 'pgbouncer.quoted-scalar',
  title: 'Quoted [pgbouncer] value',
  severity: 'error',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports a `[pgbouncer]` value wrapped in single or double quotes, such as `auth_file = "/etc/pgbouncer/userlist.txt"` or `listen_port = \'6432\'`.',
    why: 'PgBouncer does no quote processing in `[pgbouncer]`: the quotes become part of the value. A quoted number does not parse (the config fails to load) and a quoted path names a file whose name starts with a quote, which does not exist.',
    example: {
      before: 'auth_file = "/etc/pgbouncer/userlist.txt"',
      after: 'auth_file = /etc/pgbouncer/userlist.txt',
    },
    fixSafety:
      'safe: only the two wrapping quote characters are removed; the text between them is kept byte for byte.',
    sources: [SRC.cfparser, SRC.config],
  },
  check({ doc, report }) {
    const config = pgbouncerConfig(doc);
    for (const s of config.settings) {
      if (!s.quotes) continue;
      report({
        range: { start: s.quotes.open.start, end: s.quotes.close.end },
        message: `${s.key}: PgBouncer keeps the quotes as part of the value (it does no quote processing in [pgbouncer]), so the value is not what it looks like. Remove them.`,
        fix: {
          safety: 'safe',
          description: 'Remove the wrapping quotes.',
          edits: [
            { ...s.quotes.open, text: '' },
            { ...s.quotes.close, text: '' },
          ],
        },
      });
    }
  },
});
