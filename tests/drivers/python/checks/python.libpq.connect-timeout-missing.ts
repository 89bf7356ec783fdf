import type { EngineReport } from '../report';
import { tcpLibpqParameters } from './_lib/libpq';

/** libpq reports a positive connect_timeout (seconds). */
export function check(engine: EngineReport): string | null {
  const params = tcpLibpqParameters(engine);
  if (!params) return null;
  return Number(params.connect_timeout ?? '0') > 0 ? null : 'libpq runs without connect_timeout';
}
