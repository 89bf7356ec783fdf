import { asyncpgFacts, type EngineReport } from '../report';

/** Every pool.acquire() the fixture made passed a timeout (seconds). */
export function check(engine: EngineReport): string | null {
  const facts = asyncpgFacts(engine);
  if (!facts || engine.kind !== 'asyncpg_pool') return null;
  const unbounded = (facts.acquire_timeouts ?? []).filter((t) => !(typeof t === 'number' && t > 0));
  return unbounded.length === 0 ? null : `${unbounded.length} acquire() call(s) without a timeout`;
}
