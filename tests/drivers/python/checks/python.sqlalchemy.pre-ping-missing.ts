import type { EngineReport } from '../report';

const PINGABLE = new Set(['QueuePool', 'AsyncAdaptedQueuePool', 'SingletonThreadPool']);

/** SQLAlchemy's own pool says whether it pings: every pool that reuses connections must. */
export function check(engine: EngineReport): string | null {
  return PINGABLE.has(engine.poolClass) && !engine.prePing
    ? `${engine.poolClass} engine still does not pre-ping`
    : null;
}
