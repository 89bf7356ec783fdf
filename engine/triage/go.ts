import type { ErrorSignature } from './types';

const PGX_SETUP =
  'the Go code that builds the pool: pgxpool.ParseConfig / pgxpool.New / pgx.Connect and its connection string';
const SQL_SETUP = 'the Go code around sql.Open: the driver name, the connection string and the db.Set… calls';

/** pgx, database/sql and lib/pq error texts (reference js-go-ruby.md §1). */
export const GO_SIGNATURES: readonly ErrorSignature[] = [
  {
    id: 'go.pgx.unrecognized-startup-parameter',
    stack: 'go',
    library: 'pgx / lib/pq',
    // pgx's `(SQLSTATE 42704)` trailer or lib/pq's `pq:` prefix; asyncpg has its own signature.
    pattern:
      /pq: unrecognized configuration parameter "\w+"|unrecognized configuration parameter "\w+" \(SQLSTATE 42704\)/,
    failure: 'config',
    meaning:
      'The driver sent a connection-string key it does not understand to PostgreSQL as a session setting, and the server refused every connection (SQLSTATE 42704).',
    rules: ['go.pgx.pool-keys-outside-pgxpool', 'go.pgx.libpq-only-keys', 'go.libpq.connect-timeout-missing'],
    next: `Paste ${PGX_SETUP}, or ${SQL_SETUP}.`,
    priority: 4,
  },
  {
    id: 'go.pgx.admin-shutdown',
    stack: 'go',
    library: 'pgx',
    pattern: /FATAL: terminating connection due to administrator command \(SQLSTATE 57P01\)/,
    failure: 'A',
    meaning:
      'The server ended the session (restart, failover, pg_terminate_backend) under a pooled pgx connection.',
    rules: ['go.pgxpool.max-conn-lifetime-disabled', 'go.databasesql.conn-max-lifetime-missing'],
    next: `Paste ${PGX_SETUP}.`,
    priority: 2,
  },
  {
    id: 'go.pgx.dead-socket',
    stack: 'go',
    library: 'pgx',
    pattern: /\bunexpected EOF\b|\bconn closed\b|read: connection reset by peer|write: broken pipe/,
    failure: 'A',
    meaning:
      'pgx used a connection whose socket had already been closed or reset by the server or a middlebox.',
    rules: ['go.pgx.keepalive-weak', 'go.pgx.libpq-only-keys', 'go.databasesql.conn-max-idle-time-missing'],
    next: `Paste ${PGX_SETUP}.`,
    priority: 1,
  },
  {
    id: 'go.pgx.context-deadline',
    stack: 'go',
    library: 'pgx',
    pattern:
      /timeout: context deadline exceeded|failed to connect to `[^`]*`: [^\n]*(dial error|i\/o timeout)/,
    failure: 'B',
    meaning:
      "A connect or the pool's acquire ping waited on a host that did not answer until the context ran out: typical of a failover to a new address or a silently dropped connection.",
    rules: ['go.pgx.connect-timeout-missing', 'go.pgxpool.ping-timeout-missing', 'go.pgx.keepalive-weak'],
    next: `Paste ${PGX_SETUP}.`,
    priority: 1,
  },
  {
    id: 'go.databasesql.bad-connection',
    stack: 'go',
    library: 'database/sql',
    pattern: /driver: bad connection|sql: connection is already closed/,
    failure: 'A',
    meaning:
      'database/sql handed out a pooled connection that was already dead; it retries only when the driver can tell nothing was sent.',
    rules: ['go.databasesql.conn-max-idle-time-missing', 'go.databasesql.conn-max-lifetime-missing'],
    next: `Paste ${SQL_SETUP}.`,
    priority: 1,
  },
  {
    id: 'go.libpq.admin-shutdown',
    stack: 'go',
    library: 'lib/pq',
    pattern: /pq: terminating connection due to administrator command/,
    failure: 'A',
    meaning: 'The server ended a lib/pq session (restart, failover, pg_terminate_backend).',
    rules: ['go.databasesql.conn-max-lifetime-missing', 'go.databasesql.conn-max-idle-time-missing'],
    next: `Paste ${SQL_SETUP}.`,
    priority: 2,
  },
  {
    id: 'go.read-only-after-failover',
    stack: 'go',
    library: 'pgx / lib/pq',
    pattern:
      /cannot execute [A-Z ]+ in a read-only transaction \(SQLSTATE 25006\)|pq: cannot execute [A-Z ]+ in a read-only transaction/,
    failure: 'C',
    meaning:
      'A pooled connection still points at a node that is no longer the primary; pings succeed there, so only a lifetime replaces it.',
    rules: ['go.pgxpool.max-conn-lifetime-disabled', 'go.databasesql.conn-max-lifetime-missing'],
    next: `Paste ${PGX_SETUP}, or ${SQL_SETUP}.`,
    priority: 2,
  },
];
