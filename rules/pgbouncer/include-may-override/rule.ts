import { defineRule } from '../../define-rule';
import { pgbouncerConfig } from '../_lib/config';
import { SRC } from '../_lib/kit';

export default defineRule({
  id: 'pgbouncer.include-may-override',
  title: 'An %include may override what this file sets',
  severity: 'info',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports each `%include` line: the included file is read at that point, and staleproof cannot see it.',
    why: "An included file can set any key again (the last value wins) or contain its own `[pgbouncer]` header, which resets every `[pgbouncer]` setting read before it. A fix written above the include, and settings checked in this file, may then not be what PgBouncer runs with. A relative include path is resolved from PgBouncer's working directory, not from this file.",
    example: {
      before: '[pgbouncer]\ntcp_keepidle = 30\n%include /etc/pgbouncer/tuning.ini',
      after: '[pgbouncer]\ntcp_keepidle = 30\n%include /etc/pgbouncer/tuning.ini  (check tuning.ini too)',
    },
    fixSafety:
      'none: an advisory. Check the included file with staleproof as well, or run SHOW CONFIG on the running PgBouncer.',
    sources: [SRC.cfparser, SRC.config],
  },
  check({ doc, report }) {
    const config = pgbouncerConfig(doc);
    for (const inc of config.includes) {
      report({
        range: { start: inc.contentStart, end: inc.end },
        message: `%include ${inc.path}: the included file is read here and may set the same keys again or start a new [pgbouncer] section (which resets every [pgbouncer] setting above it), so what this file sets, and any fix written above this line, may not be what PgBouncer runs with. Check that file too${inc.path.startsWith('/') ? '' : ' (a relative path is resolved from the directory PgBouncer is started in)'}.`,
        fix: null,
      });
    }
  },
});
