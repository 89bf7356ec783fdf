import { defineRule } from '../../../define-rule';
import { listenerGap } from '../../_lib/listeners';
import { pgSites } from '../../_lib/pg';

export default defineRule({
  id: 'js.pg.client-error-listener-missing',
  title: "node-postgres Client without an 'error' listener",
  severity: 'error',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports `new Client(...)` whose result has no `.on('error', …)` (or `addListener` / `prependListener`) anywhere in the file.",
    why: "A Client emits 'error' whenever its socket fails while no query is running on it: a server restart, a failover, a load balancer reset, pg_terminate_backend. Without a listener Node throws it and the process exits. Long-lived clients (LISTEN/NOTIFY, a worker's single connection) are the ones that meet it. A Client cannot reconnect: after an error create a new one (\"Client has already been connected. You cannot reuse a client.\").",
    example: {
      before:
        'const client = new Client({ connectionString: process.env.DATABASE_URL });\nawait client.connect();',
      after:
        "const client = new Client({ connectionString: process.env.DATABASE_URL });\nclient.on('error', (err) => { console.error('[pg] client error', err); });\nawait client.connect();",
    },
    fixSafety:
      'review: it inserts a listener that logs, right after the statement that creates the client; the listener may live in another file. Logging keeps the process alive, but the client stays broken: reconnecting means a new Client, which the message points out. Not offered when the client is not stored in a plain variable.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/client.js',
      'https://node-postgres.com/apis/client#error',
      'https://nodejs.org/api/events.html#error-events',
      'https://github.com/brianc/node-postgres/issues/2780',
    ],
  },
  check({ doc, text, format, report }) {
    for (const site of pgSites(doc, format)) {
      if (site.kind !== 'client') continue;
      const gap = listenerGap(doc, text, site, 'client');
      if (!gap) continue;
      const once = gap.onceOnly ? ` ${gap.target}.once('error', …) handles only the first error.` : '';
      report({
        range: site.range,
        severity: gap.fix ? undefined : 'warning',
        message: `${gap.target} has no 'error' listener: if its connection dies while it waits (failover, restart, pg_terminate_backend), the Client emits 'error' and Node exits.${once} After an error the client is unusable; create a new Client to reconnect.${gap.fix ? '' : ` Not written: ${gap.blocked}.`}`,
        fix: gap.fix,
      });
    }
  },
});
