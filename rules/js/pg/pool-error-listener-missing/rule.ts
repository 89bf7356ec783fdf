import { defineRule } from '../../../define-rule';
import { listenerGap } from '../../_lib/listeners';
import { pgSites } from '../../_lib/pg';

export default defineRule({
  id: 'js.pg.pool-error-listener-missing',
  title: "node-postgres pool without an 'error' listener",
  severity: 'error',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports `new Pool(...)` / `new pg.Pool(...)` whose result has no `.on('error', …)` (or `addListener` / `prependListener`) anywhere in the file. `once('error')` does not count: the second error would crash.",
    why: "When an idle client's connection dies (server restart, failover, pg_terminate_backend, a reset from a load balancer), pg-pool removes the client and emits 'error' on the pool. Node throws an 'error' event nobody listens to, so the whole process exits with \"Connection terminated unexpectedly\" — for a connection no request was even using. A listener that only logs is enough: the pool has already discarded the client.",
    example: {
      before: 'const pool = new Pool({ connectionString: process.env.DATABASE_URL });',
      after:
        "const pool = new Pool({ connectionString: process.env.DATABASE_URL });\npool.on('error', (err) => { console.error('[pg] idle client error', err); });",
    },
    fixSafety:
      'review: it inserts code (a listener that logs with console.error) right after the statement that creates the pool; the listener may already live in another file, which this rule cannot see. Not offered when the pool is not stored in a plain variable (`this.pool`, `app.locals.db`, passed straight to another constructor): then the message says where one is needed. Never rethrow, exit or call `pool.end()` in the listener.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg-pool/index.js',
      'https://node-postgres.com/apis/pool#error',
      'https://nodejs.org/api/events.html#error-events',
      'https://github.com/brianc/node-postgres/issues/1542',
    ],
  },
  check({ doc, text, format, report }) {
    for (const site of pgSites(doc, format)) {
      if (site.kind !== 'pool' || site.constructorName === 'PrismaPg') continue;
      const gap = listenerGap(doc, text, site, 'idle client');
      if (!gap) continue;
      const once = gap.onceOnly
        ? ` ${gap.target}.once('error', …) handles only the first error; the next one still crashes.`
        : '';
      report({
        range: site.range,
        severity: gap.fix ? undefined : 'warning',
        message: `${gap.target} has no 'error' listener: when an idle client's connection dies (failover, restart, pg_terminate_backend), the pool emits 'error' and Node exits with "Connection terminated unexpectedly".${once} A listener that logs is enough; the pool has already dropped the client.${gap.fix ? '' : ` Not written: ${gap.blocked}.`}`,
        fix: gap.fix,
      });
    }
  },
});
