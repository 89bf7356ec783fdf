import type { EngineReport } from '../report';

/** Info only, no fix: the engine must still build and connect exactly as written (the suite checks). */
export function check(_engine: EngineReport): string | null {
  return null;
}
