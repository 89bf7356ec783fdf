import type { EngineReport } from '../report';

/** An async engine runs on an asyncio-aware pool (or NullPool / StaticPool, which take no locks). */
export function check(engine: EngineReport): string | null {
  if (engine.kind !== 'async') return null;
  return engine.poolClass === 'QueuePool' || engine.poolClass === 'SingletonThreadPool'
    ? `async engine on the thread-locking ${engine.poolClass}`
    : null;
}
