import { defineRule } from '../../define-rule';
import { sysctlFile } from '../_lib/sysctl';

/** Keys that are per network namespace, so a pod or container with its own namespace never sees them. */
export const PER_NETNS_KEYS: ReadonlySet<string> = new Set([
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_retries2',
]);

export default defineRule({
  id: 'linux.container-netns',
  title: 'Host TCP sysctls do not reach containers with their own network namespace',
  severity: 'info',
  formats: ['sysctl'],
  optIn: true,
  docs: {
    what: 'An opt-in advisory on a host sysctl file that sets TCP keepalive or `tcp_retries2` keys: these are per network namespace, so they reach processes on the host network only.',
    why: "On current kernels these knobs live in each network namespace (the keepalive ones since Linux 4.5), and a new namespace starts from the kernel defaults (7200 / 75 / 9, 15), not from the host's values. An application or PgBouncer running in a Kubernetes pod or a Docker container with its own network keeps the 2-hour keepalive and the 15-minute retransmission give-up however the node is tuned.",
    example: {
      before: 'net.ipv4.tcp_keepalive_time = 60   # on the node',
      after:
        'securityContext:\n  sysctls:\n    - name: net.ipv4.tcp_keepalive_time\n      value: "60"   # in the pod spec',
    },
    fixSafety:
      "none: an advisory. Set the timers per socket in the client (libpq `keepalives_idle`, `tcp_user_timeout`; PgBouncer `tcp_keepidle`, `tcp_user_timeout`), or set the sysctls in the pod (`securityContext.sysctls`; the three keepalive keys are in Kubernetes' safe set since 1.29, `tcp_retries2` needs the kubelet's `--allowed-unsafe-sysctls`) or the compose service (`sysctls:`), where they do apply to that namespace.",
    sources: [
      'https://github.com/torvalds/linux/commit/13b287e8d1cad951634389f85b8c9b816bd3bb1e',
      'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
      'https://kubernetes.io/docs/reference/node/kernel-version-requirements/',
      'https://github.com/kubernetes/kubernetes/pull/118846',
      'https://docs.docker.com/reference/compose-file/services/#sysctls',
    ],
  },
  check({ doc, report }) {
    const file = sysctlFile(doc);
    const first = file.settings.find((s) => PER_NETNS_KEYS.has(s.name));
    if (!first) return;
    report({
      range: { start: first.keyStart, end: first.keyEnd },
      message: `${first.key} and the other TCP keepalive / retries keys here are per network namespace: they apply to processes on the host network only. Pods and containers with their own network namespace start from the kernel defaults (keepalive 7200 / 75 / 9, tcp_retries2 15); set the timers per socket in the client, or as pod / compose sysctls.`,
      fix: null,
    });
  },
});
