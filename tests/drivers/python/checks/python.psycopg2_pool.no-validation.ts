import type { EngineReport } from '../report';
import { keepalivesProblem, tcpLibpqParameters } from './_lib/libpq';

/** The pool's connections carry keepalives, as libpq reports them. */
export function check(engine: EngineReport): string | null {
  const params = tcpLibpqParameters(engine);
  if (!params || engine.kind !== 'psycopg2_pool') return null;
  return keepalivesProblem(params);
}
