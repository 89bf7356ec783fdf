import type { ErrorSignature } from './types';

const PG_SETUP = 'the module that creates the pool: new Pool({...}) / new Client({...}) and its options';
const POSTGRESJS_SETUP = 'the postgres(url, {...}) call and its connection string';
const LISTENERS = ['js.pg.pool-error-listener-missing', 'js.pg.client-error-listener-missing'];

/** node-postgres and postgres.js error texts (reference js-go-ruby.md §1). */
const PG_SIGNATURES: readonly ErrorSignature[] = [
  {
    id: 'js.pg.unhandled-error-event',
    stack: 'javascript',
    library: 'node-postgres',
    pattern: /Emitted 'error' event on (BoundPool|Pool|Client) instance/,
    failure: 'A',
    meaning:
      "A pooled or standalone client's connection died while idle and nothing listened for 'error', so Node stopped the process.",
    rules: [...LISTENERS, 'js.pg.keepalive-missing'],
    next: `Paste ${PG_SETUP}, with the code that attaches .on('error', …).`,
    priority: 3,
  },
  {
    id: 'js.pg.connection-terminated',
    stack: 'javascript',
    library: 'node-postgres',
    pattern: /Connection terminated unexpectedly/,
    failure: 'A',
    meaning: 'The server or something between closed a connection node-postgres was holding or using.',
    rules: [...LISTENERS, 'js.pg.keepalive-missing', 'js.pg.idle-timeout-disabled'],
    next: `Paste ${PG_SETUP}.`,
    priority: 1,
  },
  {
    id: 'js.pg.not-queryable',
    stack: 'javascript',
    library: 'node-postgres',
    pattern:
      /Client has encountered a connection error and is not queryable|Client was closed and is not queryable/,
    failure: 'A',
    meaning: 'Code kept using a Client after its connection failed; a Client never reconnects.',
    rules: LISTENERS,
    next: `Paste ${PG_SETUP}, and where the client is checked out and released.`,
    priority: 1,
  },
  {
    id: 'js.pg.pool-acquire-timeout',
    stack: 'javascript',
    library: 'pg-pool',
    pattern: /timeout exceeded when trying to connect/,
    failure: 'exhausted',
    meaning:
      'No client became free within connectionTimeoutMillis: every slot was busy, often held by queries hanging on dead connections.',
    rules: ['js.pg.query-timeout-missing', 'js.pg.keepalive-missing'],
    next: `Paste ${PG_SETUP}.`,
    priority: 1,
  },
  {
    id: 'js.pg.connect-timeout',
    stack: 'javascript',
    library: 'node-postgres',
    pattern: /Connection terminated due to connection timeout/,
    failure: 'connect',
    meaning:
      'A new connection did not complete within connectionTimeoutMillis (a host gone after failover, or overloaded).',
    rules: ['js.pg.connection-timeout-unbounded', 'js.pg.max-lifetime-missing'],
    next: `Paste ${PG_SETUP}.`,
    priority: 1,
  },
  {
    id: 'js.pg.query-read-timeout',
    stack: 'javascript',
    library: 'node-postgres',
    pattern: /Query read timeout/,
    failure: 'B',
    meaning:
      'query_timeout fired: no answer came, as when the server vanished mid-query (a black-holed connection).',
    rules: ['js.pg.query-timeout-missing', 'js.pg.keepalive-missing'],
    next: `Paste ${PG_SETUP}.`,
    priority: 1,
  },
  {
    id: 'js.node.connection-reset',
    stack: 'javascript',
    library: 'Node.js (pg / postgres.js)',
    pattern: /\b(read|write) (ECONNRESET|EPIPE)\b/,
    failure: 'A',
    meaning:
      'The connection had been closed by the other side (a restart, a failover, a load balancer dropping an idle flow) when the driver used it.',
    rules: ['js.pg.keepalive-missing', 'js.pg.idle-timeout-disabled', 'js.postgresjs.protection-disabled'],
    next: `Paste ${PG_SETUP}, or ${POSTGRESJS_SETUP}.`,
  },
  {
    id: 'js.node.read-timeout',
    stack: 'javascript',
    library: 'Node.js (pg / postgres.js)',
    pattern: /\bread ETIMEDOUT\b/,
    failure: 'B',
    meaning: 'TCP gave up on a silent connection (keepalive probes or retransmissions went unanswered).',
    rules: ['js.pg.keepalive-missing', 'js.pg.query-timeout-missing', 'js.postgresjs.protection-disabled'],
    next: `Paste ${PG_SETUP}, or ${POSTGRESJS_SETUP}.`,
  },
  {
    id: 'js.node.connect-failed',
    stack: 'javascript',
    library: 'Node.js (pg / postgres.js)',
    pattern: /\bconnect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH)\b|getaddrinfo (ENOTFOUND|EAI_AGAIN)/,
    failure: 'connect',
    meaning:
      'A new connection could not be made: the server restarting, a failover in progress, or DNS not yet updated.',
    rules: ['js.pg.connection-timeout-unbounded', 'js.pg.max-lifetime-missing'],
    next: `Paste ${PG_SETUP}, or ${POSTGRESJS_SETUP}.`,
  },
  {
    id: 'js.postgresjs.connection-closed',
    stack: 'javascript',
    library: 'postgres.js',
    pattern: /\bCONNECTION_(CLOSED|ENDED|DESTROYED)\b/,
    failure: 'A',
    meaning: 'postgres.js lost a connection while a query was pending on it; the next use reconnects.',
    rules: ['js.postgresjs.protection-disabled', 'js.postgresjs.seconds-given-as-ms'],
    next: `Paste ${POSTGRESJS_SETUP}.`,
    priority: 1,
  },
  {
    id: 'js.postgresjs.connect-timeout',
    stack: 'javascript',
    library: 'postgres.js',
    pattern: /\bCONNECT_TIMEOUT\b/,
    failure: 'connect',
    meaning: 'Connecting took longer than connect_timeout (seconds in postgres.js).',
    rules: ['js.postgresjs.seconds-given-as-ms'],
    next: `Paste ${POSTGRESJS_SETUP}.`,
    priority: 1,
  },
  {
    id: 'js.postgresjs.unknown-startup-parameter',
    stack: 'javascript',
    library: 'postgres.js',
    pattern:
      /PostgresError: unrecognized configuration parameter|unrecognized configuration parameter "(connection_limit|pool_timeout|socket_timeout|pgbouncer|schema|statement_cache_size)"/,
    failure: 'config',
    meaning:
      'A URL parameter postgres.js does not know was sent to the server as a setting, and the server refused the connection.',
    rules: ['js.postgresjs.foreign-url-params'],
    next: `Paste ${POSTGRESJS_SETUP}.`,
    priority: 2,
  },
];

