/** Pasted Go and Rails errors (reference js-go-ruby.md §1) lead to the Go / Rails rules. */
import { describe, expect, it } from 'vitest';
import { triage } from '../../engine/triage/index';
import { RULES } from '../index';

const first = (text: string) => triage(text)[0]?.signature;

describe('Go and Rails error triage', () => {
  it('recognises a pool key sent to the server', () => {
    const s = first(
      'failed to connect to `host=db user=app database=app`: server error (FATAL: unrecognized configuration parameter "pool_max_conns" (SQLSTATE 42704))',
    );
    expect(s?.id).toBe('go.pgx.unrecognized-startup-parameter');
    expect(s?.failure).toBe('config');
  });

  it('tells database/sql, lib/pq and pgx failures apart', () => {
    expect(first('query failed: driver: bad connection')?.id).toBe('go.databasesql.bad-connection');
    expect(first('pq: terminating connection due to administrator command')?.id).toBe(
      'go.libpq.admin-shutdown',
    );
    expect(first('acquire: timeout: context deadline exceeded')?.id).toBe('go.pgx.context-deadline');
    expect(first('ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)')?.failure).toBe(
      'C',
    );
  });

  it('recognises Rails / ruby-pg dead connections before the generic libpq text', () => {
    const s = first(
      'ActiveRecord::StatementInvalid: PG::ConnectionBad: PQconsumeInput() server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally',
    );
    expect(s?.stack).toBe('ruby');
    expect(s?.rules).toContain('ruby.rails.keepalives-missing');
    expect(
      first(
        'ActiveRecord::ConnectionTimeoutError: could not obtain a connection from the pool within 5.000 seconds',
      )?.failure,
    ).toBe('exhausted');
  });

  it('names only rules that exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const m of triage(
      'driver: bad connection\nPG::AdminShutdown\nunexpected EOF\nPG::ReadOnlySqlTransaction',
    )) {
      for (const rule of m.signature.rules) expect(ids.has(rule), rule).toBe(true);
    }
  });
});
