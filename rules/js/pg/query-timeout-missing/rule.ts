import { getParam } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { JS_VALUES } from '../../_lib/constants';
import { connectionStringOf, pgSites } from '../../_lib/pg';

export default defineRule({
  id: 'js.pg.query-timeout-missing',
  title: 'node-postgres queries can hang for 15 minutes',
  severity: 'info',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Notes node-postgres pools and clients (and `new PrismaPg({...})`) with no `query_timeout`, in the options or the connection string. A suggestion only: no edit.',
    why: 'TCP keepalive does not run while a sent query waits for its answer. If the server vanishes mid-query (failover, partition) the kernel retransmits for about 15 minutes (tcp_retries2) before the socket fails, and the request hangs that long. `query_timeout` is a client-side timer: `pool.query()` then fails with "Query read timeout" and the pool discards the client (with `pool.connect()` you must `release(err)`). `statement_timeout` is no substitute: it is enforced by the server, which is the part that is gone.',
    example: {
      before: 'const pool = new Pool({ host: "db.internal" });',
      after: 'const pool = new Pool({ host: "db.internal", query_timeout: 60000 });',
    },
    fixSafety:
      'none: the right value must exceed your longest legitimate query (reports, migrations), which only you know, and a query that times out keeps running on the server. The message suggests 60000 ms as a start.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/client.js',
      'https://node-postgres.com/apis/client',
      'https://www.kernel.org/doc/Documentation/networking/ip-sysctl.txt',
      'https://github.com/knex/knex/issues/5186',
    ],
  },
  check({ doc, format, report }) {
    const done = new Set<number>();
    for (const site of pgSites(doc, format)) {
      const view = site.options;
      if (view) {
        if (done.has(view.object.startIndex)) continue;
        done.add(view.object.startIndex);
        if (view.properties.has('query_timeout') || view.hiddenKeys) continue;
      } else if (site.arg && !site.stringArg) {
        continue;
      }
      const url = connectionStringOf(doc, site);
      if (url && url !== 'env' && url.parsed && getParam(url.parsed, 'query_timeout')) continue;
      const statement = view?.properties.has('statement_timeout')
        ? ' statement_timeout does not cover it: the server enforces it, and the server is what is gone.'
        : '';
      const spread =
        view && view.unknownSpreads.length > 0
          ? ` (${view.unknownSpreads[0]?.text} may already set it.)`
          : '';
      report({
        range: site.range,
        message: `${site.label} sets no query_timeout: if the server vanishes mid-query, the query waits about 15 minutes for TCP to give up (keepalive does not run while a query is in flight).${statement} Consider query_timeout: ${JS_VALUES.queryTimeoutMs} — longer than your slowest legitimate query.${spread}`,
        fix: null,
      });
    }
  },
});
