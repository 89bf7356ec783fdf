import { CANONICAL } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import { describeEntries, keepaliveEntries, keepalivesMissing, libpqSites } from '../../_lib/libpq';

export default defineRule({
  id: 'python.psycopg2_pool.no-validation',
  title: 'psycopg2.pool hands out connections unchecked, and without keepalives',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports psycopg2.pool `SimpleConnectionPool`, `ThreadedConnectionPool` and `PersistentConnectionPool` over TCP whose connections have no TCP keepalives (`keepalives_idle` unset, or `keepalives=0`).',
    why: "psycopg2's pools hand out stored connections without any check and drop a broken one only when it is returned, so a connection that died while idle fails the next query, or hangs it when a NAT or load balancer silently dropped the flow. The pool cannot be told to check; keepalives are the config-level defence: a probe every 30 s keeps the flow open and a dead peer is found within 60 s.",
    example: {
      before: 'pool = ThreadedConnectionPool(1, 10, "host=db dbname=app")',
      after:
        'pool = ThreadedConnectionPool(1, 10, "host=db dbname=app keepalives=1 keepalives_idle=30 keepalives_interval=10 keepalives_count=3")',
    },
    fixSafety:
      'safe: libpq has accepted the keepalive keys since 9.0; the fix writes only the missing ones (and `keepalives=1` over `keepalives=0`) in the DSN or keyword arguments the pool already uses. `tcp_user_timeout` and `connect_timeout` come from their own rules, as review fixes.',
    sources: [
      'https://github.com/psycopg/psycopg2/blob/master/lib/pool.py',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES',
      'https://github.com/tum-gis/3dcitydb-mcp-server/issues/1',
    ],
  },
  check({ doc, report }) {
    const detection =
      CANONICAL.keepaliveIdleSeconds + CANONICAL.keepaliveIntervalSeconds * CANONICAL.keepaliveCount;
    for (const site of libpqSites(doc)) {
      if (site.kind !== 'psycopg2_pool' || site.transport === 'unix') continue;
      if (!keepalivesMissing(site)) continue;
      const entries = keepaliveEntries(site);
      const edits = site.setEdits(entries);
      report({
        range: site.range,
        message: `${site.label} never checks a connection before handing it out, and its connections have no TCP keepalives: one that died while idle fails, or hangs, the next query. With ${describeEntries(entries)} a dead idle connection is noticed within ${detection} s.${edits ? '' : ` Add them yourself: staleproof cannot see all of ${site.hidden ?? 'the call'}.`}`,
        fix: edits ? { safety: 'safe', description: `Set ${describeEntries(entries)}.`, edits } : null,
      });
    }
  },
});
