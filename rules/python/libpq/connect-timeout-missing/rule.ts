import { CANONICAL } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import { libpqSites, numericValue } from '../../_lib/libpq';

export default defineRule({
  id: 'python.libpq.connect-timeout-missing',
  title: 'libpq connection without a connect timeout',
  severity: 'info',
  formats: ['python'],
  docs: {
    what: 'Reports libpq-family connections over TCP whose `connect_timeout` is absent, 0 or negative.',
    why: 'libpq then waits indefinitely for a new connection (psycopg 3.1.13 and later: 130 s). After a failover the old address may swallow SYN packets, or accept TCP and never answer the startup; every reconnect, including the one a pre-ping triggers, then stalls the request thread. libpq applies the timeout per host, so a multi-host list moves on to the next host.',
    example: {
      before: 'conn = psycopg.connect("host=db dbname=app")',
      after: 'conn = psycopg.connect("host=db dbname=app connect_timeout=10")',
    },
    fixSafety:
      'review: connections that genuinely need more than 10 s (a slow cross-region TLS + SCRAM handshake on a loaded server) would start failing. 10 s rather than 5 s because it applies to each host and each address.',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-CONNECT-TIMEOUT',
      'https://github.com/psycopg/psycopg/blob/master/psycopg/psycopg/conninfo.py',
    ],
  },
  check({ doc, report }) {
    const seconds = CANONICAL.connectTimeoutSeconds;
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq' || site.transport === 'unix') continue;
      const setting = site.get('connect_timeout');
      const value = numericValue(setting);
      if (setting && (value === null || value > 0)) continue;
      const waits =
        site.driver === 'psycopg'
          ? 'a new connection waits 130 s (psycopg 3.1.13+) or indefinitely (older psycopg)'
          : 'a new connection waits indefinitely';
      const edits = site.setEdits([['connect_timeout', seconds]]);
      const what = setting ? `sets connect_timeout=${setting.value} (no limit)` : 'sets no connect_timeout';
      report({
        range: setting ? setting.range : site.range,
        message: `${site.label} ${what}: ${waits} on a host that swallows packets after a failover. connect_timeout=${seconds} s bounds each host's attempt.${edits ? '' : ` Add it yourself: staleproof cannot see all of ${site.hidden ?? 'the call'}.`}`,
        fix: edits ? { safety: 'review', description: `Set connect_timeout=${seconds} s.`, edits } : null,
      });
    }
  },
});
