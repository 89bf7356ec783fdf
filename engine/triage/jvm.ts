import type { ErrorSignature } from './types';

const CONFIG =
  'Paste application.properties / application.yml (spring.datasource.*), hikari.properties, or the Java code that builds the HikariConfig.';
const IDLE_DEATH = [
  'jvm.hikari.keepalive-missing',
  'jvm.hikari.keepalive-too-low',
  'jvm.hikari.keepalive-ge-max-lifetime',
  'jvm.hikari.keepalive-exceeds-idle-limit',
  'jvm.pgjdbc.tcp-keepalive-missing',
];

/**
 * pgJDBC and HikariCP error texts (reference jvm.md §1.1–1.2), matched anywhere in a pasted stack
 * trace, `Caused by:` chains included. Each pattern carries a JVM-only marker (`PSQLException`, a
 * HikariCP log prefix) so a Python traceback quoting the same server message is not claimed here;
 * priority 1 puts them ahead of the generic server-message signatures of other stacks.
 */
export const JVM_SIGNATURES: readonly ErrorSignature[] = [
  {
    id: 'jvm.pgjdbc.read-timed-out',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern:
      /An I\/O error occurred while sending to the backend[\s\S]{0,4000}?SocketTimeoutException: Read timed out/,
    failure: 'B',
    meaning:
      'socketTimeout fired: the server stopped answering in the middle of a statement (a black-holed connection, or a query longer than socketTimeout).',
    rules: [
      'jvm.pgjdbc.socket-timeout-below-statement-timeout',
      'jvm.pgjdbc.timeout-unit-suspect',
      ...IDLE_DEATH,
    ],
    next: CONFIG,
    priority: 2,
  },
  {
    id: 'jvm.pgjdbc.io-error',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /PSQLException: An I\/O error occurred while sending to the backend/,
    failure: 'A',
    meaning:
      'The socket of a pooled connection was already broken (reset or closed by the server or a middlebox) when a statement was sent (SQLState 08006).',
    rules: [...IDLE_DEATH, 'jvm.pgjdbc.socket-timeout-zero'],
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.pgjdbc.connection-closed',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /This connection has been closed\./,
    failure: 'A',
    meaning: 'Code used a connection pgJDBC had already closed after it broke (SQLState 08003).',
    rules: IDLE_DEATH,
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.hikari.failed-validation',
    stack: 'jvm',
    library: 'HikariCP',
    pattern: /Failed to validate connection .*Possibly consider using a shorter maxLifetime value/,
    failure: 'A',
    meaning:
      'HikariCP found a dead idle connection when validating it (at borrow or keepalive) and discarded it; the borrower waited for that check.',
    rules: [
      ...IDLE_DEATH,
      'jvm.hikari.max-lifetime-too-long',
      'jvm.hikari.validation-timeout-ge-connection-timeout',
    ],
    next: CONFIG,
    priority: 2,
  },
  {
    id: 'jvm.hikari.marked-broken',
    stack: 'jvm',
    library: 'HikariCP',
    pattern: /Connection \S+ marked as broken because of SQLSTATE\(\w+\)/,
    failure: 'A',
    meaning: 'An in-use connection failed with a connection-level SQLState and HikariCP evicted it.',
    rules: IDLE_DEATH,
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.hikari.closed-proxy',
    stack: 'jvm',
    library: 'HikariCP',
    pattern: /java\.sql\.SQLException: Connection is closed/,
    failure: 'A',
    meaning: 'Code kept using a connection HikariCP had already evicted as broken.',
    rules: IDLE_DEATH,
    next: CONFIG,
  },
  {
    id: 'jvm.hikari.request-timed-out',
    stack: 'jvm',
    library: 'HikariCP',
    pattern: /Connection is not available, request timed out after \d+ms/,
    failure: 'exhausted',
    meaning:
      'No connection within connectionTimeout: every connection was busy (often hung on dead sockets) or new ones could not be opened.',
    rules: [
      'jvm.pgjdbc.socket-timeout-zero',
      'jvm.pgjdbc.login-timeout-missing',
      'jvm.hikari.validation-timeout-ge-connection-timeout',
      'jvm.hikari.connection-timeout-infinite',
    ],
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.hikari.init-failed',
    stack: 'jvm',
    library: 'HikariCP',
    pattern: /PoolInitializationException: Failed to initialize pool/,
    failure: 'connect',
    meaning: 'The pool could not open its first connection at startup; the cause follows in the message.',
    rules: [
      'jvm.pgjdbc.target-server-type-invalid',
      'jvm.pgjdbc.connect-timeout-disabled',
      'jvm.pgjdbc.login-timeout-missing',
    ],
    next: CONFIG,
  },
  {
    id: 'jvm.pgjdbc.invalid-target-server-type',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /Invalid targetServerType value: \S+/,
    failure: 'config',
    meaning:
      'pgJDBC rejects the targetServerType spelling (it is case-sensitive), so every connection attempt fails.',
    rules: ['jvm.pgjdbc.target-server-type-invalid'],
    next: 'Paste the JDBC URL or the config that holds it.',
    priority: 2,
  },
  {
    id: 'jvm.pgjdbc.no-matching-server',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /Could not find a server with specified targetServerType: \w+/,
    failure: 'connect',
    meaning:
      'No host of the multi-host URL is in the wanted role right now (e.g. every host is a standby mid-failover).',
    rules: ['jvm.pgjdbc.multihost-without-target-server-type', 'jvm.pgjdbc.connect-timeout-disabled'],
    next: 'Paste the JDBC URL or the config that holds it.',
    priority: 1,
  },
  {
    id: 'jvm.pgjdbc.connection-refused',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /Connection to \S+ refused\. Check that the hostname and port are correct/,
    failure: 'connect',
    meaning:
      'Nothing listened on the host and port: the server is down or restarting, or the URL points at the old primary.',
    rules: ['jvm.pgjdbc.multihost-without-target-server-type', 'jvm.pgjdbc.connect-timeout-disabled'],
    next: 'Paste the JDBC URL or the config that holds it.',
    priority: 1,
  },
  {
    id: 'jvm.pgjdbc.login-timed-out',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /PSQLException: Connection attempt timed out\./,
    failure: 'connect',
    meaning: 'loginTimeout expired before the server finished the connection handshake.',
    rules: ['jvm.pgjdbc.login-timeout-missing', 'jvm.pgjdbc.connect-timeout-disabled'],
    next: 'Paste the JDBC URL or the config that holds it.',
    priority: 1,
  },
  {
    id: 'jvm.pgjdbc.connect-failed',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /PSQLException: The connection attempt failed\./,
    failure: 'connect',
    meaning:
      'Opening a connection failed on the network (connect timeout, read timeout during login, unknown host).',
    rules: [
      'jvm.pgjdbc.connect-timeout-disabled',
      'jvm.pgjdbc.login-timeout-missing',
      'jvm.pgjdbc.multihost-without-target-server-type',
    ],
    next: 'Paste the JDBC URL or the config that holds it.',
  },
  {
    id: 'jvm.pgjdbc.admin-shutdown',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern:
      /PSQLException: FATAL: terminating connection (due to administrator command|because of crash of another server process)/,
    failure: 'A',
    meaning:
      'The server ended the session (restart, failover, pg_terminate_backend); idle connections still in the pool are dead too.',
    rules: IDLE_DEATH,
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.pgjdbc.idle-session-timeout',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /PSQLException: FATAL: terminating connection due to idle-(session|in-transaction) timeout/,
    failure: 'A',
    meaning:
      'The server closed a connection that idled longer than idle_session_timeout: the pool kept it longer than the server allows.',
    rules: [
      'jvm.hikari.keepalive-exceeds-idle-limit',
      'jvm.hikari.max-lifetime-too-long',
      'jvm.hikari.keepalive-missing',
    ],
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.pgjdbc.read-only',
    stack: 'jvm',
    library: 'pgJDBC',
    pattern: /PSQLException: ERROR: cannot execute \w+ in a read-only transaction/,
    failure: 'C',
    meaning:
      'A write reached a standby or a demoted primary; no pool evicts for SQLState 25006, so these connections stay until maxLifetime.',
    rules: ['jvm.pgjdbc.multihost-without-target-server-type'],
    next: 'Paste the JDBC URL or the config that holds it.',
    priority: 1,
  },
  {
    id: 'jvm.hikari.keepalive-disabled',
    stack: 'jvm',
    library: 'HikariCP',
    pattern: /keepaliveTime is (less than 30000ms|greater than or equal to maxLifetime), disabling it/,
    failure: 'config',
    meaning: 'HikariCP switched keepalive off at startup because of its value.',
    rules: ['jvm.hikari.keepalive-too-low', 'jvm.hikari.keepalive-ge-max-lifetime'],
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.hikari.max-lifetime-reset',
    stack: 'jvm',
    library: 'HikariCP',
    pattern: /maxLifetime is less than 30000ms, setting to default \d+ms/,
    failure: 'config',
    meaning: 'HikariCP replaced a too-short maxLifetime with its 30-minute default.',
    rules: ['jvm.hikari.max-lifetime-too-low'],
    next: CONFIG,
    priority: 1,
  },
  {
    id: 'jvm.hikari.idle-timeout-changed',
    stack: 'jvm',
    library: 'HikariCP',
    pattern:
      /idleTimeout is (close to or more than maxLifetime, disabling it|less than 10000ms, setting to default)|idleTimeout has been set but has no effect/,
    failure: 'config',
    meaning: 'HikariCP changed or ignored idleTimeout at startup.',
    rules: ['jvm.hikari.idle-timeout-clamped'],
    next: CONFIG,
  },
  // Tomcat JDBC, Commons DBCP2, c3p0, Agroal (reference jvm.md §1.3).
  {
    id: 'jvm.tomcat.pool-exhausted',
    stack: 'jvm',
    library: 'Tomcat JDBC',
    pattern: /PoolExhaustedException: .*Timeout: Pool empty\. Unable to fetch a connection in \d+ seconds/,
    failure: 'exhausted',
    meaning:
      'No connection within maxWait: every connection was busy (often hung on dead sockets, or on a validation with no time limit) or new ones could not be opened.',
    rules: [
      'jvm.tomcat.validation-unbounded',
      'jvm.pgjdbc.socket-timeout-zero',
      'jvm.pgjdbc.login-timeout-missing',
    ],
    next: 'Paste spring.datasource.* (tomcat keys) or the code that builds the PoolProperties / DataSource.',
    priority: 1,
  },
  {
    id: 'jvm.tomcat.validation-failed',
    stack: 'jvm',
    library: 'Tomcat JDBC',
    pattern:
      /org\.apache\.tomcat\.jdbc\.pool[\s\S]{0,2000}?(isValid\(\) returned false|isValid\(\) failed|SQL Validation error)/,
    failure: 'A',
    meaning: 'Tomcat JDBC found a dead connection when validating it and replaced it.',
    rules: [
      'jvm.tomcat.no-borrow-validation',
      'jvm.tomcat.validation-interval-long',
      'jvm.tomcat.validation-unbounded',
      'jvm.pgjdbc.tcp-keepalive-missing',
    ],
    next: 'Paste spring.datasource.* (tomcat keys) or the code that builds the PoolProperties / DataSource.',
    priority: 1,
  },
  {
    id: 'jvm.dbcp2.pool-error',
    stack: 'jvm',
    library: 'Commons DBCP2',
    pattern: /Cannot get a connection, pool error/,
    failure: 'exhausted',
    meaning:
      'DBCP2 could not hand out a connection: the pool was exhausted (maxWait) or every candidate failed validation.',
    rules: [
      'jvm.dbcp2.max-wait-infinite',
      'jvm.dbcp2.validation-unbounded',
      'jvm.pgjdbc.socket-timeout-zero',
    ],
    next: 'Paste spring.datasource.* (dbcp2 keys) or the code that builds the BasicDataSource.',
    priority: 1,
  },
  {
    id: 'jvm.dbcp2.factory-failed',
    stack: 'jvm',
    library: 'Commons DBCP2',
    pattern: /Cannot create PoolableConnectionFactory/,
    failure: 'connect',
    meaning: 'DBCP2 could not open its first connection; the driver error is in parentheses.',
    rules: [
      'jvm.pgjdbc.target-server-type-invalid',
      'jvm.pgjdbc.connect-timeout-disabled',
      'jvm.pgjdbc.login-timeout-missing',
    ],
    next: 'Paste the JDBC URL or the config that holds it.',
    priority: 1,
  },
  {
    id: 'jvm.c3p0.checkout-timed-out',
    stack: 'jvm',
    library: 'c3p0',
    pattern: /An attempt by a client to checkout a Connection has timed out/,
    failure: 'exhausted',
    meaning:
      'No connection within checkoutTimeout (milliseconds): the pool was busy, could not connect, or the timeout is far shorter than intended.',
    rules: [
      'jvm.c3p0.checkout-timeout',
      'jvm.c3p0.is-valid-timeout-missing',
      'jvm.c3p0.no-connection-testing',
      'jvm.pgjdbc.socket-timeout-zero',
    ],
    next: 'Paste c3p0.properties or the code that builds the ComboPooledDataSource.',
    priority: 1,
  },
  {
    id: 'jvm.agroal.acquisition-timeout',
    stack: 'jvm',
    library: 'Agroal (Quarkus)',
    pattern: /Sorry, acquisition timeout!/,
    failure: 'exhausted',
    meaning:
      'No connection within acquisition-timeout (5 s by default in Quarkus): every connection was busy or hung, or new ones could not be opened.',
    rules: [
      'jvm.quarkus.no-foreground-validation',
      'jvm.pgjdbc.socket-timeout-zero',
      'jvm.pgjdbc.login-timeout-missing',
    ],
    next: 'Paste application.properties (quarkus.datasource.*).',
    priority: 1,
  },
];
