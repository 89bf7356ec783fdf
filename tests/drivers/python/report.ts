/** What the Python harness (harness.py) reports of each engine, pool or connection a fixture builds. */
export interface EngineReport {
  kind: 'sync' | 'async' | 'flask';
  driver: string;
  poolClass: string;
  prePing: boolean;
  recycle: number | null;
  select1: number;
}

export interface HarnessReport {
  ok: boolean;
  engines: EngineReport[];
  error?: string;
}

/** A rule's driver check: a problem with what the driver really uses, or null. */
export type DriverCheck = (engine: EngineReport) => string | null;
