import { SERVER_CANONICAL } from '../../../core/canonical';
import { defineRule } from '../../define-rule';
import {
  effectiveInteger,
  intendedInteger,
  keyRange,
  patchEdits,
  sysctlFile,
  tunesTcp,
} from '../_lib/sysctl';
import { lastEntry, yamlSysctlBlocks } from '../_lib/yaml-sysctls';

const TARGET = SERVER_CANONICAL.linux.tcpRetries2;

/** Give-up time for unacknowledged data with RTO_min 200 ms (reference §5.2 retransGiveUp). */
export function retransGiveUpSeconds(retries2: number): number {
  let t = 0;
  for (let i = 0; i <= retries2; i++) t += Math.min(0.2 * 2 ** i, 120);
  return Math.round(t * 10) / 10;
}

export default defineRule({
  id: 'linux.tcp-retries2-high',
  title: 'tcp_retries2 lets a send to a dead peer hang for 15 minutes',
  severity: 'warning',
  formats: ['sysctl', 'yaml'],
  docs: {
    what: "In a sysctl file that tunes the TCP stack (it sets at least one `net.ipv4.tcp_*` or `net.core.*` key), reports an effective `net.ipv4.tcp_retries2` above 8. When the file does not set it, the kernel default 15 counts. Also reads Kubernetes `securityContext.sysctls` and docker-compose `sysctls:` (the workload's own network namespace), judging the key only where it is set.",
    why: "When a peer vanishes without a FIN or RST (a failed-over database host, a black-holed address), a socket with unacknowledged data retransmits with exponential backoff until tcp_retries2 is used up: about 924.6 s with 15, at least; longer on slow paths. Every program that sets no TCP_USER_TIMEOUT of its own (PgBouncer and libpq before it is configured, most drivers) hangs that long on its first query after the failure. With 8 the give-up is about 102 s, which still meets RFC 1122's 100-second minimum.",
    example: {
      before: 'net/ipv4/tcp_retries2 = 15',
      after: 'net/ipv4/tcp_retries2 = 8',
    },
    fixSafety:
      'review: the setting is host-wide. Every TCP connection on the host (in this network namespace) now gives up after about 102 s without an acknowledgement, so a WAN brownout or a very long stall that used to recover now drops connections. Prefer per-socket timeouts (libpq `tcp_user_timeout`, PgBouncer `tcp_user_timeout`) where you can set them; this is the fallback for the rest.',
    sources: [
      'https://docs.kernel.org/networking/ip-sysctl.html',
      'https://man7.org/linux/man-pages/man7/tcp.7.html',
      'https://datatracker.ietf.org/doc/html/rfc1122#section-4.2.3.5',
      'https://github.com/pgbouncer/pgbouncer/issues/138',
    ],
  },
  check({ doc, format, report }) {
    if (format === 'yaml') {
      // Pod / compose sysctls: judged only when set; nothing is appended.
      for (const block of yamlSysctlBlocks(doc)) {
        const entry = lastEntry(block, 'net.ipv4.tcp_retries2');
        const value = entry ? intendedInteger(entry) : null;
        if (!entry || value === null || value <= TARGET) continue;
        report({
          range: { start: entry.valueStart, end: entry.valueEnd },
          message: `${entry.key} ${value} in this workload's own network namespace: a send to a silently dead peer is given up only after ${retransGiveUpSeconds(value)} s or more. ${TARGET} gives up after about ${retransGiveUpSeconds(TARGET)} s for every connection of the workload, so review it.`,
          fix: {
            safety: 'review',
            description: `Set ${entry.key} to ${TARGET} (every connection of this workload).`,
            edits: [{ start: entry.valueStart, end: entry.valueEnd, text: String(TARGET) }],
          },
        });
      }
      return;
    }
    const file = sysctlFile(doc);
    const scope = tunesTcp(file);
    if (!scope) return;
    const { value, last } = effectiveInteger(file, 'net.ipv4.tcp_retries2', 15);
    if (value <= TARGET) return;
    report({
      range: last ? { start: last.valueStart, end: last.valueEnd } : keyRange(scope),
      message: `net.ipv4.tcp_retries2 ${value}${last ? '' : ' (kernel default)'}: a send to a silently dead peer is given up only after ${retransGiveUpSeconds(value)} s or more, for every socket without its own TCP_USER_TIMEOUT. ${TARGET} gives up after about ${retransGiveUpSeconds(TARGET)} s; it is host-wide, so review it.`,
      fix: {
        safety: 'review',
        description: `Set net.ipv4.tcp_retries2 = ${TARGET} (host-wide).`,
        edits: patchEdits(file, 'net.ipv4.tcp_retries2', String(TARGET)),
      },
    });
  },
});
