import { SERVER_CANONICAL } from '../../../core/canonical';
import { effectiveMiddleboxIdleSeconds } from '../../../core/environment';
import { defineRule } from '../../define-rule';
import type { GucName, WantedValue } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { effective, postgresTargets } from '../_lib/target';

const CANON = SERVER_CANONICAL.postgres;

export default defineRule({
  id: 'postgres.keepalives-unset',
  title: 'PostgreSQL server keepalives left at the OS defaults',
  severity: 'warning',
  formats: ['postgresql-conf', 'yaml', 'shell'],
  docs: {
    what: 'Reports a postgresql.conf (or the `-c` flags of a server command line in docker-compose, a Kubernetes container or a shell script) where `tcp_keepalives_idle`, `tcp_keepalives_interval` or `tcp_keepalives_count` is 0 or absent, or where the idle time is at least the smallest middlebox idle timeout on the path (240 s when unknown).',
    why: 'Keepalive probes are the only way the server notices a client that vanished without closing its connection (a killed pod, a failover, a NAT that forgot the flow). With the Linux defaults that takes 7200 s + 9 × 75 s, over two hours, during which the backend, its idle transaction and its locks stay. Probes every minute also keep NAT and load-balancer flows alive for every client.',
    example: {
      before: '#tcp_keepalives_idle = 0\t\t# TCP_KEEPIDLE, in seconds;',
      after: 'tcp_keepalives_idle = 60\t\t# TCP_KEEPIDLE, in seconds;',
    },
    fixSafety:
      "safe: probes are tiny and only flow on idle connections; dead clients are reaped within 60 + 10 × 6 = 120 s. Only missing or zero keys (and an idle time at or above the middlebox timeout) are written: the last active occurrence is edited in place, else the sample's `#key = 0` line is uncommented, else the key is appended. With a middlebox below 120 s the idle time is half its timeout. On Windows `tcp_keepalives_count` must stay 0 and is not written. It does not make clients notice a dead server faster: that is the client's own keepalive and timeouts.",
    sources: [PG_SOURCES.connection, PG_SOURCES.auroraDead, PG_SOURCES.tcpMan],
  },
  check(context) {
    const { environment } = context;
    const m = effectiveMiddleboxIdleSeconds(environment);
    const idleWanted = m < 120 ? Math.floor(m / 2) : CANON.keepalivesIdle;
    const windows = environment.os === 'windows';
    for (const target of postgresTargets(context)) {
      const wanted: WantedValue[] = [];
      const why: string[] = [];
      let osFallback = false;
      const check = (key: GucName, amount: number, tooHigh?: number) => {
        const value = effective(target, key);
        if (value === 'unknown') return;
        if (value === null || value === 0) {
          why.push(`${key} is ${value === null ? 'not set' : '0'}`);
          wanted.push({ key, amount });
          osFallback = true;
        } else if (tooHigh !== undefined && value >= tooHigh) {
          why.push(`${key} is ${value / 1000} s, not below the ${m} s middlebox idle timeout`);
          wanted.push({ key, amount });
        }
      };
      check('tcp_keepalives_idle', idleWanted * 1000, m * 1000);
      check('tcp_keepalives_interval', CANON.keepalivesInterval * 1000);
      if (!windows) check('tcp_keepalives_count', CANON.keepalivesCount);
      if (wanted.length === 0) continue;
      const edits = target.patch(wanted);
      // Detection time once fixed: idle + interval × count, from the written or kept values.
      const after = (key: GucName) => {
        const w = wanted.find((x) => x.key === key);
        const v = w ? w.amount : effective(target, key);
        return typeof v === 'number' ? (key === 'tcp_keepalives_count' ? v : v / 1000) : null;
      };
      const [idleAfter, intervalAfter, countAfter] = [
        after('tcp_keepalives_idle'),
        after('tcp_keepalives_interval'),
        after('tcp_keepalives_count'),
      ];
      const detection =
        idleAfter !== null && intervalAfter !== null && countAfter !== null && countAfter > 0
          ? `: a dead client is then found within ${idleAfter + intervalAfter * countAfter} s, and probes keep middlebox flows open`
          : ', and probes keep middlebox flows open';
      const values = wanted
        .map((w) => `${w.key} = ${w.key === 'tcp_keepalives_count' ? w.amount : w.amount / 1000}`)
        .join(', ');
      const at = target.last('tcp_keepalives_idle')?.range ?? target.anchor;
      context.report({
        range: at,
        message: `In ${target.label}, ${why.join('; ')}. ${osFallback ? 'Unset values fall back to the OS (Linux: first probe after 7200 s, 9 probes 75 s apart), so a vanished client is noticed only after about 2 h 11 min: its backend, open transaction and locks linger meanwhile.' : 'The first probe comes only after a NAT or load balancer has already forgotten an idle flow.'} Set ${values}${windows ? ' (tcp_keepalives_count must stay 0 on Windows)' : ''}${detection}.`,
        fix: edits ? { safety: 'safe', description: `Set ${values}.`, edits } : null,
      });
    }
  },
});
