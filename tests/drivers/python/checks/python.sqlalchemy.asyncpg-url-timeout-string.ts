import type { EngineReport } from '../report';

/** asyncpg engines connect (the suite checks select1), so the connect timeout reached asyncpg as a number. */
export function check(engine: EngineReport): string | null {
  if (engine.driver !== 'asyncpg') return null;
  return engine.select1 === 1 ? null : 'asyncpg engine did not connect';
}
