import { effectiveMiddleboxIdleSeconds } from '../../../../core/environment';
import { defineRule } from '../../../define-rule';
import {
  durationSeconds,
  fieldAssignments,
  goImports,
  goSites,
  pgxMajor,
  timeImportEdit,
} from '../../_lib/go';
import { atLeast, pgxVersion } from '../../_lib/versions';

/** pgconn before v5.6.0 dialed with this keepalive period. */
const OLD_PGX_KEEPALIVE_SECONDS = 300;

export default defineRule({
  id: 'go.pgx.keepalive-weak',
  title: 'pgx TCP keepalive slower than the middlebox idle timeout',
  severity: 'warning',
  formats: ['go'],
  docs: {
    what: 'Reports pgx older than v5.6.0 (from the environment profile, or a `github.com/jackc/pgx/v4` import), whose default dialer sends keepalives every 5 minutes, and a `net.Dialer{KeepAlive: …}` in a pgx / lib/pq file that is negative (off) or longer than the middlebox idle timeout (240 s unless the profile says otherwise).',
    why: "Keepalive probes are what keep an idle pooled connection's flow alive in a NAT gateway or load balancer and what reveal a peer that vanished. Azure's load balancer forgets an idle flow after 4 minutes without telling either side; a 5-minute probe comes too late, and the next query on that connection hangs. pgx v5.6.0 switched to Go's default (15 s).",
    example: {
      before: 'cfg.ConnConfig.DialFunc = (&net.Dialer{KeepAlive: 5 * time.Minute}).DialContext',
      after: 'cfg.ConnConfig.DialFunc = (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext',
    },
    fixSafety:
      "review: a custom dialer's KeepAlive becomes 30 s (one small packet per idle connection every 30 s). For an old pgx there is no edit: upgrade to v5.6.0+, or set `cfg.ConnConfig.DialFunc = (&net.Dialer{KeepAlive: 30 * time.Second, Timeout: 10 * time.Second}).DialContext` (a custom DialFunc also replaces the dial timeout pgx derives from connect_timeout). Debian's pgx v4.15 shows the 5-minute dialer (pgconn `makeDefaultDialer`).",
    sources: [
      'https://github.com/jackc/pgx/pull/1992',
      'https://github.com/jackc/pgconn/blob/master/config.go',
      'https://pkg.go.dev/net#Dialer',
      'https://learn.microsoft.com/azure/load-balancer/load-balancer-tcp-reset',
    ],
  },
  check({ doc, environment, report }) {
    const limit = effectiveMiddleboxIdleSeconds(environment);
    const version = pgxVersion(environment);
    const old = version ? atLeast(version, [5, 6, 0]) === false : pgxMajor(doc) === 4;
    const sites = goSites(doc).filter((s) => s.driver !== 'libpq');
    const customDial = fieldAssignments(doc).some((a) => a.path.at(-1) === 'DialFunc');
    if (old && sites.length > 0 && !customDial && OLD_PGX_KEEPALIVE_SECONDS >= limit) {
      const site = sites[0];
      if (site) {
        report({
          range: { start: site.call.startIndex, end: site.call.endIndex },
          message: `pgx ${version ?? 'v4'} dials with a 5-minute TCP keepalive, longer than the ${limit} s after which a NAT or load balancer may silently forget an idle connection: the next query on it hangs. Upgrade to pgx v5.6.0+ (Go's 15 s default) or give the config a DialFunc from a net.Dialer with KeepAlive: 30 * time.Second.`,
          fix: null,
        });
      }
    }
    const { paths } = goImports(doc);
    const postgresFile =
      sites.length > 0 ||
      [...paths].some((p) => p.startsWith('github.com/jackc/') || p === 'github.com/lib/pq');
    if (!postgresFile) return;
    for (const literal of doc.root.descendantsOfType('composite_literal')) {
      if (!literal || !/^(net\.)?Dialer$/.test(literal.childForFieldName('type')?.text ?? '')) continue;
      for (const element of literal.descendantsOfType('keyed_element')) {
        if (!element || element.parent?.parent?.id !== literal.id) continue;
        const [key, value] = element.namedChildren;
        if (key?.text !== 'KeepAlive' || !value) continue;
        const seconds = durationSeconds(value);
        const valueNode = value.namedChildren[0] ?? value;
        const negative = /^-/.test(valueNode.text.trim());
        if (!negative && (seconds === null || seconds === 0 || seconds <= limit)) continue;
        report({
          range: { start: valueNode.startIndex, end: valueNode.endIndex },
          message: negative
            ? 'This net.Dialer turns TCP keepalive off: an idle connection dropped by a NAT or load balancer, or whose server vanished, is only found when a query hangs on it.'
            : `This net.Dialer probes an idle connection only every ${seconds} s, later than the ${limit} s after which a NAT or load balancer may silently forget it: the next query on it hangs.`,
          fix: {
            safety: 'review',
            description: 'Set KeepAlive to 30 * time.Second.',
            edits: [
              { start: valueNode.startIndex, end: valueNode.endIndex, text: '30 * time.Second' },
              ...(timeImportEdit(doc)
                ? [timeImportEdit(doc) as NonNullable<ReturnType<typeof timeImportEdit>>]
                : []),
            ],
          },
        });
      }
    }
  },
});
