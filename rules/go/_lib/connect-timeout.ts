import { CANONICAL } from '../../../core/canonical';
import type { RuleContext } from '../../define-rule';
import { appendParamEdit, hasVerb, overTcp, param, readableDsn, replaceValueEdit } from './dsn';
import { fieldAssignments, type GoDriver, goSites } from './go';

/** Reports pgx / lib/pq connection strings without a positive `connect_timeout`. */
export function checkConnectTimeout(context: RuleContext, drivers: readonly GoDriver[]): void {
  const { doc, report } = context;
  const seconds = CANONICAL.connectTimeoutSeconds;
  const assigned = fieldAssignments(doc).filter((a) => a.path.at(-1) === 'ConnectTimeout');
  for (const site of goSites(doc)) {
    if (!drivers.includes(site.driver) || !site.dsn) continue;
    // `cfg.ConnConfig.ConnectTimeout = …` (pgxpool) or `cfg.ConnectTimeout = …` (pgx) after ParseConfig.
    if (site.variable && assigned.some((a) => a.path[0] === site.variable)) continue;
    const who = site.driver === 'libpq' ? 'lib/pq' : 'pgx';
    const worst =
      site.driver === 'pgxpool'
        ? "a pool connect to a silent host hangs for as long as the caller's context allows (background connects: 2 min)"
        : site.databaseSql
          ? "database/sql opens connections outside the query's context, so a connect to a silent host hangs until the kernel gives up (about 2 min of SYN retries)"
          : 'a connect to a silent host hangs for as long as the context allows, or until the kernel gives up';
    if (site.dsn.kind === 'env') {
      if (site.driver === 'libpq') continue; // lib/pq: nothing but the DSN can set it; said once in the docs
      report({
        range: { start: site.dsn.node.startIndex, end: site.dsn.node.endIndex },
        severity: 'info',
        message: `${site.label} takes its connection string from ${site.dsn.name}, and no ConnectTimeout is set in this file: unless that string has connect_timeout, ${worst}. Add connect_timeout=${seconds} to ${site.dsn.name} or set the config's ConnectTimeout.`,
        fix: null,
      });
      continue;
    }
    const dsn = readableDsn(site);
    if (!dsn || !overTcp(dsn)) continue;
    const existing = param(dsn, 'connect_timeout');
    if (existing && (hasVerb(existing.value) || Number(existing.value) > 0)) continue;
    const edit = existing
      ? replaceValueEdit(dsn, existing, String(seconds))
      : appendParamEdit(dsn, 'connect_timeout', String(seconds));
    report({
      range: { start: dsn.node.startIndex, end: dsn.node.endIndex },
      message: `${site.label}: ${existing ? 'connect_timeout=0 means no timeout' : `the connection string has no connect_timeout, and ${who} sets none by default`}, so ${worst}. connect_timeout=${seconds} bounds each connection attempt.`,
      fix: dsn.editable
        ? {
            safety: 'safe',
            description: `Set connect_timeout=${seconds} in the connection string.`,
            edits: [edit],
          }
        : null,
    });
  }
}
