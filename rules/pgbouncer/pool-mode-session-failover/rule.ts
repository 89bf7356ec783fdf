import { defineRule } from '../../define-rule';
import { failoverProne, hasVersion, numberOf, patch, poolMode, reportRange } from '../_lib/config';
import { mainConfig, SRC } from '../_lib/kit';

const MIN = '1.9';

export default defineRule({
  id: 'pgbouncer.pool-mode-session-failover',
  title: 'Session pooling keeps clients on the old primary after a failover',
  severity: 'warning',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports session pooling (`pool_mode = session`, the default) on a database that can fail over when `server_fast_close` is not 1.',
    why: 'In session mode a server connection stays linked to its client for the whole session. server_lifetime and server_idle_timeout only act on unlinked connections, and a DNS change or RECONNECT only marks linked connections to close when the session ends, so long-lived application sessions stay on the old primary. server_fast_close ends marked connections at the next transaction boundary and disconnects the client.',
    example: { before: 'pool_mode = session', after: 'pool_mode = session\nserver_fast_close = 1' },
    fixSafety:
      'review: clients are disconnected after a DNS change, RECONNECT or settings reload and must reconnect and rebuild session state. Needs PgBouncer 1.9 or later (no fix when the version is known older). Transaction pooling avoids the pinning but breaks session features.',
    sources: [SRC.config, SRC.janitor, SRC.i432],
  },
  check({ doc, environment, report }) {
    const config = mainConfig(doc);
    if (!config) return;
    if (poolMode(config) !== 'session' || !failoverProne(config, environment)) return;
    if (numberOf(config, 'server_fast_close') === 1) return;
    const version = hasVersion(environment, MIN);
    const message = `Session pooling on a database that can fail over: each server connection stays linked to its client, so after a failover sessions keep using the old primary until the client disconnects.${version === false ? ` server_fast_close needs PgBouncer ${MIN}; upgrade, or consider transaction pooling.` : ` Set server_fast_close = 1 so marked connections close at the next transaction boundary.${version === null ? ` It needs PgBouncer ${MIN} or later.` : ''}`}`;
    const edits = version === false ? [] : patch(config, 'server_fast_close', '1').edits;
    report({
      range: reportRange(config, 'pool_mode'),
      message,
      fix: edits.length ? { safety: 'review', description: 'Set server_fast_close = 1.', edits } : null,
    });
  },
});
