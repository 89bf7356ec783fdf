import { defineRule } from '../../../define-rule';
import { libpqSites } from '../../_lib/libpq';

/** 6432: PgBouncer's default port; 6543: Supabase's transaction pooler. */
const POOLER_PORTS = new Set(['6432', '6543']);

export default defineRule({
  id: 'python.libpq.options-through-pgbouncer',
  title: 'libpq options sent to what looks like PgBouncer',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports a libpq `options` parameter (`-c statement_timeout=…` and the like) on a connection whose host looks like PgBouncer (port 6432 or 6543, or `pgbouncer` / `pooler` in the host name), or on any connection when the environment says the application is behind PgBouncer (`behindPgbouncer=true`).',
    why: 'PgBouncer accepts only the startup parameters it tracks; anything else fails the connection with `unsupported startup parameter: options` (or `… in options: X`) unless the pooler lists it in `ignore_startup_parameters`, in which case the setting is silently dropped and never reaches PostgreSQL.',
    example: {
      before: 'psycopg2.connect("host=pgbouncer port=6432 dbname=app options=\'-c statement_timeout=5000\'")',
      after:
        '# set statement_timeout per role (ALTER ROLE app SET statement_timeout = 5000) or per transaction',
    },
    fixSafety:
      'none: the right fix depends on the pooler (ignore_startup_parameters, track_extra_parameters) or moves the setting to the database role; staleproof only warns.',
    sources: [
      'https://www.pgbouncer.org/config.html#ignore_startup_parameters',
      'https://github.com/pgbouncer/pgbouncer/blob/master/src/client.c',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-OPTIONS',
    ],
  },
  check({ doc, environment, report }) {
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq') continue;
      const options = site.get('options');
      if (!options) continue;
      const port = site.get('port')?.value ?? null;
      const looksLikePooler =
        environment.behindPgbouncer === true ||
        site.hosts.some(
          (h) => /pgbouncer|pooler|bouncer/i.test(h.host) || (h.port && POOLER_PORTS.has(h.port)),
        ) ||
        (port !== null && POOLER_PORTS.has(port));
      if (!looksLikePooler) continue;
      report({
        range: options.range,
        message: `${site.label} sends options${options.value ? `="${options.value}"` : ''} to ${environment.behindPgbouncer ? 'PgBouncer (the environment says connections go through it)' : 'what looks like PgBouncer (port 6432/6543 or a pooler host name)'}: PgBouncer rejects it with "unsupported startup parameter: options" unless ignore_startup_parameters lists it, and then drops it. Set such GUCs on the database role instead (ALTER ROLE … SET …).`,
        fix: null,
      });
    }
  },
});
