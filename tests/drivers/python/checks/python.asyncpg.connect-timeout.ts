import { asyncpgFacts, type EngineReport } from '../report';

/** The connection kept a connect timeout that is a positive number of seconds. */
export function check(engine: EngineReport): string | null {
  const facts = asyncpgFacts(engine);
  if (!facts) return null;
  const timeout = facts.connect_timeout;
  return typeof timeout === 'number' && timeout > 0 ? null : `connect timeout is ${JSON.stringify(timeout)}`;
}
