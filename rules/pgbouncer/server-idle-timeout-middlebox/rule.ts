import { numberOf } from '../_lib/config';
import { keyRule, SRC, shown } from '../_lib/kit';

/** Linux's tcp_keepalive_time, used when tcp_keepidle is 0. */
const OS_KEEPIDLE = 7200;

export default keyRule({
  id: 'pgbouncer.server-idle-timeout-middlebox',
  title: 'Idle PgBouncer server connections outlive the middlebox timeout',
  key: 'server_idle_timeout',
  safety: 'safe',
  docs: {
    what: 'When the environment states the smallest idle timeout M of a NAT, load balancer or firewall on the path, reports `server_idle_timeout` ≥ M (default 600) while nothing keeps idle connections alive: keepalive off, or the first probe (`tcp_keepidle`, 0 = Linux 7200 s) at or after M.',
    why: 'A server connection idle longer than M is forgotten by the middlebox; Azure Load Balancer, the GCP firewall and AWS Network Firewall drop its next packets without a reset, so the connection hangs when it is next used. Closing idle connections before M avoids handing out dead ones.',
    example: { before: 'server_idle_timeout = 600', after: 'server_idle_timeout = 190' },
    fixSafety:
      'safe: idle server connections are closed sooner (M − 50 s) and reopened on demand. pgbouncer.keepalive-timers-unset fixes the root cause; this keeps the pool healthy until the keepalive change reaches every socket.',
    sources: [SRC.config, SRC.azLbReset, SRC.nfw],
  },
  applies: ({ config, environment, n }) => {
    const m = environment.middleboxIdleSeconds;
    if (m === undefined || n < m) return false;
    if (numberOf(config, 'tcp_keepalive') === 0) return true;
    const idle = numberOf(config, 'tcp_keepidle');
    return idle !== null && (idle === 0 ? OS_KEEPIDLE : idle) >= m;
  },
  target: ({ environment }) => {
    const m = environment.middleboxIdleSeconds ?? 0;
    return String(m - 50 > 0 ? m - 50 : Math.max(1, Math.floor(m / 2)));
  },
  message: (ctx) =>
    `${shown('server_idle_timeout', ctx)} reaches the ${ctx.environment.middleboxIdleSeconds} s idle timeout of a middlebox on the path, and no keepalive probe comes earlier: an idle server connection is silently forgotten and hangs when reused. Set server_idle_timeout = ${ctx.to}.`,
});
