import type { EngineReport } from '../report';

/**
 * A review rule: its plain golden leaves the ping unbounded. When a command_timeout is set (by the
 * review fix or the user), the live asyncpg connection holds it as a number of seconds.
 */
export function check(engine: EngineReport): string | null {
  if (engine.driver !== 'asyncpg' || !engine.asyncpg) return null;
  const value = engine.asyncpg.command_timeout;
  return value === null || (typeof value === 'number' && value > 0)
    ? null
    : `command_timeout is ${JSON.stringify(value)}`;
}
