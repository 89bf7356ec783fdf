import type { EngineReport } from '../report';

/** The smallest common middlebox idle timeout the rule designs for when none is stated, in seconds. */
const MIDDLEBOX_IDLE_SECONDS = 240;
const REUSING = new Set(['QueuePool', 'AsyncAdaptedQueuePool', 'SingletonThreadPool']);

export function check(engine: EngineReport): string | null {
  if (!REUSING.has(engine.poolClass) || typeof engine.recycle !== 'number') return null;
  return engine.recycle >= MIDDLEBOX_IDLE_SECONDS
    ? `pool recycles only after ${engine.recycle} s, past the ${MIDDLEBOX_IDLE_SECONDS} s middlebox timeout`
    : null;
}
