import type { EngineReport } from '../report';

/** With the refused key gone, libpq opened the connection and reports the parameters it applied. */
export function check(engine: EngineReport): string | null {
  if (!['psycopg2', 'psycopg'].includes(engine.driver)) return null;
  if (engine.select1 !== 1) return 'the connection did not run SELECT 1';
  return engine.libpq ? null : 'libpq reported no parameters for the live connection';
}
