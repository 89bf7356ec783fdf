import type { EngineReport } from '../report';

/**
 * A review rule: its plain golden keeps the unbounded wait. What the review fix writes must reach
 * the pool as a number of seconds (QueuePool keeps None for "forever").
 */
export function check(engine: EngineReport): string | null {
  const timeout = engine.pool?.timeout;
  if (timeout === undefined || timeout === null) return null;
  return typeof timeout === 'number' && timeout >= 0 ? null : `pool timeout is ${JSON.stringify(timeout)}`;
}
