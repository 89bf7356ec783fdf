import type { EngineReport } from '../report';

/**
 * The engine is built at all (the original is refused at startup), connects, and what moved into
 * connect_args reached the driver: asyncpg's command_timeout, libpq's connect_timeout / keepalives.
 */
export function check(engine: EngineReport): string | null {
  if (engine.select1 !== 1) return 'the engine did not run SELECT 1';
  if (
    engine.driver === 'asyncpg' &&
    engine.asyncpg &&
    engine.asyncpg.command_timeout === null &&
    engine.recycle === 30
  )
    return 'command_timeout did not reach asyncpg';
  if (engine.libpq && engine.libpq.connect_timeout === undefined && engine.libpq.keepalives_idle === '30')
    return 'connect_timeout did not reach libpq';
  return null;
}
