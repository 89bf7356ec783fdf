/**
 * What harness.cjs reports of each pool, client or postgres.js instance a fixture builds, read from the
 * live object after it connected: what the library really uses, not what the file says.
 */
export interface SocketKeepalive {
  enable: boolean;
  /** The delay in ms the library passed to `socket.setKeepAlive` (Node uses whole seconds of it). */
  delay: number | null;
}

/** node-postgres facts from one connected Client (a pool's: one it handed out). */
export interface PgClientFacts {
  keepAlive: boolean | null;
  keepAliveInitialDelayMillis: number | null;
  connectionTimeoutMillis: number;
  query_timeout: number | string | false | null;
  socketKeepalive: SocketKeepalive | null;
  /** `SHOW statement_timeout` on the server. */
  statement_timeout: string;
  search_path: string;
}

export interface InstanceReport {
  kind: 'pg.Pool' | 'pg.Client' | 'postgres' | 'sequelize' | 'knex' | 'typeorm';
  /** The options as the fixture wrote them (URLs reduced to host and query, no secrets). */
  config: Record<string, unknown>;
  select1: number | null;
  error: { message: string; code: string | null } | null;
  /** pg: `listenerCount('error')` right after the module ran. */
  errorListeners?: number;
  /** pg.Pool: `pool.options`; pg.Client: its connection parameters; postgres: `sql.options`. */
  options?: Record<string, unknown>;
  client?: PgClientFacts;
  /** ORMs: the pool the library runs (Sequelize's sequelize-pool, Knex's tarn, TypeORM's pg Pool options). */
  pool?: Record<string, unknown>;
  /** ORMs: the config the library passed to node-postgres (Client or Pool), as plain values. */
  pgConfig?: Record<string, unknown> | null;
  /** postgres.js: `SHOW search_path` on its connection. */
  search_path?: string;
  /** postgres.js: the keepalive calls its sockets made while the query ran. */
  socketKeepalive?: SocketKeepalive[];
}

export interface HarnessReport {
  ok: boolean;
  instances: InstanceReport[];
  error: string | null;
  /** Node's TimeoutOverflowWarning texts (a timer above 2^31 − 1 ms fires after 1 ms). */
  warnings: string[];
  uncaught: string[];
}

/** A rule's driver check: a problem with what the library really uses, or null. */
export type JsDriverCheck = (instance: InstanceReport) => string | null;
