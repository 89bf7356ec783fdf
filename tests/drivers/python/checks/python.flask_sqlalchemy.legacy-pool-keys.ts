import type { EngineReport } from '../report';

/** Where SQLAlchemy's pool shows what each legacy key asked for. */
const READ: Record<string, (engine: EngineReport) => unknown> = {
  SQLALCHEMY_POOL_RECYCLE: (e) => e.recycle,
  SQLALCHEMY_POOL_PRE_PING: (e) => e.prePing,
  SQLALCHEMY_POOL_SIZE: (e) => e.pool?.size,
  SQLALCHEMY_MAX_OVERFLOW: (e) => e.pool?.maxOverflow,
  SQLALCHEMY_POOL_TIMEOUT: (e) => e.pool?.timeout,
};

const POSTGRES_DRIVERS = new Set(['psycopg2', 'psycopg', 'asyncpg', 'pg8000']);

/**
 * A PostgreSQL engine that Flask-SQLAlchemy builds uses what the configuration asks for: no legacy key
 * the pool ignores (the harness reports them for apps configured by those keys alone), and, after
 * the fix moved them into SQLALCHEMY_ENGINE_OPTIONS, not the bare defaults (no recycle, no pre-ping,
 * 5 + 10 connections, 30 s), which is what an ignored move would leave.
 */
export function check(engine: EngineReport): string | null {
  if (engine.kind !== 'flask' || !POSTGRES_DRIVERS.has(engine.driver)) return null;
  for (const [key, value] of Object.entries(engine.flask?.legacyKeys ?? {})) {
    const used = READ[key]?.(engine);
    if (value !== null && used !== value)
      return `${key}=${String(value)} is in the config, the pool uses ${String(used)}`;
  }
  const defaults =
    !engine.prePing &&
    engine.recycle === -1 &&
    engine.pool?.size === 5 &&
    engine.pool?.maxOverflow === 10 &&
    engine.pool?.timeout === 30;
  return defaults ? 'the engine runs on the pool defaults: the moved keys did not reach it' : null;
}
