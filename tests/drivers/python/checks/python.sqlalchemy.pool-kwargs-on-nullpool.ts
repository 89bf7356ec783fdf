import type { EngineReport } from '../report';

/** A NullPool / StaticPool engine was built, and it holds no QueuePool sizing. */
export function check(engine: EngineReport): string | null {
  if (engine.poolClass !== 'NullPool' && engine.poolClass !== 'StaticPool') return null;
  const size = engine.pool?.size;
  return size !== null && size !== undefined ? `${engine.poolClass} reports a pool size ${size}` : null;
}
