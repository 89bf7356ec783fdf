import type { EngineReport } from '../report';

const REUSING = new Set(['QueuePool', 'AsyncAdaptedQueuePool', 'SingletonThreadPool']);

/** engine_from_config hands pool_pre_ping through unconverted: after the fix the pool really pings. */
export function check(engine: EngineReport): string | null {
  return REUSING.has(engine.poolClass) && !engine.prePing
    ? `${engine.poolClass} engine does not pre-ping`
    : null;
}
