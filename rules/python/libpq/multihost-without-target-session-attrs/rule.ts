import { defineRule } from '../../../define-rule';
import { libpqSites } from '../../_lib/libpq';

export default defineRule({
  id: 'python.libpq.multihost-without-target-session-attrs',
  title: 'Several libpq hosts but no target_session_attrs: a failover can land you on a standby',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports libpq-family connections that list several hosts (`host=a,b`, a URI `a:5432,b:5432`, SQLAlchemy `?host=a:5432&host=b:5432`) and set no `target_session_attrs`.',
    why: 'libpq takes the first host that answers. After a failover that is often the demoted node, now a read-only standby: connections succeed and every write fails with "cannot execute INSERT in a read-only transaction" until they are recycled.',
    example: {
      before: 'psycopg2.connect("host=pg1,pg2 dbname=app")',
      after: 'psycopg2.connect("host=pg1,pg2 dbname=app target_session_attrs=read-write")',
    },
    fixSafety:
      'review: standbys become unacceptable, so a setup that reads from a standby on purpose stops connecting to it. `read-write` is understood by libpq 10 and later; `primary` would need libpq 14 and is never written.',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-TARGET-SESSION-ATTRS',
      'https://docs.sqlalchemy.org/en/20/dialects/postgresql.html#specifying-multiple-fallback-hosts',
    ],
  },
  check({ doc, report }) {
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq' || site.hosts.length < 2) continue;
      if (site.get('target_session_attrs')) continue;
      const edits = site.setEdits([['target_session_attrs', 'read-write']]);
      report({
        range: site.range,
        message: `${site.label} lists ${site.hosts.length} hosts without target_session_attrs: after a failover libpq may connect to the demoted node, where every write fails as read-only. target_session_attrs=read-write makes libpq skip hosts that are not writable.${edits ? '' : ` Add it yourself: staleproof cannot see all of ${site.hidden ?? 'the call'}.`}`,
        fix: edits ? { safety: 'review', description: 'Set target_session_attrs=read-write.', edits } : null,
      });
    }
  },
});
