import { SERVER_CANONICAL } from '../../../core/canonical';
import { defineRule } from '../../define-rule';
import { hasVersion, numberOf, patch, reportRange } from '../_lib/config';
import { mainConfig, SRC } from '../_lib/kit';

const MIN = '1.13';
const VALUE = String(SERVER_CANONICAL.pgbouncer.tcpUserTimeoutMs);

export default defineRule({
  id: 'pgbouncer.tcp-user-timeout-unset',
  title: 'PgBouncer tcp_user_timeout unset: sends into a dead link wait ~15 minutes',
  severity: 'warning',
  formats: ['pgbouncer-ini'],
  docs: {
    what: "Reports `tcp_user_timeout` 0 or unset in `[pgbouncer]` on Linux (the environment's os; assumed when unknown) for PgBouncer 1.13 or later.",
    why: 'Linux suspends keepalive probing while sent data waits for an acknowledgement, so a query or check query sent to a primary that vanished is retransmitted for the whole tcp_retries2 budget (about 924.6 s) before PgBouncer sees an error. tcp_user_timeout bounds that wait; otherwise only query_timeout does.',
    example: { before: ';tcp_user_timeout = 0', after: 'tcp_user_timeout = 30000' },
    fixSafety:
      'review: the timeout also applies to client sockets, so a client that stops reading a large result for more than 30 s, or a network stall longer than 30 s, loses its connection. The key exists since PgBouncer 1.13; older versions refuse to start with it, so with an unknown version the fix says so. On macOS and Windows the option does not exist and the rule gives no fix.',
    sources: [SRC.config, SRC.tcpTimer, SRC.tcp7, SRC.i138],
  },
  check({ doc, environment, report }) {
    const config = mainConfig(doc);
    if (!config) return;
    if (numberOf(config, 'tcp_user_timeout') !== 0) return;
    const version = hasVersion(environment, MIN);
    if (version === false) return;
    const os = environment.os;
    const range = reportRange(config, 'tcp_user_timeout');
    const base = `tcp_user_timeout is ${config.effective.has('tcp_user_timeout') ? '0' : 'unset'}: a query sent to a server that vanished is retransmitted for about 924.6 s (tcp_retries2) before PgBouncer notices, because keepalive does not run while data is unacknowledged.`;
    if (os === 'macos' || os === 'windows') {
      report({
        range,
        message: `${base} TCP_USER_TIMEOUT is Linux-only, so on ${os} rely on query_timeout instead.`,
        fix: null,
      });
      return;
    }
    const notes = [
      os === undefined ? 'This assumes PgBouncer runs on Linux (the only OS with this option).' : '',
      version === null
        ? `The key needs PgBouncer ${MIN} or later; older versions refuse to start with it.`
        : '',
    ].filter((s) => s !== '');
    const { edits } = patch(config, 'tcp_user_timeout', VALUE);
    report({
      range,
      message: `${base} Set tcp_user_timeout = ${VALUE} (milliseconds).${notes.length ? ` ${notes.join(' ')}` : ''}`,
      fix: edits.length
        ? { safety: 'review', description: `Set tcp_user_timeout = ${VALUE} (ms).`, edits }
        : null,
    });
  },
});
