import { CANONICAL } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import { checkConnectTimeout } from '../../_lib/connect-timeout';
import { param, readableDsn } from '../../_lib/dsn';
import { goSites } from '../../_lib/go';

export default defineRule({
  id: 'go.libpq.connect-timeout-missing',
  title: 'lib/pq connection string without connect_timeout',
  severity: 'warning',
  formats: ['go'],
  docs: {
    what: 'Reports `sql.Open("postgres", dsn)` (lib/pq) with a literal connection string that has no positive `connect_timeout`. Also notes `target_session_attrs`, which lib/pq only reads from v1.11.0 on.',
    why: 'lib/pq waits forever for a new connection when `connect_timeout` is absent or 0, and database/sql opens connections on its own schedule, outside the context of the query that needed one. After a failover to a new address, a connect to the old one can hang until the kernel gives up (about 2 minutes of SYN retries on Linux) while requests pile up behind it.',
    example: {
      before: 'db, err := sql.Open("postgres", "host=db user=app dbname=app sslmode=require")',
      after: `db, err := sql.Open("postgres", "host=db user=app dbname=app sslmode=require connect_timeout=${CANONICAL.connectTimeoutSeconds}")`,
    },
    fixSafety: `safe: lib/pq reads \`connect_timeout\` itself (in seconds) and applies it to the dial and the startup handshake. ${CANONICAL.connectTimeoutSeconds} s is staleproof's canonical value (the reference suggests 5 s). A connection from an environment variable is not reported: add the key there. Proven on Debian's lib/pq 1.10.7.`,
    sources: [
      'https://github.com/lib/pq/blob/master/conn.go',
      'https://github.com/lib/pq/blob/master/README.md',
      'https://pkg.go.dev/github.com/lib/pq#hdr-Connection_String_Parameters',
    ],
  },
  check(context) {
    checkConnectTimeout(context, ['libpq']);
    for (const site of goSites(context.doc)) {
      if (site.driver !== 'libpq') continue;
      const dsn = readableDsn(site);
      const tsa = dsn ? param(dsn, 'target_session_attrs') : undefined;
      if (!dsn || !tsa) continue;
      context.report({
        range: { start: dsn.contentStart + tsa.range.start, end: dsn.contentStart + tsa.range.end },
        severity: 'info',
        message: `${site.label}: lib/pq reads target_session_attrs only from v1.11.0; older versions send it to the server, which rejects every connection (SQLSTATE 42704). Check the lib/pq version in go.mod.`,
        fix: null,
      });
    }
  },
});
