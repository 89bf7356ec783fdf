/** JVM error triage (engine/triage/jvm.ts) on stack traces shaped like reference/jvm.md §1. */
import { describe, expect, it } from 'vitest';
import { triage } from '../../engine/triage/index';
import { JVM_SIGNATURES } from '../../engine/triage/jvm';
import { engine } from '../../tests/support/engine';
import { RULES } from '../index';

const IO_ERROR = `org.springframework.dao.DataAccessResourceFailureException: could not execute query
	at org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:277)
Caused by: org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.
	at org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)
	at com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)
Caused by: java.net.SocketTimeoutException: Read timed out
	at java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)
`;

describe('JVM triage', () => {
  it.each([
    [IO_ERROR, 'jvm.pgjdbc.read-timed-out'],
    [
      IO_ERROR.replace('java.net.SocketTimeoutException: Read timed out', 'java.io.EOFException'),
      'jvm.pgjdbc.io-error',
    ],
    [
      'WARN  com.zaxxer.hikari.pool.PoolBase - HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@1c2b3d (This connection has been closed.). Possibly consider using a shorter maxLifetime value.',
      'jvm.hikari.failed-validation',
    ],
    [
      'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30005ms (total=10, active=10, idle=0, waiting=3)',
      'jvm.hikari.request-timed-out',
    ],
    [
      'com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: Failed to initialize pool: Invalid targetServerType value: Primary\nCaused by: org.postgresql.util.PSQLException: Invalid targetServerType value: Primary',
      'jvm.pgjdbc.invalid-target-server-type',
    ],
    [
      'org.postgresql.util.PSQLException: FATAL: terminating connection due to administrator command\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)',
      'jvm.pgjdbc.admin-shutdown',
    ],
    [
      'org.postgresql.util.PSQLException: ERROR: cannot execute UPDATE in a read-only transaction\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)',
      'jvm.pgjdbc.read-only',
    ],
    [
      'WARN  com.zaxxer.hikari.HikariConfig - HikariPool-1 - keepaliveTime is less than 30000ms, disabling it.',
      'jvm.hikari.keepalive-disabled',
    ],
    [
      'org.apache.tomcat.jdbc.pool.PoolExhaustedException: [http-nio-8080-exec-7] Timeout: Pool empty. Unable to fetch a connection in 30 seconds, none available[size:100; busy:100; idle:0; lastwait:30000].',
      'jvm.tomcat.pool-exhausted',
    ],
    [
      'java.sql.SQLException: Cannot get a connection, pool error Timeout waiting for idle object\n\tat org.apache.commons.dbcp2.PoolingDataSource.getConnection(PoolingDataSource.java:146)',
      'jvm.dbcp2.pool-error',
    ],
    [
      'java.sql.SQLException: An attempt by a client to checkout a Connection has timed out.\n\tat com.mchange.v2.sql.SqlUtils.toSQLException(SqlUtils.java:106)',
      'jvm.c3p0.checkout-timed-out',
    ],
    [
      'java.sql.SQLException: Sorry, acquisition timeout!\n\tat io.agroal.pool.ConnectionPool.handlerFromSharedCache(ConnectionPool.java:320)',
      'jvm.agroal.acquisition-timeout',
    ],
  ])('%#: names %s first', (text, id) => {
    expect(triage(text)[0]?.signature.id).toBe(id);
  });

  it('names only JVM rules that exist', () => {
    const known = new Set(RULES.map((r) => r.id));
    for (const signature of JVM_SIGNATURES) for (const rule of signature.rules) expect(known).toContain(rule);
  });

  it('explains a pasted JVM stack trace instead of linting it', async () => {
    const result = await engine.analyse(IO_ERROR);
    expect(result.errors[0]).toMatchObject({
      stack: 'jvm',
      library: 'pgJDBC',
      id: 'jvm.pgjdbc.read-timed-out',
    });
  });
});
