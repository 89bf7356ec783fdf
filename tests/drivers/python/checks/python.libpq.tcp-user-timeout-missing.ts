import type { EngineReport } from '../report';
import { tcpLibpqParameters } from './_lib/libpq';

/** libpq 15 here accepts tcp_user_timeout; after the review fix it reports it, in milliseconds. */
export function check(engine: EngineReport): string | null {
  const params = tcpLibpqParameters(engine);
  if (!params) return null;
  return Number(params.tcp_user_timeout ?? '0') > 0 ? null : 'libpq runs without tcp_user_timeout';
}
