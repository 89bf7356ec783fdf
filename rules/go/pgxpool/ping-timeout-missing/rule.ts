import { defineRule } from '../../../define-rule';
import {
  callArguments,
  fieldAssignments,
  goSites,
  insertBefore,
  pgxMajor,
  timeImportEdit,
} from '../../_lib/go';
import { atLeast, pgxVersion } from '../../_lib/versions';

export default defineRule({
  id: 'go.pgxpool.ping-timeout-missing',
  title: 'pgxpool acquire ping without its own timeout',
  severity: 'warning',
  formats: ['go'],
  docs: {
    what: 'Reports pgx v5 pools whose config sets no `PingTimeout`: `pgxpool.NewWithConfig(ctx, cfg)` with `cfg` from `pgxpool.ParseConfig` (fixed when the environment says pgx ≥ v5.8.0), and `pgxpool.New(ctx, dsn)` (advice only: the field needs a config).',
    why: "Since v5.0.0 pgxpool pings a connection that sat idle for more than a second before handing it out. The ping runs under the caller's context: on a connection whose peer vanished without a reset (failover, NAT drop) it blocks until that context ends or the kernel gives up on the unacknowledged packet (about 15 minutes on Linux), and Acquire may try several dead connections in turn. `PingTimeout` (v5.8.0+) bounds each ping, so a dead connection is dropped after 5 s and the next one is tried.",
    example: {
      before: 'pool, err := pgxpool.NewWithConfig(ctx, cfg)',
      after: 'cfg.PingTimeout = 5 * time.Second\npool, err := pgxpool.NewWithConfig(ctx, cfg)',
    },
    fixSafety:
      "review: a live but very slow server (a ping slower than 5 s) loses connections it would have kept. Written only when the environment profile gives pgx ≥ 5.8.0: the field does not exist before, and a `pool_ping_timeout` DSN key is not a substitute (unreleased as of v5.10.0; older versions send it to the server, which refuses the connection). Not shown by Debian's pgx v4.15, whose Acquire never pings: the rule stays silent on pgx v4.",
    sources: [
      'https://github.com/jackc/pgx/blob/master/pgxpool/pool.go',
      'https://github.com/jackc/pgx/issues/2394',
      'https://github.com/jackc/pgx/pull/2393',
      'https://github.com/jackc/pgx/blob/master/CHANGELOG.md',
    ],
  },
  check({ doc, environment, report }) {
    const version = pgxVersion(environment);
    const major = version ? Number.parseInt(version.replace(/^v/, ''), 10) : pgxMajor(doc);
    if (major !== 5) return;
    const supported = atLeast(version, [5, 8, 0]);
    if (supported === false) return;
    const sites = goSites(doc).filter((s) => s.driver === 'pgxpool');
    const configs = new Set(
      sites.filter((s) => s.func === 'ParseConfig' && s.variable).map((s) => s.variable),
    );
    const assigned = new Set(
      fieldAssignments(doc)
        .filter((a) => a.path.length === 2 && a.path[1] === 'PingTimeout')
        .map((a) => a.path[0]),
    );
    for (const call of doc.root.descendantsOfType('call_expression')) {
      const fn = call?.childForFieldName('function');
      if (
        !call ||
        fn?.type !== 'selector_expression' ||
        fn.childForFieldName('field')?.text !== 'NewWithConfig'
      )
        continue;
      if (!/pgxpool$/.test(fn.childForFieldName('operand')?.text ?? '')) continue;
      const cfg = callArguments(call)[1];
      if (cfg?.type !== 'identifier' || !configs.has(cfg.text) || assigned.has(cfg.text)) continue;
      let statement = call;
      while (
        statement.parent &&
        statement.parent.type !== 'statement_list' &&
        statement.parent.type !== 'block'
      )
        statement = statement.parent;
      const message = `${cfg.text} sets no PingTimeout: pgxpool pings a connection idle for over 1 s before handing it out, under the caller's context, so a connection whose peer vanished silently blocks Acquire until that context ends or TCP gives up (about 15 min).`;
      if (supported !== true) {
        report({
          range: { start: call.startIndex, end: call.endIndex },
          severity: 'info',
          message: `${message} With pgx v5.8.0 or later, set ${cfg.text}.PingTimeout = 5 * time.Second (tell staleproof the version: --env pgx=5.8.0).`,
          fix: null,
        });
        continue;
      }
      const edits = [insertBefore(doc, statement, [`${cfg.text}.PingTimeout = 5 * time.Second`])];
      const imp = timeImportEdit(doc);
      if (imp) edits.push(imp);
      report({
        range: { start: call.startIndex, end: call.endIndex },
        message,
        fix: {
          safety: 'review',
          description: `Set ${cfg.text}.PingTimeout = 5 * time.Second before creating the pool.`,
          edits,
        },
      });
    }
    for (const site of sites) {
      if (site.func !== 'New') continue;
      report({
        range: { start: site.call.startIndex, end: site.call.endIndex },
        severity: 'info',
        message: `${site.label} builds its config from the string alone, so it has no PingTimeout: the acquire ping on a silently dead connection blocks until the caller's context ends. To bound it, parse with pgxpool.ParseConfig, set cfg.PingTimeout = 5 * time.Second (pgx ≥ v5.8.0) and call pgxpool.NewWithConfig; a pool_ping_timeout key is not read by any release up to v5.10.0.`,
        fix: null,
      });
    }
  },
});
