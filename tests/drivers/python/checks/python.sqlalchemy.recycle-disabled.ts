import type { EngineReport } from '../report';

const REUSING = new Set(['QueuePool', 'AsyncAdaptedQueuePool', 'SingletonThreadPool']);

/** A pool that keeps connections must recycle them: the fix's pool_recycle is what the pool holds. */
export function check(engine: EngineReport): string | null {
  if (!REUSING.has(engine.poolClass)) return null;
  if (typeof engine.recycle !== 'number')
    return `pool recycle is ${JSON.stringify(engine.recycle)}, not a number of seconds`;
  return engine.recycle < 0 ? `${engine.poolClass} never recycles (recycle ${engine.recycle})` : null;
}
