import { defineRule } from '../../define-rule';
import { effectiveInteger, settingsOf, sysctlFile } from '../_lib/sysctl';

export const CONNTRACK_KEYS = [
  'net.netfilter.nf_conntrack_tcp_timeout_established',
  'net.ipv4.netfilter.ip_conntrack_tcp_timeout_established',
] as const;

export default defineRule({
  id: 'linux.conntrack-below-keepalive',
  title: 'Conntrack forgets established TCP flows before the first keepalive probe',
  severity: 'info',
  formats: ['sysctl'],
  optIn: true,
  docs: {
    what: "An opt-in advisory: the file sets `net.netfilter.nf_conntrack_tcp_timeout_established` (or the legacy `net.ipv4.netfilter.ip_conntrack_tcp_timeout_established`) below the effective `net.ipv4.tcp_keepalive_time` (the file's value, else the kernel default 7200 s).",
    why: 'On a host that NATs or filters connections with conntrack (Docker, kube-proxy, a NAT gateway on Linux), an established flow that stays idle longer than this timeout is forgotten. When the first keepalive probe comes later, the flow is already gone: the probe or the next query is dropped or reset, and an idle pooled database connection dies silently.',
    example: {
      before: 'net.netfilter.nf_conntrack_tcp_timeout_established = 600\nnet.ipv4.tcp_keepalive_time = 7200',
      after: 'net.netfilter.nf_conntrack_tcp_timeout_established = 600\nnet.ipv4.tcp_keepalive_time = 60',
    },
    fixSafety:
      'none: an advisory. Lower the keepalive time (here, or per socket in the client) below the conntrack timeout rather than raising the timeout, which costs conntrack table space.',
    sources: [
      'https://docs.kernel.org/networking/nf_conntrack-sysctl.html',
      'https://docs.kernel.org/networking/ip-sysctl.html',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-proxy/',
    ],
  },
  check({ doc, report }) {
    const file = sysctlFile(doc);
    const keepalive = effectiveInteger(file, 'net.ipv4.tcp_keepalive_time', 7200).value;
    for (const name of CONNTRACK_KEYS) {
      if (settingsOf(file, name).length === 0) continue;
      const { value, setting } = effectiveInteger(file, name, 432000);
      if (!setting || value >= keepalive) continue;
      report({
        range: { start: setting.valueStart, end: setting.valueEnd },
        message: `${setting.key} = ${value} s is below the keepalive time ${keepalive} s: an idle NATed or filtered flow is forgotten before its first keepalive probe, so the connection dies silently. Keep the keepalive time (here or per socket) below ${value} s.`,
        fix: null,
      });
    }
  },
});
