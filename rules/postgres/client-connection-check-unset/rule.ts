import { defineRule } from '../../define-rule';
import { GUCS } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { effective, postgresTargets } from '../_lib/target';
import { gate } from '../_lib/versions';

const SINCE = GUCS.client_connection_check_interval.since;
/** macOS, BSD and illumos support arrived after 14 (PG 14 used Linux-only POLLRDHUP); assumed 16. */
const NON_LINUX_SINCE = 16;

export default defineRule({
  id: 'postgres.client-connection-check-unset',
  title: 'PostgreSQL client_connection_check_interval not set',
  severity: 'warning',
  formats: ['postgresql-conf', 'yaml', 'shell'],
  docs: {
    what: 'Reports a postgresql.conf (or the `-c` flags of a server command line in docker-compose, a Kubernetes container or a shell script) where `client_connection_check_interval` is 0 or absent, on PostgreSQL 14 or later (or an unknown version), unless the OS is Windows.',
    why: 'Without it a query keeps running, and keeps its locks and resources, after the client that sent it has gone: the server only notices when it next reads from or writes to the socket, which for a long query is when it finishes. With a check every 10 s the query is cancelled soon after the kernel learns the connection is closed.',
    example: {
      before: '#client_connection_check_interval = 0\t# time between checks for client',
      after: 'client_connection_check_interval = 10s\t# time between checks for client',
    },
    fixSafety:
      'review: the check is cheap, but it only works where the kernel reports a closed peer: Linux (PostgreSQL 14 on), and per the current documentation also macOS, illumos and the BSDs (staleproof assumes PostgreSQL 16 on for those; the first release is not verified). An unsupported platform rejects a non-zero value. It exists since PostgreSQL 14 (an unknown setting stops an older server from starting), so it is never written when the version is known to be older. Azure Database for PostgreSQL flexible server keeps it read-only, so there it is only reported. It sees only what the kernel knows: pair it with server keepalives.',
    sources: [PG_SOURCES.connection, PG_SOURCES.pgpediaCheck, PG_SOURCES.azureTcp],
  },
  check(context) {
    const { environment } = context;
    if (environment.os === 'windows') return;
    for (const target of postgresTargets(context)) {
      const value = effective(target, 'client_connection_check_interval');
      if (value !== null && value !== 0) continue;
      const g = gate(target.major, SINCE);
      if (g === 'too-old') continue;
      const notes: string[] = [];
      let fixable = true;
      if (environment.platform === 'azure') {
        fixable = false;
        notes.push(
          'Azure Database for PostgreSQL flexible server keeps this parameter read-only at 0, so there is nothing to change here.',
        );
      }
      if (environment.os === 'macos') {
        const g2 = gate(target.major, NON_LINUX_SINCE);
        if (g2 === 'too-old') {
          fixable = false;
          notes.push(
            `On macOS, PostgreSQL ${SINCE}–${NON_LINUX_SINCE - 1} supports it only on Linux (POLLRDHUP), so it is not written.`,
          );
        } else if (g2 === 'unknown') {
          notes.push(
            `On macOS it needs a PostgreSQL release that uses kqueue for the check (staleproof assumes ${NON_LINUX_SINCE}).`,
          );
        }
      } else if (environment.os === undefined && fixable) {
        notes.push(
          'It works on Linux (and on macOS, illumos and the BSDs in newer releases); other systems reject a non-zero value.',
        );
      }
      if (g === 'unknown') {
        notes.push(
          `It needs PostgreSQL ${SINCE} or later (an older server does not start with it): the version is not known here, so check it.`,
        );
      }
      const edits = fixable
        ? target.patch([{ key: 'client_connection_check_interval', amount: 10_000 }])
        : null;
      context.report({
        range: target.last('client_connection_check_interval')?.range ?? target.anchor,
        message:
          `In ${target.label}, client_connection_check_interval is ${value === null ? 'not set' : '0'}: a running query is not cancelled when its client disappears, and keeps its locks until it ends. ${fixable ? 'Set client_connection_check_interval = 10s (a bare number would mean milliseconds).' : ''}${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`.replace(
            / {2,}/g,
            ' ',
          ),
        fix: edits
          ? { safety: 'review', description: 'Set client_connection_check_interval = 10s.', edits }
          : null,
      });
    }
  },
});
