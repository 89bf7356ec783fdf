import { SERVER_CANONICAL } from '../../../core/canonical';
import { defineRule } from '../../define-rule';
import {
  describeEntries,
  fixAfterHeaderRepair,
  middlebox,
  numberOf,
  patchAll,
  reportRange,
} from '../_lib/config';
import { mainConfig, SRC } from '../_lib/kit';

const C = SERVER_CANONICAL.pgbouncer;

export default defineRule({
  id: 'pgbouncer.keepalive-timers-unset',
  title: 'PgBouncer keepalive timers left to the OS defaults',
  severity: 'warning',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports `[pgbouncer]` files where `tcp_keepidle`, `tcp_keepintvl` or `tcp_keepcnt` is 0 or unset (0 means the operating system default), or where `tcp_keepidle` reaches the middlebox idle timeout M (240 s when unknown).',
    why: 'With the Linux defaults the first probe goes out after 7200 s of silence and a dead peer is declared after 7875 s. Every common NAT or load balancer forgets an idle flow long before that (AWS 350 s, Azure 240 s), so idle client and server connections die unnoticed. AWS documents that keepalive packets reset the NLB and NAT idle timers.',
    example: { before: ';tcp_keepidle = 0', after: 'tcp_keepidle = 30' },
    fixSafety:
      "safe: only the missing or zero keys are written (tcp_keepidle = 30, tcp_keepintvl = 10, tcp_keepcnt = 3; an idle of half M when M is below 60 s), by uncommenting the sample line or appending in the file's style. The cost is a small probe every 30 s on idle sockets; new values reach sockets opened after a restart or RECONNECT.",
    sources: [SRC.config, SRC.util, SRC.nlbConn, SRC.nat],
  },
  check({ doc, environment, report }) {
    const config = mainConfig(doc);
    if (!config) return;
    const m = middlebox(environment);
    const idleTarget = m < 60 ? Math.max(1, Math.floor(m / 2)) : C.keepidle;
    const idle = numberOf(config, 'tcp_keepidle');
    const intvl = numberOf(config, 'tcp_keepintvl');
    const cnt = numberOf(config, 'tcp_keepcnt');
    const entries: Array<[string, string]> = [];
    if (idle === 0 || (idle !== null && idle >= m)) entries.push(['tcp_keepidle', String(idleTarget)]);
    if (intvl === 0) entries.push(['tcp_keepintvl', String(C.keepintvl)]);
    if (cnt === 0) entries.push(['tcp_keepcnt', String(C.keepcnt)]);
    if (entries.length === 0) return;
    const edits = patchAll(config, entries);
    const first = entries[0]?.[0] ?? 'tcp_keepidle';
    report({
      range: reportRange(config, first),
      message: `${entries.map(([k]) => k).join(', ')} ${entries.length === 1 ? 'is' : 'are'} left to the OS (Linux: first probe after 7200 s, dead peer after 7875 s)${idle !== null && idle >= m ? ` or reach the ${m} s middlebox idle timeout` : ''}: middleboxes forget idle flows long before a probe. Set ${describeEntries(entries)}.`,
      fix:
        edits.length > 0
          ? fixAfterHeaderRepair(config, 'safe', `Set ${describeEntries(entries)}.`, edits)
          : null,
    });
  },
});
