import type { EngineReport } from '../report';
import { isMultiHost, tcpLibpqParameters } from './_lib/libpq';

/** Multi-host fixtures end up with a target_session_attrs libpq accepted. */
export function check(engine: EngineReport): string | null {
  const params = tcpLibpqParameters(engine);
  if (!params || !isMultiHost(engine)) return null;
  return params.target_session_attrs && params.target_session_attrs !== 'any'
    ? null
    : 'multi-host connection without target_session_attrs';
}
