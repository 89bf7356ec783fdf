/**
 * Error triage: a pasted error message or stack trace says which stack failed and how. Signatures
 * are data, one file per stack, taken from the failure tables of the domain references.
 */

/**
 * A: the connection was closed cleanly (FIN/RST): restart, pg_terminate_backend, an RST-ing middlebox.
 * B: it was dropped silently (no reset ever arrives): idle drop, vanished failover host, partition.
 * C: it reached the wrong server: a demoted primary or a standby after failover.
 * config: the driver rejected its own configuration at startup.
 * exhausted: the pool ran out of connections (often held by hung ones).
 * connect: a new connection could not be made (during a restart or failover).
 */
export type FailureClass = 'A' | 'B' | 'C' | 'config' | 'exhausted' | 'connect';

export interface ErrorSignature {
  id: string;
  stack: 'python' | 'javascript' | 'go' | 'ruby' | 'jvm' | 'pgbouncer';
  /** The library whose error it is, e.g. `psycopg2`, `SQLAlchemy`. */
  library: string;
  pattern: RegExp;
  failure: FailureClass;
  /** What happened, in one sentence. */
  meaning: string;
  /** Rule ids that address it. */
  rules: readonly string[];
  /** Which config to paste next, so the rules can check it. */
  next: string;
  /** Higher wins when several signatures match the same text (a wrapper vs the error it wraps). */
  priority?: number;
}

export interface TriageMatch {
  signature: ErrorSignature;
  /** 1-based line of the first match. */
  line: number;
  excerpt: string;
}
