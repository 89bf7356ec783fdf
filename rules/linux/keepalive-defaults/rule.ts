import { SERVER_CANONICAL } from '../../../core/canonical';
import { effectiveMiddleboxIdleSeconds } from '../../../core/environment';
import type { TextEdit } from '../../../core/types';
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

const LINUX = SERVER_CANONICAL.linux;

export const KEEPALIVE_KEYS = [
  { name: 'net.ipv4.tcp_keepalive_time', kernelDefault: 7200, canonical: LINUX.keepaliveTime },
  { name: 'net.ipv4.tcp_keepalive_intvl', kernelDefault: 75, canonical: LINUX.keepaliveIntvl },
  { name: 'net.ipv4.tcp_keepalive_probes', kernelDefault: 9, canonical: LINUX.keepaliveProbes },
] as const;

export default defineRule({
  id: 'linux.keepalive-defaults',
  title: 'Kernel TCP keepalive left at (or near) the 2-hour default',
  severity: 'warning',
  formats: ['sysctl', 'yaml'],
  docs: {
    what: "In a sysctl file that tunes the TCP stack (it sets at least one `net.ipv4.tcp_*` or `net.core.*` key), reports an effective `net.ipv4.tcp_keepalive_time` of at least min(7200, M) seconds (M = the smallest middlebox idle timeout, 240 s when unknown), a `tcp_keepalive_intvl` of 75 s or more, or `tcp_keepalive_probes` of 9 or more. A key the file does not set counts as the kernel default (7200 / 75 / 9); the last line that sets a key decides. Files about other things (`vm.swappiness`, only `net.ipv4.ip_forward`) are left alone. Also reads Kubernetes `securityContext.sysctls` and docker-compose `sysctls:` (map or `key=value` list), which apply to that workload's own network namespace; there only keys that are set are judged and edited, and nothing is appended.",
    why: 'These are the values every socket with SO_KEEPALIVE uses when the program sets no per-socket timers: libpq (keepalives on by default), PgBouncer and the PostgreSQL server among them. With the defaults the first probe leaves after 2 hours of silence and a dead peer is declared dead after 7875 s, while NAT gateways and load balancers forget an idle flow after 4 to 10 minutes. A probe after 60 s keeps such flows open and finds a dead peer in 2 minutes.',
    example: {
      before: 'net.ipv4.tcp_keepalive_time = 7200\nnet.ipv4.tcp_keepalive_intvl=75',
      after:
        'net.ipv4.tcp_keepalive_time = 60\nnet.ipv4.tcp_keepalive_intvl=10\nnet.ipv4.tcp_keepalive_probes = 6',
    },
    fixSafety:
      "safe: only idle keepalive sockets are affected: they send a small probe after 60 s of silence, then every 10 s, and give up after 6 unanswered probes (a peer that is gone for 2 minutes). Connections that carry traffic see no change, and sockets with their own per-socket values keep them. Only the keys past the threshold are written: the last line that sets the key is edited in place, else a single-comment `#key = …` line is uncommented, else the key is appended in the file's style.",
    sources: [
      'https://docs.kernel.org/networking/ip-sysctl.html',
      'https://man7.org/linux/man-pages/man7/tcp.7.html',
      'https://man7.org/linux/man-pages/man5/sysctl.conf.5.html',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES',
    ],
  },
  check({ doc, format, environment, report }) {
    const m = effectiveMiddleboxIdleSeconds(environment);
    const limits: Record<string, number> = {
      'net.ipv4.tcp_keepalive_time': Math.min(7200, m),
      'net.ipv4.tcp_keepalive_intvl': 75,
      'net.ipv4.tcp_keepalive_probes': 9,
    };
    if (format === 'yaml') {
      // Pod / compose sysctls: only keys that are set are judged and edited; nothing is appended.
      for (const block of yamlSysctlBlocks(doc)) {
        const bad = KEEPALIVE_KEYS.flatMap((k) => {
          const entry = lastEntry(block, k.name);
          const value = entry ? intendedInteger(entry) : null;
          return entry && value !== null && value >= (limits[k.name] as number)
            ? [{ ...k, entry, value }]
            : [];
        });
        const first = bad[0];
        if (!first) continue;
        report({
          range: { start: first.entry.valueStart, end: first.entry.valueEnd },
          message: `${bad.map((k) => `${k.entry.key} ${k.value}`).join(', ')}: these sysctls apply to this workload's own network namespace, where keepalive is the fallback for every socket without its own timers, and a middlebox may drop an idle flow after ${m} s. Use ${bad.map((k) => `${k.name.slice('net.ipv4.'.length)} = ${k.canonical}`).join(', ')}.`,
          fix: {
            safety: 'safe',
            description: `Set ${bad.map((k) => `${k.entry.key} to ${k.canonical}`).join(', ')}.`,
            edits: bad.map((k) => ({
              start: k.entry.valueStart,
              end: k.entry.valueEnd,
              text: String(k.canonical),
            })),
          },
        });
      }
      return;
    }
    const file = sysctlFile(doc);
    const scope = tunesTcp(file);
    if (!scope) return;
    const current = KEEPALIVE_KEYS.map((k) => ({ ...k, ...effectiveInteger(file, k.name, k.kernelDefault) }));
    const bad = current.filter((k) => k.value >= (limits[k.name] as number));
    if (bad.length === 0) return;
    const [time, intvl, probes] = current as [(typeof current)[0], (typeof current)[0], (typeof current)[0]];
    const fixed = (k: (typeof current)[0]) => (bad.includes(k) ? k.canonical : k.value);
    const before = time.value + probes.value * intvl.value;
    const after = fixed(time) + fixed(probes) * fixed(intvl);
    const describe = bad
      .map((k) => `${k.name.slice('net.ipv4.'.length)} ${k.value}${k.last ? '' : ' (kernel default)'}`)
      .join(', ');
    const edits: TextEdit[] = bad.flatMap((k) => patchEdits(file, k.name, String(k.canonical)));
    const first = bad.find((k) => k.last)?.last;
    report({
      range: first ? { start: first.valueStart, end: first.valueEnd } : keyRange(scope),
      message: `Kernel keepalive ${describe}: the fallback for every keepalive socket without its own timers (libpq, PgBouncer, PostgreSQL) first probes after ${time.value} s and declares a dead peer after ${before} s, while a middlebox may drop an idle flow after ${m} s. With ${bad.map((k) => `${k.name.slice('net.ipv4.'.length)} = ${k.canonical}`).join(', ')} it is ${after} s.`,
      fix: {
        safety: 'safe',
        description: `Set ${bad.map((k) => `${k.name} = ${k.canonical}`).join(', ')}.`,
        edits,
      },
    });
  },
});
