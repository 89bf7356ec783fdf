import { asyncpgFacts, type EngineReport } from '../report';

/** A review rule: its unsafe golden gives the pool's connections a command_timeout in seconds. */
export function check(engine: EngineReport): string | null {
  const facts = asyncpgFacts(engine);
  if (!facts || engine.kind !== 'asyncpg_pool') return null;
  const value = facts.command_timeout;
  return typeof value === 'number' && value > 0 ? null : `command_timeout is ${JSON.stringify(value)}`;
}
