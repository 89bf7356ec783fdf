import type { EngineReport } from '../report';

/**
 * The engine connected (select1 is checked by the suite): asyncpg and pg8000 accepted every keyword
 * the fix left. For asyncpg the connection's command_timeout, when set, is a number.
 */
export function check(engine: EngineReport): string | null {
  if (engine.driver !== 'asyncpg' && engine.driver !== 'pg8000') return null;
  const commandTimeout = engine.asyncpg?.command_timeout;
  return commandTimeout === undefined || commandTimeout === null || typeof commandTimeout === 'number'
    ? null
    : `asyncpg command_timeout is ${JSON.stringify(commandTimeout)}`;
}
