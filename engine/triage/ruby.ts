import type { ErrorSignature } from './types';

const DATABASE_YML = 'config/database.yml (the production block and the anchor it merges)';
const TCP_RULES = ['ruby.rails.keepalives-missing', 'ruby.rails.tcp-user-timeout-missing'];

/** Rails / ruby-pg error texts (reference js-go-ruby.md §1). */
export const RUBY_SIGNATURES: readonly ErrorSignature[] = [
  {
    id: 'ruby.pg.server-closed',
    stack: 'ruby',
    library: 'ruby-pg / Active Record',
    pattern:
      /PG::(ConnectionBad|UnableToSend)[^\n]*(PQconsumeInput\(\) )?server closed the connection unexpectedly|PQsocket\(\) can't get socket descriptor|PG::ConnectionBad[^\n]*no connection to the server|SSL SYSCALL error: EOF detected/,
    failure: 'A',
    meaning:
      'Active Record used a pooled connection the server or a middlebox had already closed (idle drop, PgBouncer timeout, restart).',
    rules: [...TCP_RULES, 'ruby.rails.idle-reaping-disabled', 'ruby.rails.pool-keepalive-above-lb'],
    next: `Paste ${DATABASE_YML}.`,
    priority: 3,
  },
  {
    id: 'ruby.pg.admin-shutdown',
    stack: 'ruby',
    library: 'ruby-pg',
    pattern: /PG::AdminShutdown/,
    failure: 'A',
    meaning: 'The server ended the session (restart, failover, pg_terminate_backend).',
    rules: ['ruby.rails.max-age-missing', 'ruby.rails.idle-reaping-disabled'],
    next: `Paste ${DATABASE_YML}.`,
    priority: 3,
  },
  {
    id: 'ruby.rails.connection-failed',
    stack: 'ruby',
    library: 'Active Record',
    pattern: /ActiveRecord::(ConnectionFailed|ConnectionNotEstablished)/,
    failure: 'connect',
    meaning:
      'Active Record could not use or reopen a connection (7.1+ wraps libpq connection failures as ConnectionFailed).',
    rules: ['ruby.rails.connect-timeout-missing', ...TCP_RULES],
    next: `Paste ${DATABASE_YML}.`,
    priority: 2,
  },
  {
    id: 'ruby.rails.pool-timeout',
    stack: 'ruby',
    library: 'Active Record',
    pattern:
      /ActiveRecord::ConnectionTimeoutError|could not obtain a connection from the pool within [\d.]+ seconds/,
    failure: 'exhausted',
    meaning: 'Every pooled connection was checked out, often by threads hung on dead sockets.',
    rules: ['ruby.rails.tcp-user-timeout-missing', 'ruby.rails.connect-timeout-missing'],
    next: `Paste ${DATABASE_YML}, with the server's thread count.`,
    priority: 2,
  },
  {
    id: 'ruby.pg.read-only',
    stack: 'ruby',
    library: 'ruby-pg',
    pattern: /PG::ReadOnlySqlTransaction/,
    failure: 'C',
    meaning: 'A pooled connection still points at a demoted primary; verify pings succeed there.',
    rules: ['ruby.rails.max-age-missing'],
    next: `Paste ${DATABASE_YML}.`,
    priority: 3,
  },
];
