import { DEFAULT_MIDDLEBOX_IDLE_SECONDS } from '../../../../core/environment';
import type { EngineReport } from '../report';

/** The pool closes idle connections before the (default) middlebox idle timeout. */
export function check(engine: EngineReport): string | null {
  if (engine.kind !== 'asyncpg_pool') return null;
  const lifetime = engine.pool?.maxInactiveConnectionLifetime;
  return typeof lifetime === 'number' && lifetime > 0 && lifetime < DEFAULT_MIDDLEBOX_IDLE_SECONDS
    ? null
    : `max_inactive_connection_lifetime is ${JSON.stringify(lifetime)}`;
}
