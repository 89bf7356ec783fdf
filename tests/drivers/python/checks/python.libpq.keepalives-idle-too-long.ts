import type { EngineReport } from '../report';
import { tcpLibpqParameters } from './_lib/libpq';

/** The idle time libpq uses is below the 240 s default middlebox timeout. */
export function check(engine: EngineReport): string | null {
  const params = tcpLibpqParameters(engine);
  const idle = params?.keepalives_idle;
  if (!idle) return null;
  return Number(idle) >= 240 ? `libpq uses keepalives_idle=${idle} s` : null;
}
