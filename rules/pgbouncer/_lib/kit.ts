import type { EnvironmentProfile } from '../../../core/environment';
import type { FixSafety, Severity } from '../../../core/types';
import { defineRule, type Rule, type RuleDocs } from '../../define-rule';
import {
  describeEntries,
  fixAfterHeaderRepair,
  hasMainSection,
  numberOf,
  type PgbConfig,
  patch,
  pgbouncerConfig,
  reportRange,
} from './config';

/** Primary sources the PgBouncer rules cite (reference server-network.md §7). */
export const SRC = {
  config: 'https://www.pgbouncer.org/config.html',
  features: 'https://www.pgbouncer.org/features.html',
  cfparser: 'https://github.com/libusual/libusual/blob/master/usual/cfparser.c',
  main: 'https://github.com/pgbouncer/pgbouncer/blob/master/src/main.c',
  util: 'https://github.com/pgbouncer/pgbouncer/blob/master/src/util.c',
  objects: 'https://github.com/pgbouncer/pgbouncer/blob/master/src/objects.c',
  janitor: 'https://github.com/pgbouncer/pgbouncer/blob/master/src/janitor.c',
  dns: 'https://github.com/pgbouncer/pgbouncer/blob/master/src/dnslookup.c',
  news: 'https://github.com/pgbouncer/pgbouncer/blob/master/NEWS.md',
  i138: 'https://github.com/pgbouncer/pgbouncer/issues/138',
  i383: 'https://github.com/pgbouncer/pgbouncer/issues/383',
  i432: 'https://github.com/pgbouncer/pgbouncer/issues/432',
  i1311: 'https://github.com/pgbouncer/pgbouncer/issues/1311',
  i1355: 'https://github.com/pgbouncer/pgbouncer/issues/1355',
  zalando1928: 'https://github.com/zalando/postgres-operator/issues/1928',
  tcp7: 'https://man7.org/linux/man-pages/man7/tcp.7.html',
  tcpTimer: 'https://github.com/torvalds/linux/blob/master/net/ipv4/tcp_timer.c',
  nlbConn:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#connection-idle-timeout',
  nat: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html',
  azLbReset: 'https://learn.microsoft.com/azure/load-balancer/load-balancer-tcp-reset',
  nfw: 'https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_FlowTimeouts.html',
} as const;

/** The config of a file with a `[pgbouncer]` section; null for fragments (semantic rules stay silent). */
export function mainConfig(doc: Parameters<typeof pgbouncerConfig>[0]): PgbConfig | null {
  const config = pgbouncerConfig(doc);
  return hasMainSection(config) ? config : null;
}

export interface ThresholdContext {
  config: PgbConfig;
  environment: EnvironmentProfile;
  /** The effective value as a number (default when unset); null when unreadable. */
  n: number | null;
  /** Whether the key is set in the file (else the default applies). */
  set: boolean;
}

/**
 * A semantic rule on one key: when `applies`, PATCH the key to `target`. The value is read as
 * repaired (units, words, quotes, inline comments), and an unreadable value is left to the syntax
 * repairs.
 */
export function keyRule(spec: {
  id: string;
  title: string;
  severity?: Severity;
  docs: RuleDocs;
  key: string;
  safety: FixSafety;
  applies(ctx: ThresholdContext & { n: number }): boolean;
  target(ctx: ThresholdContext): string;
  message(ctx: ThresholdContext & { n: number; to: string }): string;
}): Rule {
  return defineRule({
    id: spec.id,
    title: spec.title,
    severity: spec.severity ?? 'warning',
    formats: ['pgbouncer-ini'],
    docs: spec.docs,
    check({ doc, environment, report }) {
      const config = mainConfig(doc);
      if (!config) return;
      const n = numberOf(config, spec.key);
      const set = config.effective.has(spec.key);
      if (n === null) return;
      const ctx = { config, environment, n, set };
      if (!spec.applies(ctx)) return;
      const to = spec.target(ctx);
      const { edits } = patch(config, spec.key, to);
      report({
        range: reportRange(config, spec.key),
        message: spec.message({ ...ctx, to }),
        fix:
          edits.length > 0
            ? fixAfterHeaderRepair(config, spec.safety, `Set ${describeEntries([[spec.key, to]])}.`, edits)
            : null,
      });
    },
  });
}

/** `server_login_retry = 15 (the default)` or `server_login_retry = 30` for messages. */
export function shown(key: string, ctx: ThresholdContext): string {
  return ctx.set ? `${key} = ${ctx.n}` : `${key} is unset (default ${ctx.n})`;
}
