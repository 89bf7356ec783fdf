import { defineRule } from '../../../define-rule';
import { misspeltPg, pgSeconds, pgSetting, pgTargets, putPgEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

/** pgJDBC's default connectTimeout, per host and attempt (seconds). */
const CONNECT_TIMEOUT = 10;

export default defineRule({
  id: 'jvm.pgjdbc.login-timeout-missing',
  title: 'pgJDBC loginTimeout unset while connecting through DriverManager',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports PostgreSQL JDBC URLs used through DriverManager / Driver.connect (HikariCP `jdbcUrl`, Tomcat and DBCP2 `url`, Quarkus, a bare URL) that set neither `loginTimeout` nor `socketTimeout`. HikariCP pools on `dataSourceClassName` are left alone: HikariCP passes them a login timeout.',
    why: "HikariCP derives a login timeout from connectionTimeout, but in jdbcUrl mode it hands it to DriverManager.setLoginTimeout, which pgJDBC never reads (pgJDBC issue 879). A server that accepts TCP but never finishes the handshake then blocks the connecting thread — HikariCP's only connection-adder — for as long as the kernel keeps the socket, and the pool cannot refill.",
    example: {
      before: 'jdbc:postgresql://db:5432/app',
      after: 'jdbc:postgresql://db:5432/app?loginTimeout=25',
    },
    fixSafety:
      'review: proposes 2 × hosts × connectTimeout + 5 s (25 s for one host with the default connectTimeout of 10 s; the factor 2 covers sslmode=prefer retrying without TLS). A login timeout below hosts × connectTimeout would stop later hosts from being tried, and slow but healthy logins now fail after that time.',
    sources: [SOURCES.pg879, SOURCES.hk2062, SOURCES.pgDriver, SOURCES.pgUse],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      if (misspeltPg(doc, target, 'loginTimeout') || misspeltPg(doc, target, 'socketTimeout')) continue;
      if (!target.driverManager) continue;
      const login = pgSetting(target, 'loginTimeout');
      const socket = pgSetting(target, 'socketTimeout');
      if ((login && login.value === null) || (socket && socket.value === null)) continue;
      if (pgSeconds(login) || pgSeconds(socket)) continue;
      if (target.site?.partial && !target.url) continue;
      const hosts = Math.max(1, target.url?.hosts.length ?? 1);
      const connect = pgSeconds(pgSetting(target, 'connectTimeout')) || CONNECT_TIMEOUT;
      const value = 2 * hosts * connect + 5;
      const put = putPgEdit(doc.text, target, 'loginTimeout', String(value));
      report({
        range: login?.range ?? target.range,
        message: `${target.label} sets no loginTimeout (and no socketTimeout): pgJDBC ignores DriverManager's login timeout, which is where HikariCP puts its own in jdbcUrl mode, so a server that accepts TCP but never answers the handshake blocks the connecting thread indefinitely and the pool cannot refill. loginTimeout=${value} (2 × ${hosts} host${hosts === 1 ? '' : 's'} × ${connect} s connectTimeout + 5) bounds it.`,
        fix: put
          ? {
              safety: 'review',
              description: `Set loginTimeout=${value}${put.where === 'url' ? ' in the URL' : ''}.`,
              edits: [put.edit],
            }
          : null,
      });
    }
  },
});
