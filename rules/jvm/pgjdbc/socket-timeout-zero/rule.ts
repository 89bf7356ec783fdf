import { defineRule } from '../../../define-rule';
import { misspeltPg, pgSeconds, pgSetting, pgTargets } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.pgjdbc.socket-timeout-zero',
  title: 'pgJDBC socketTimeout off: reads on a dead connection wait forever',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: "Reports PostgreSQL JDBC connections whose `socketTimeout` is absent or 0 (pgJDBC's default: no limit), in the URL and in the driver-property map.",
    why: "socketTimeout is the only client-side limit on a read blocked on a dead peer: Statement.setQueryTimeout sends a cancel over a new connection and cannot unblock the read. Without it, a query in flight when the server is black-holed waits for TCP retransmissions to give up (over 15 minutes on Linux) or forever, and a half-dead server can block HikariCP's single connection-adder thread during login. Too small a value kills legitimate long queries, reports and migrations with 08006.",
    example: {
      before: 'jdbc:postgresql://db:5432/app',
      after: 'jdbc:postgresql://db:5432/app?socketTimeout=300   # longer than your slowest query',
    },
    fixSafety:
      'none: no edit is offered, because the right value depends on your longest legitimate statement (at least 30 s and 2–3 times that statement, and above any server statement_timeout). Add socketTimeout (seconds) to the URL yourself.',
    sources: [SOURCES.pgUse, SOURCES.hkRapidRecovery, SOURCES.pgProperty],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      if (misspeltPg(doc, target, 'socketTimeout')) continue;
      const setting = pgSetting(target, 'socketTimeout');
      if (setting && setting.value === null) continue;
      if (target.site?.partial && !setting && !target.url) continue;
      if (setting && pgSeconds(setting) !== 0) continue;
      report({
        range: setting?.range ?? target.range,
        message: `${target.label} ${setting ? 'sets socketTimeout=0' : 'sets no socketTimeout'}: a query on a connection whose server vanished waits for the kernel to give up (15+ minutes on Linux) or forever, and setQueryTimeout cannot interrupt it. Set socketTimeout (seconds) above your longest legitimate statement, e.g. 2–3 times it and at least 30; staleproof does not guess that number.`,
        fix: null,
      });
    }
  },
});
