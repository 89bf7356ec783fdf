import { asyncpgFacts, type EngineReport } from '../report';

/** libpq keys asyncpg would have sent to the server as settings, had they stayed in the DSN. */
const LIBPQ_KEYS = /^(keepalives(_idle|_interval|_count)?|connect_timeout|tcp_user_timeout)$/;

/** The live connection took no libpq key as a server setting and kept a numeric connect timeout. */
export function check(engine: EngineReport): string | null {
  const facts = asyncpgFacts(engine);
  if (!facts) return null;
  const leaked = Object.keys(facts.server_settings).filter((k) => LIBPQ_KEYS.test(k));
  if (leaked.length > 0) return `asyncpg sent ${leaked.join(', ')} to the server as settings`;
  const timeout = facts.connect_timeout;
  return typeof timeout === 'number' && timeout > 0 ? null : `connect timeout is ${JSON.stringify(timeout)}`;
}
