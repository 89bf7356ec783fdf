import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index';
import { SIGNATURES, triage } from './index';

const TRACEBACKS: Array<[string, string, string]> = [
  [
    'psycopg2 after a failover',
    `Traceback (most recent call last):
  File "/app/api.py", line 42, in handler
    rows = conn.execute(text("SELECT 1"))
sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly
	This probably means the server terminated abnormally
	before or while processing the request.`,
    'python.psycopg.server-closed',
  ],
  [
    'asyncpg engine without pre-ping',
    "sqlalchemy.exc.InterfaceError: (sqlalchemy.dialects.postgresql.asyncpg.InterfaceError) <class 'asyncpg.exceptions._base.InterfaceError'>: connection is closed",
    'python.asyncpg.connection-is-closed',
  ],
  [
    'asyncpg mid-operation',
    "sqlalchemy.exc.DBAPIError: (sqlalchemy.dialects.postgresql.asyncpg.Error) <class 'asyncpg.exceptions.ConnectionDoesNotExistError'>: connection was closed in the middle of operation",
    'python.asyncpg.closed-mid-operation',
  ],
  [
    'NullPool with pool_size',
    "TypeError: Invalid argument(s) 'pool_size' sent to create_engine(), using configuration PGDialect_asyncpg/NullPool/Engine.",
    'python.sqlalchemy.invalid-argument',
  ],
  [
    'pool exhausted',
    'QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00',
    'python.sqlalchemy.queuepool-limit',
  ],
  [
    'libpq key on asyncpg',
    'asyncpg.exceptions.UndefinedObjectError: unrecognized configuration parameter "keepalives"',
    'python.asyncpg.unknown-parameter',
  ],
  [
    'read-only after failover',
    'psycopg2.errors.ReadOnlySqlTransaction: cannot execute INSERT in a read-only transaction',
    'python.postgres.read-only',
  ],
  [
    'non-string server_settings',
    'ValueError: server_settings is expected to be None or a Dict[str, str]',
    'python.asyncpg.server-settings-type',
  ],
  [
    'asyncpg connection shared or corrupted',
    'asyncpg.exceptions._base.InterfaceError: cannot perform operation: another operation is in progress',
    'python.asyncpg.operation-in-progress',
  ],
  [
    'asyncpg timeout (bare TimeoutError)',
    `Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/asyncpg/connection.py", line 2092, in connect
    return await connect_utils._connect(
  File "/usr/lib/python3.11/asyncio/tasks.py", line 479, in wait_for
    return fut.result()
asyncio.exceptions.TimeoutError`,
    'python.asyncpg.timeout',
  ],
];

describe('error triage', () => {
  it.each(TRACEBACKS)('recognises %s', (_name, text, id) => {
    const [best] = triage(text);
    expect(best?.signature.id).toBe(id);
    expect(best?.line).toBeGreaterThanOrEqual(1);
    expect(best?.excerpt.length).toBeGreaterThan(0);
  });

  it('finds nothing in a config or prose, and never throws on huge input', () => {
    expect(triage('engine = create_engine(URL, pool_pre_ping=True)\n')).toEqual([]);
    expect(triage('The deploy went fine.')).toEqual([]);
    // A bare TimeoutError is asyncpg's only with an asyncpg frame above it.
    expect(triage('Traceback:\n  File "/app/http.py", line 3\nTimeoutError: timed out')).toEqual([]);
    expect(triage(`${'x'.repeat(5_000_000)}server closed the connection unexpectedly`)).toEqual([]);
  });

  it('names only well-formed rule ids, and unique signature ids', () => {
    const ids = SIGNATURES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(RULES.map((r) => r.id));
    for (const signature of SIGNATURES) {
      expect(signature.next.length).toBeGreaterThan(10);
      for (const rule of signature.rules) {
        // The Python catalog is complete: its signatures name real rules. Stacks still being built
        // may name a rule by its reference id.
        if (rule.startsWith('python.')) expect(known, `${signature.id} names ${rule}`).toContain(rule);
        else expect(rule).toMatch(/^[a-z]+\.[a-z0-9_]+\.[a-z0-9-]+$/);
      }
    }
  });
});
