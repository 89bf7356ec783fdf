import { defineRule } from '../../../define-rule';
import { libpqSites } from '../../_lib/libpq';

/** Keys (or values) older libpq refuses at connect, with the libpq major that introduced them. */
const NEW_TARGET_ATTRS = new Set(['primary', 'standby', 'read-only', 'prefer-standby']);

interface Gate {
  since: number;
  error: string;
  /** Still common with an unstated version: Debian 12 ships libpq 15, RHEL 8/9 libpq 13. */
  commonlyMissing: boolean;
}

function gateOf(key: string, value: string | null): Gate | null {
  if (key === 'load_balance_hosts')
    return { since: 16, error: 'invalid connection option "load_balance_hosts"', commonlyMissing: true };
  if (key === 'target_session_attrs' && value !== null && NEW_TARGET_ATTRS.has(value))
    return { since: 14, error: 'invalid target_session_attrs value', commonlyMissing: true };
  if (key === 'tcp_user_timeout')
    return { since: 12, error: 'invalid connection option "tcp_user_timeout"', commonlyMissing: false };
  return null;
}

export default defineRule({
  id: 'python.libpq.version-gated-keys',
  title: 'libpq key that older libpq refuses at connect',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports libpq keys that only newer libpq accepts, in libpq-family connections: `load_balance_hosts` (libpq 16+), `target_session_attrs` = primary / standby / read-only / prefer-standby (libpq 14+), and `tcp_user_timeout` (libpq 12+, reported only when you state an older PostgreSQL major).',
    why: 'The libpq linked into psycopg2 or psycopg parses every key before connecting; one it does not know fails every connection with `invalid dsn: invalid connection option "load_balance_hosts"` (psycopg2 and psycopg 3 on libpq 15, reproduced) or `invalid target_session_attrs value`. Debian 12 ships libpq 15 and RHEL 8/9 libpq 13, so these keys break many installs.',
    example: {
      before: 'psycopg.connect("host=pg1,pg2 dbname=app load_balance_hosts=random")',
      after: '# check psycopg.pq.version() >= 160000 first, or drop load_balance_hosts',
    },
    fixSafety:
      'none: removing the key changes what the connection does, and only you know which libpq the driver links (`psycopg2.extensions.libpq_version()`, `psycopg.pq.version()`). staleproof itself never writes these keys as safe fixes. Stating pgMajor (taken as the libpq major) silences the finding when it is new enough.',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-LOAD-BALANCE-HOSTS',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-TARGET-SESSION-ATTRS',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-TCP-USER-TIMEOUT',
    ],
  },
  check({ doc, environment, report }) {
    const stated = environment.pgMajor;
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq') continue;
      for (const setting of site.settings) {
        if (site.get(setting.key) !== setting) continue;
        const gate = gateOf(setting.key, setting.value);
        if (!gate) continue;
        if (stated !== undefined ? stated >= gate.since : !gate.commonlyMissing) continue;
        const shown = setting.value === null ? setting.key : `${setting.key}=${setting.value}`;
        report({
          range: setting.range,
          message:
            stated !== undefined
              ? `${site.label}: ${shown} needs libpq ${gate.since}+, and you stated PostgreSQL ${stated}: every connection will fail with ${gate.error}.`
              : `${site.label}: ${shown} needs libpq ${gate.since}+; an older libpq in the driver (Debian 12 ships 15, RHEL 8/9 13) fails every connection with ${gate.error}. Check psycopg2.extensions.libpq_version() / psycopg.pq.version() ≥ ${gate.since}0000, or state pgMajor.`,
          fix: null,
        });
      }
    }
  },
});
