/**
 * What the Python harness (harness.py) reports of each engine, pool or connection a fixture builds,
 * read from the live object after it connected: what the driver really uses, not what the file says.
 */
export interface EngineReport {
  /** sync / async / flask: SQLAlchemy engines; the rest: raw driver objects. */
  kind:
    | 'sync'
    | 'async'
    | 'flask'
    | 'psycopg2'
    | 'psycopg'
    | 'psycopg_pool'
    | 'psycopg2_pool'
    | 'asyncpg'
    | 'asyncpg_pool'
    | 'django';
  /** DBAPI driver: psycopg2, psycopg, asyncpg, pysqlite… */
  driver: string;
  /** SQLAlchemy or driver pool class name; '' for a plain connection. */
  poolClass: string;
  /** SQLAlchemy engines: the pool pings on checkout. */
  prePing: boolean;
  /** SQLAlchemy engines: pool_recycle in seconds (-1 = never). */
  recycle: number | null;
  /** Pool sizing and lifetime as the pool object holds them (SQLAlchemy, psycopg_pool, asyncpg). */
  pool?: Record<string, number | string | boolean | null>;
  /**
   * libpq drivers: the connection parameters libpq itself applied, from the live connection
   * (psycopg2 `get_dsn_parameters()`, psycopg `info.get_parameters()`), e.g. keepalives_idle: "30".
   */
  libpq?: Record<string, string>;
  /**
   * asyncpg: the connection's own settings (command_timeout, server_settings). Raw asyncpg objects
   * (kind asyncpg / asyncpg_pool) report them as AsyncpgFacts.
   */
  asyncpg?: Record<string, unknown>;
  /** Raw driver objects: the hosts the fixture itself named; null when it did not show them. */
  fixtureHosts?: string[] | null;
  /** Django: the connection settings the backend used. */
  django?: Record<string, unknown>;
  /** Flask-SQLAlchemy apps built from the legacy SQLALCHEMY_POOL_* keys alone: those keys, as the config holds them. */
  flask?: { legacyKeys?: Record<string, unknown> };
  select1: number;
}

export interface HarnessReport {
  ok: boolean;
  engines: EngineReport[];
  error?: string;
}

/** A rule's driver check: a problem with what the driver really uses, or null. */
export type DriverCheck = (engine: EngineReport) => string | null;

/** What harness_asyncpg.py reads from a live raw asyncpg connection (a pool's: one it handed out). */
export interface AsyncpgFacts {
  /** `_config.command_timeout`: seconds, null when unset. */
  command_timeout: number | null;
  /** `_params.connect_timeout`: the connect `timeout` asyncpg kept. */
  connect_timeout: unknown;
  /** `_params.server_settings`: what asyncpg sent at startup (DSN query keys included). */
  server_settings: Record<string, unknown>;
  /** `current_setting(name)` on the server for each of them: proof they arrived. */
  shown: Record<string, string | null>;
  /** asyncpg 0.28+ only; null on 0.27. */
  target_session_attrs: string | null;
  /** Pools: the timeout each of the fixture's own `pool.acquire()` calls passed. */
  acquire_timeouts?: Array<number | null>;
}

/** The raw asyncpg facts of an engine, or null when it is not a raw asyncpg object. */
export function asyncpgFacts(engine: EngineReport): AsyncpgFacts | null {
  if (engine.kind !== 'asyncpg' && engine.kind !== 'asyncpg_pool') return null;
  return (engine.asyncpg ?? null) as AsyncpgFacts | null;
}
