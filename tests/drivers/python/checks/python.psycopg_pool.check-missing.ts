import type { EngineReport } from '../report';

/** The pool object holds a check callback (psycopg_pool 3.2+; the harness reports check: false before). */
export function check(engine: EngineReport): string | null {
  if (engine.kind !== 'psycopg_pool') return null;
  return engine.pool?.check === true ? null : `${engine.poolClass} has no check`;
}
