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
  /** asyncpg: the connection's own settings (command_timeout, server_settings). */
  asyncpg?: Record<string, unknown>;
  /** Django: the connection settings the backend used. */
  django?: Record<string, unknown>;
  select1: number;
}

export interface HarnessReport {
  ok: boolean;
  engines: EngineReport[];
  error?: string;
}

/** A rule's driver check: a problem with what the driver really uses, or null. */
export type DriverCheck = (engine: EngineReport) => string | null;
