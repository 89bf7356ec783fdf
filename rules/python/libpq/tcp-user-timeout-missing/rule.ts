import { CANONICAL } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import { libpqSites } from '../../_lib/libpq';

/** libpq learnt `tcp_user_timeout` in PostgreSQL 12; older libpq refuses the key at connect. */
const SINCE_LIBPQ = 12;

export default defineRule({
  id: 'python.libpq.tcp-user-timeout-missing',
  title: 'libpq connection without tcp_user_timeout: a write to a dead server hangs for ~15 minutes',
  severity: 'info',
  formats: ['python'],
  docs: {
    what: 'Reports libpq-family connections over TCP (SQLAlchemy psycopg2 / psycopg engines, `psycopg2.connect`, `psycopg.connect`, psycopg_pool and psycopg2.pool pools) that set no `tcp_user_timeout`.',
    why: 'Keepalives are not sent while a request is unacknowledged, so a query or pre-ping written to a server that vanished (failover, black-holed NAT flow) waits for Linux to give up retransmitting: about 924 s with the default tcp_retries2. `tcp_user_timeout=30000` (milliseconds) bounds that wait to 30 s; a pool check then fails and reconnects.',
    example: {
      before: 'conn = psycopg2.connect("host=db dbname=app keepalives_idle=30")',
      after: 'conn = psycopg2.connect("host=db dbname=app keepalives_idle=30 tcp_user_timeout=30000")',
    },
    fixSafety:
      'review: the key needs libpq 12 or later linked into the driver (`psycopg2.extensions.libpq_version()` / `psycopg.pq.version()` ≥ 120000); an older libpq refuses to connect with `invalid connection option "tcp_user_timeout"`. On a healthy link it never cuts a long query: it only counts time with sent data unacknowledged. Linux only; without effect elsewhere. When you state pgMajor below 12, no edit is offered.',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-TCP-USER-TIMEOUT',
      'https://man7.org/linux/man-pages/man7/tcp.7.html',
      'https://github.com/rh-aiservices-bu/jumpstart-library/pull/75',
    ],
  },
  check({ doc, environment, report }) {
    if (environment.os === 'macos' || environment.os === 'windows') return;
    const tooOld = environment.pgMajor !== undefined && environment.pgMajor < SINCE_LIBPQ;
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq' || site.transport === 'unix') continue;
      if (site.get('tcp_user_timeout')) continue;
      const edits = tooOld ? null : site.setEdits([['tcp_user_timeout', CANONICAL.tcpUserTimeoutMs]]);
      const problem = `${site.label} sets no tcp_user_timeout: a query or ping sent to a server that disappeared (failover, dropped NAT flow) waits until Linux stops retransmitting, about 924 s.`;
      const remedy = tooOld
        ? ` tcp_user_timeout needs libpq ${SINCE_LIBPQ}+, and you stated PostgreSQL ${environment.pgMajor}: upgrade libpq first.`
        : edits
          ? ` tcp_user_timeout=${CANONICAL.tcpUserTimeoutMs} ms bounds it to ${CANONICAL.tcpUserTimeoutMs / 1000} s. Needs libpq ${SINCE_LIBPQ}+ in the driver (psycopg2.extensions.libpq_version() ≥ 120000); older libpq rejects the key.`
          : ` Add tcp_user_timeout=${CANONICAL.tcpUserTimeoutMs} (milliseconds) yourself: staleproof cannot see all of ${site.hidden ?? 'the call'}.`;
      report({
        range: site.range,
        message: problem + remedy,
        fix: edits
          ? {
              safety: 'review',
              description: `Set tcp_user_timeout=${CANONICAL.tcpUserTimeoutMs} ms (needs libpq ${SINCE_LIBPQ}+).`,
              edits,
            }
          : null,
      });
    }
  },
});
