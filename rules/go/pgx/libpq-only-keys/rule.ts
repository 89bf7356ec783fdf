import { defineRule } from '../../../define-rule';
import { hasVerb, readableDsn, removeParamsEdits } from '../../_lib/dsn';
import { goSites } from '../../_lib/go';

const LIBPQ_ONLY = new Set(['keepalives', 'keepalives_idle', 'keepalives_interval', 'keepalives_count']);
/**
 * Also libpq-only, but PostgreSQL 12+ has a server setting of that name: the server accepts it as a
 * session setting for its own end of the socket (observed with pgx v4.15 and PostgreSQL 15), so it
 * does not break the connection, and it does not bound the client's waits either.
 */
const SERVER_SETTING = 'tcp_user_timeout';

export default defineRule({
  id: 'go.pgx.libpq-only-keys',
  title: 'libpq keepalive keys in a pgx or lib/pq connection string',
  severity: 'error',
  formats: ['go'],
  docs: {
    what: 'Reports `keepalives`, `keepalives_idle`, `keepalives_interval` and `keepalives_count` in a connection string given to pgx, pgxpool, pgx stdlib or lib/pq (`sql.Open("postgres", …)`): keys copied from libpq or psycopg documentation. `tcp_user_timeout` there is reported as information only: PostgreSQL 12+ accepts it as its own server-side setting.',
    why: 'Neither pgx nor lib/pq implements these libpq keys; both send every key they do not know to PostgreSQL as a session setting, and the server refuses the connection with `unrecognized configuration parameter "keepalives_idle"` (SQLSTATE 42704). Every connect fails, so the setting meant to survive failovers takes the service down. Go already enables TCP keepalive on every dialed socket (probes every 15 s, the net.Dialer default, unless the driver sets its own dialer).',
    example: {
      before: 'pool, err := pgxpool.New(ctx, "postgres://app@db/app?sslmode=require&keepalives_idle=30")',
      after: 'pool, err := pgxpool.New(ctx, "postgres://app@db/app?sslmode=require")',
    },
    fixSafety:
      "safe: with the key the driver cannot connect at all. The keepalive interval stays the driver's (Go's 15 s; pgx before v5.6.0: 5 min). To tune it with pgx, set `cfg.ConnConfig.DialFunc = (&net.Dialer{KeepAlive: 30 * time.Second, Timeout: 10 * time.Second}).DialContext` yourself (a custom DialFunc also replaces the dial timeout pgx derives from `connect_timeout`). Proven on Debian's pgx v4.15 and lib/pq 1.10.7.",
    sources: [
      'https://github.com/jackc/pgx/blob/master/pgconn/config.go',
      'https://github.com/lib/pq/blob/master/conn.go',
      'https://pkg.go.dev/net#Dialer',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES',
    ],
  },
  check({ doc, report }) {
    for (const site of goSites(doc)) {
      const dsn = readableDsn(site);
      if (!dsn) continue;
      const serverSide = dsn.parsed.params.find((p) => p.key === SERVER_SETTING);
      if (serverSide) {
        report({
          range: {
            start: dsn.contentStart + serverSide.range.start,
            end: dsn.contentStart + serverSide.range.end,
          },
          severity: 'info',
          message: `${site.label} gets tcp_user_timeout, which ${site.driver === 'libpq' ? 'lib/pq' : 'pgx'} does not implement: it goes to PostgreSQL as the server's own tcp_user_timeout setting (PostgreSQL 12+), so it limits the server's end of the socket, not how long this client waits on a dead server (and a PgBouncer in between refuses it). Bound client waits with a context deadline or connect_timeout instead.`,
          fix: null,
        });
      }
      const bad = dsn.parsed.params.filter((p) => LIBPQ_ONLY.has(p.key));
      if (bad.length === 0) continue;
      const keys = [...new Set(bad.map((p) => p.key))].join(', ');
      const editable = dsn.editable && !bad.some((p) => hasVerb(p.value));
      const driver = site.driver === 'libpq' ? 'lib/pq' : 'pgx';
      report({
        range: { start: dsn.node.startIndex, end: dsn.node.endIndex },
        message: `${site.label} gets ${keys}, which ${driver} does not implement: it sends ${bad.length > 1 ? 'them' : 'it'} to PostgreSQL as a session setting and the server rejects every connection with "unrecognized configuration parameter" (SQLSTATE 42704). Go already turns TCP keepalive on${driver === 'pgx' ? '; to tune it, give cfg.ConnConfig a DialFunc from a net.Dialer with KeepAlive: 30 * time.Second' : ''}.`,
        fix: editable
          ? {
              safety: 'safe',
              description: `Remove ${keys} from the connection string.`,
              edits: removeParamsEdits(dsn, bad),
            }
          : null,
      });
    }
  },
});
