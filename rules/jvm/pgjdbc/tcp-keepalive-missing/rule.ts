import { defineRule } from '../../../define-rule';
import { misspeltPg, pgSetting, pgTargets, putPgEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

/** Values `Boolean.parseBoolean` reads as false although the writer meant yes: another rule's case. */
export const YES_WORDS = /^(1|yes|on|y)$/i;

export default defineRule({
  id: 'jvm.pgjdbc.tcp-keepalive-missing',
  title: 'pgJDBC connection without TCP keepalive',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports PostgreSQL JDBC connections (a `jdbc:postgresql:` URL, or a HikariCP pool on `PGSimpleDataSource`) where `tcpKeepAlive` is neither in the URL query nor in the driver-property map (`addDataSourceProperty`, `spring.datasource.hikari.data-source-properties.*`, `dataSource.*` in hikari.properties, Quarkus `additional-jdbc-properties.*`), or is set to something other than `true`.',
    why: "pgJDBC leaves SO_KEEPALIVE off by default, so an idle pooled connection whose server vanished (failover, a crashed host, a NAT entry that expired) is never noticed until a query is sent on it; HikariCP's README asks for `tcpKeepAlive=true` so the pool cannot get stuck on such sockets. It only switches the socket option on: with Linux defaults the first probe comes after two hours, which is a last resort, not a way to keep NAT or load-balancer entries open (HikariCP `keepaliveTime` does that).",
    example: {
      before: 'spring.datasource.url=jdbc:postgresql://db:5432/app',
      after: 'spring.datasource.url=jdbc:postgresql://db:5432/app?tcpKeepAlive=true',
    },
    fixSafety:
      'safe: the option only enables TCP keepalive probes on the socket, which every PostgreSQL server answers; nothing else changes. The fix goes into the URL query (adding `?` or `&` as the URL needs), because URL parameters override the driver-property map; an existing `tcpKeepAlive=false` is changed where it is written. When the URL comes from a placeholder or an expression, the property is proposed in the driver-property map as a review fix, since a `tcpKeepAlive` in the hidden URL would win.',
    sources: [SOURCES.pgUse, SOURCES.pgProperty, SOURCES.hkReadme, SOURCES.pg2487],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      if (misspeltPg(doc, target, 'tcpKeepAlive')) continue;
      const setting = pgSetting(target, 'tcpKeepAlive');
      if (setting && setting.value === null) continue; // an expression: cannot tell
      const value = setting?.value?.trim() ?? '';
      if (setting && (/^true$/i.test(value) || YES_WORDS.test(value))) continue;
      if (target.site?.partial && !setting && !target.url) continue;
      const put = putPgEdit(doc.text, target, 'tcpKeepAlive', 'true');
      const where = setting
        ? `sets tcpKeepAlive=${value} ${setting.where === 'url' ? 'in the URL' : 'in its driver properties'}`
        : 'sets no tcpKeepAlive';
      const effect =
        'pgJDBC leaves SO_KEEPALIVE off, so an idle connection to a server that vanished is only found when a query hangs on it. tcpKeepAlive=true makes the kernel probe idle sockets (after about 2 h with Linux defaults: pair it with HikariCP keepaliveTime to keep NAT and load-balancer entries open).';
      const hidden = target.urlUnknown && !setting;
      report({
        range: setting?.range ?? target.range,
        message: `${target.label} ${where}: ${effect}${hidden ? ' The URL comes from the environment: if it already sets tcpKeepAlive, that value wins over the driver property proposed here.' : ''}`,
        fix: put
          ? {
              safety: hidden ? 'review' : 'safe',
              description:
                put.where === 'url'
                  ? setting
                    ? 'Set tcpKeepAlive=true in the URL.'
                    : 'Add tcpKeepAlive=true to the URL query.'
                  : 'Set the driver property tcpKeepAlive=true.',
              edits: [put.edit],
            }
          : null,
      });
    }
  },
});
