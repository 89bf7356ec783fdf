import type { EngineReport } from '../report';
import { tcpLibpqParameters } from './_lib/libpq';

/** The tcp_user_timeout libpq applies is not a seconds value mistaken for milliseconds. */
export function check(engine: EngineReport): string | null {
  const value = Number(tcpLibpqParameters(engine)?.tcp_user_timeout ?? '0');
  return value >= 1 && value <= 999 ? `libpq uses tcp_user_timeout=${value} ms` : null;
}
