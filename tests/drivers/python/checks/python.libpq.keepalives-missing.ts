import type { EngineReport } from '../report';
import { keepalivesProblem, tcpLibpqParameters } from './_lib/libpq';

/** libpq itself reports keepalives on and an idle time set (psycopg2.pool is another rule's). */
export function check(engine: EngineReport): string | null {
  const params = tcpLibpqParameters(engine);
  if (!params || engine.kind === 'psycopg2_pool') return null;
  return keepalivesProblem(params);
}
