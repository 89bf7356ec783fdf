import { defineRule } from '../../../define-rule';
import { versionAtLeast } from '../../_lib/constants';
import { nested, sequelizeSites } from '../../_lib/orm';
import { valueKind } from '../../_lib/syntax';

/** node-postgres and libpq keys that Sequelize v6 never copies from dialectOptions to the Client. */
const NEVER: Record<string, string> = {
  keepAliveInitialDelayMillis: 'the keepalive delay cannot be set in v6; keep pool.idle short instead',
  idleTimeoutMillis: 'use pool.idle',
  max: 'use pool.max',
  min: 'use pool.min',
  maxLifetimeSeconds: 'v6 has no lifetime; pool.maxUses bounds reuse',
  maxUses: 'use pool.maxUses',
  allowExitOnIdle: 'not a Client option',
  keepalives: 'a libpq name; node-postgres reads keepAlive',
  keepalives_idle: 'a libpq name, and the delay cannot be set in v6',
  connect_timeout: 'a libpq name; connectionTimeoutMillis (6.37.0+) is forwarded',
  connectTimeout: 'not a node-postgres name; connectionTimeoutMillis (6.37.0+) is forwarded',
};
/** Forwarded only since a version. */
const SINCE: Record<string, number[]> = {
  connectionTimeoutMillis: [6, 37, 0],
  query_timeout: [6, 8, 0],
  lock_timeout: [6, 26, 0],
  idle_in_transaction_session_timeout: [6, 1, 0],
};

export default defineRule({
  id: 'js.sequelize.unforwarded-dialect-option',
  title: 'Sequelize v6 drops this dialectOptions key',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports `dialectOptions` keys of a Sequelize v6 PostgreSQL instance that Sequelize never passes to node-postgres (`keepAliveInitialDelayMillis`, `idleTimeoutMillis`, `max`, `maxLifetimeSeconds`, libpq names such as `keepalives_idle`), keys passed only by newer releases (`connectionTimeoutMillis` 6.37.0, `query_timeout` 6.8.0, `lock_timeout` 6.26.0), and `keepAlive: true`, which works but with the operating system's 2-hour first probe.",
    why: 'Sequelize v6 builds each node-postgres Client from a fixed list of `dialectOptions` keys and silently ignores the rest, so these settings look like protection against dead connections but change nothing. In particular the keepalive delay cannot be set in v6: `keepAlive: true` alone waits two hours (Linux default) before the first probe, long after a load balancer dropped the idle flow. What does work in v6 is closing idle connections early (`pool.min: 0`, a short `pool.idle`, see js.sequelize.pool-keeps-stale-conns). Sequelize v7 (`@sequelize/postgres`) accepts `keepAliveInitialDelayMillis`.',
    example: {
      before:
        "new Sequelize(url, { dialect: 'postgres', dialectOptions: { keepAlive: true, keepAliveInitialDelayMillis: 10000 } });",
      after:
        "new Sequelize(url, { dialect: 'postgres', dialectOptions: { keepAlive: true }, pool: { min: 0, idle: 10000 } });",
    },
    fixSafety:
      'none: the keys are reported as no-ops and left in place (removing them changes nothing at run time, and they may document intent for an upgrade to v7). Version-gated keys are reported only when the Sequelize version in the environment profile is older, or unknown (then as information).',
    sources: [
      'https://github.com/sequelize/sequelize/blob/v6/src/dialects/postgres/connection-manager.js',
      'https://github.com/sequelize/sequelize/blob/main/packages/postgres/src/connection-manager.ts',
      'https://nodejs.org/api/net.html#socketsetkeepaliveenable-initialdelay',
    ],
  },
  check({ doc, format, environment, report }) {
    const version = environment.versions?.sequelize;
    if (version && versionAtLeast(version, [7]) === true) return;
    for (const site of sequelizeSites(doc, format)) {
      if (!site.options) continue;
      const dialect = nested(doc, format, site.options, 'dialectOptions');
      if (!dialect.view) continue;
      for (const [key, property] of dialect.view.properties) {
        const range = { start: property.member.node.startIndex, end: property.member.node.endIndex };
        const never = NEVER[key];
        if (never) {
          report({
            range,
            message: `${site.label}: Sequelize v6 does not pass dialectOptions.${key} to node-postgres, so it has no effect (${never}).`,
            fix: null,
          });
          continue;
        }
        const since = SINCE[key];
        if (since) {
          const ok = versionAtLeast(version, since);
          if (ok === true) continue;
          report({
            range,
            severity: ok === null ? 'info' : undefined,
            message: `${site.label}: Sequelize passes dialectOptions.${key} to node-postgres only since ${since.join('.')}${ok === null ? '; with an older release it has no effect (set the version in the environment profile to check)' : `, so with ${version} it has no effect: upgrade Sequelize`}.`,
            fix: null,
          });
          continue;
        }
        if (key === 'keepAlive') {
          const v = valueKind(doc, property.value);
          if (v.kind !== 'boolean' || !v.value) continue;
          report({
            range,
            severity: 'info',
            message: `${site.label}: dialectOptions.keepAlive: true turns TCP keepalive on, but Sequelize v6 cannot pass a delay, so the first probe comes after the OS default (2 hours on Linux), long after a load balancer or NAT dropped an idle flow. Keep pool.min at 0 and pool.idle short so idle connections close first.`,
            fix: null,
          });
        }
      }
    }
  },
});
