import { CANONICAL } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import { checkConnectTimeout } from '../../_lib/connect-timeout';

export default defineRule({
  id: 'go.pgx.connect-timeout-missing',
  title: 'pgx connection string without connect_timeout',
  severity: 'warning',
  formats: ['go'],
  docs: {
    what: 'Reports connection strings given to pgx, pgxpool or pgx stdlib (`sql.Open("pgx", …)`) without a positive `connect_timeout`, when the file does not set `ConnectTimeout` on the parsed config either. A DSN read from the environment is reported as a reminder, without an edit.',
    why: "pgx sets no connect timeout of its own: a connect is bounded only by the context it runs under. After a failover the old address may swallow SYN packets; a request context without a deadline, or a pool's background connect (pgxpool gives those 2 minutes), or database/sql opening a connection outside any query context then waits for the kernel's SYN retries, about 2 minutes on Linux. `connect_timeout` bounds the dial and the startup handshake of each attempt.",
    example: {
      before: 'pool, err := pgxpool.New(ctx, "postgres://app@db/app?sslmode=require")',
      after: `pool, err := pgxpool.New(ctx, "postgres://app@db/app?sslmode=require&connect_timeout=${CANONICAL.connectTimeoutSeconds}")`,
    },
    fixSafety: `safe: pgx reads \`connect_timeout\` itself (it never reaches the server) in v4 and v5. The fix writes ${CANONICAL.connectTimeoutSeconds} s, staleproof's canonical connect timeout (the reference suggests 5 s; 10 s leaves room for a slow TLS + SCRAM handshake across regions). A connect that truly needs longer would now fail. Proven on Debian's pgx v4.15: ParseConfig reads it into ConnectTimeout and RuntimeParams stays empty.`,
    sources: [
      'https://github.com/jackc/pgx/blob/master/pgconn/config.go',
      'https://github.com/jackc/pgx/blob/master/pgxpool/pool.go',
      'https://pkg.go.dev/github.com/jackc/pgx/v5/pgconn#ParseConfig',
    ],
  },
  check(context) {
    checkConnectTimeout(context, ['pgx', 'pgxpool']);
  },
});