const SEQUELIZE_SETUP = 'the new Sequelize(...) call with its pool and dialectOptions';
const KNEX_SETUP = 'the knex({...}) config or knexfile (client, connection, pool)';
const TYPEORM_SETUP = "the DataSource / TypeOrmModule options (type: 'postgres', extra)";
const PRISMA_SETUP =
  'the DATABASE_URL line of .env (query parameters included, password removed) and new PrismaPg({...}) if you use it';

/** Sequelize, Knex, TypeORM and Prisma error texts (reference js-go-ruby.md §1). */
const JS_ORM_SIGNATURES: readonly ErrorSignature[] = [
  {
    id: 'js.sequelize.acquire-timeout',
    stack: 'javascript',
    library: 'Sequelize',
    pattern: /SequelizeConnectionAcquireTimeoutError/,
    failure: 'exhausted',
    meaning:
      'No pooled connection became free within pool.acquire: every connection was busy, often on queries hanging on dead sockets.',
    rules: ['js.sequelize.pool-keeps-stale-conns', 'js.sequelize.unforwarded-dialect-option'],
    next: `Paste ${SEQUELIZE_SETUP}.`,
    priority: 3,
  },
  {
    id: 'js.sequelize.connection-error',
    stack: 'javascript',
    library: 'Sequelize',
    pattern:
      /Sequelize(ConnectionRefused|HostNotFound|HostNotReachable|ConnectionTimedOut|AccessDenied|InvalidConnection)?Error: .*|SequelizeConnectionError/,
    failure: 'connect',
    meaning:
      'Sequelize could not open a new connection: the server restarting, a failover in progress, or DNS not yet updated.',
    rules: ['js.sequelize.pool-keeps-stale-conns', 'js.sequelize.unforwarded-dialect-option'],
    next: `Paste ${SEQUELIZE_SETUP}.`,
    priority: 1,
  },
  {
    id: 'js.sequelize.dead-connection',
    stack: 'javascript',
    library: 'Sequelize',
    pattern:
      /SequelizeDatabaseError: (Connection terminated unexpectedly|read ECONNRESET|write EPIPE|Query read timeout|terminating connection due to administrator command)/,
    failure: 'A',
    meaning:
      'A query ran on a pooled connection that had died (a failover, a server restart, or a middlebox dropping it while idle).',
    rules: [
      'js.sequelize.pool-keeps-stale-conns',
      'js.sequelize.unforwarded-dialect-option',
      'js.sequelize.custom-validate',
    ],
    next: `Paste ${SEQUELIZE_SETUP}.`,
    priority: 3,
  },
  {
    id: 'js.knex.acquire-timeout',
    stack: 'javascript',
    library: 'Knex',
    pattern: /KnexTimeoutError|Knex: Timeout acquiring a connection/,
    failure: 'exhausted',
    meaning:
      'No pooled connection became free within acquireConnectionTimeout: connections were held by queries hanging on dead sockets, or by transactions never finished.',
    rules: ['js.knex.pool-min-nonzero', 'js.knex.keepalive-missing'],
    next: `Paste ${KNEX_SETUP}.`,
    priority: 3,
  },
  {
    id: 'js.knex.tarn-unsupported-option',
    stack: 'javascript',
    library: 'Knex (tarn)',
    pattern: /Tarn: unsupported option opt\.\w+/,
    failure: 'config',
    meaning:
      'The pool config has a key this Knex release hands to tarn unchanged, and tarn refuses it; lifetime keys need Knex 3.2.0 or newer.',
    rules: ['js.knex.lifetime-option-unsupported'],
    next: `Paste ${KNEX_SETUP}, and the knex version from package.json.`,
    priority: 3,
  },
  {
    id: 'js.typeorm.pool-error',
    stack: 'javascript',
    library: 'TypeORM',
    pattern: /Postgres pool raised an error/,
    failure: 'A',
    meaning:
      "An idle pooled connection died (TypeORM's own pool error handler logged it); the pool dropped it.",
    rules: ['js.typeorm.keepalive-missing'],
    next: `Paste ${TYPEORM_SETUP}.`,
    priority: 2,
  },
  {
    id: 'js.prisma.server-closed-connection',
    stack: 'javascript',
    library: 'Prisma',
    pattern: /\bP1017\b|Server has closed the connection/,
    failure: 'A',
    meaning:
      'The connection Prisma used had been closed by the server or something in between; that query fails, the next one reconnects.',
    rules: ['js.prisma.timeout-disabled', 'js.prisma.url-pool-params-ignored-by-adapter'],
    next: `Paste ${PRISMA_SETUP}.`,
    priority: 2,
  },
  {
    id: 'js.prisma.cannot-reach',
    stack: 'javascript',
    library: 'Prisma',
    pattern: /\bP100[12]\b|Can't reach database server/,
    failure: 'connect',
    meaning:
      'Prisma could not open a connection (P1001), or reached the server but timed out (P1002): a restart or failover in progress.',
    rules: ['js.prisma.timeout-disabled'],
    next: `Paste ${PRISMA_SETUP}.`,
    priority: 2,
  },
  {
    id: 'js.prisma.pool-timeout',
    stack: 'javascript',
    library: 'Prisma',
    pattern: /\bP2024\b|Timed out fetching a new connection from the connection pool/,
    failure: 'exhausted',
    meaning:
      'No connection became free within pool_timeout: the pool was full, often of connections stuck on dead sockets.',
    rules: ['js.prisma.timeout-disabled', 'js.prisma.url-pool-params-ignored-by-adapter'],
    next: `Paste ${PRISMA_SETUP}.`,
    priority: 2,
  },
];

/** Every JavaScript / TypeScript signature. */
export const JS_SIGNATURES: readonly ErrorSignature[] = [...PG_SIGNATURES, ...JS_ORM_SIGNATURES];
