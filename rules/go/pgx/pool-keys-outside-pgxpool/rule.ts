import type { Param } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { hasVerb, readableDsn, removeParamsEdits } from '../../_lib/dsn';
import {
  afterStatement,
  type GoSite,
  goDurationExpr,
  goSites,
  insertLines,
  methodCalls,
  parseGoDuration,
  timeImportEdit,
} from '../../_lib/go';
import { atLeast, pgxVersion } from '../../_lib/versions';

/** pgxpool's own DSN keys and the pgx version that first reads each (`null`: every version). */
const POOL_KEYS: Record<string, readonly number[] | null> = {
  pool_max_conns: null,
  pool_min_conns: null,
  pool_max_conn_lifetime: null,
  pool_max_conn_idle_time: null,
  pool_health_check_period: null,
  // Absent from v4.15.0 (Debian's); present in v4.18.3 and v5.
  pool_max_conn_lifetime_jitter: [4, 16],
  pool_min_idle_conns: [5, 7, 3],
};

/** Keys no released pgxpool reads (`pool_ping_timeout` is on master after v5.10.0). */
const UNRELEASED: Record<string, readonly number[]> = { pool_ping_timeout: [5, 11] };

/** What a removed key becomes on a `*sql.DB`. */
const SETTERS: Record<string, string> = {
  pool_max_conns: 'SetMaxOpenConns',
  pool_max_conn_idle_time: 'SetConnMaxIdleTime',
  pool_max_conn_lifetime: 'SetConnMaxLifetime',
};

function forwarded(site: GoSite, key: string, version: string | undefined): boolean {
  if (!key.startsWith('pool_')) return false;
  if (site.driver !== 'pgxpool') return true;
  const unreleased = UNRELEASED[key];
  if (unreleased) return atLeast(version, unreleased) !== true;
  if (!(key in POOL_KEYS)) return true;
  const since = POOL_KEYS[key];
  return since ? atLeast(version, since) === false : false;
}

function setterLine(site: GoSite, p: Param): { line: string; duration: boolean } | null {
  const setter = SETTERS[p.key];
  if (!setter || hasVerb(p.value)) return null;
  if (p.key === 'pool_max_conns') {
    return /^\d+$/.test(p.value) && Number(p.value) > 0
      ? { line: `${site.variable}.${setter}(${p.value})`, duration: false }
      : null;
  }
  const seconds = parseGoDuration(p.value);
  if (seconds === null || seconds <= 0) return null;
  return { line: `${site.variable}.${setter}(${goDurationExpr(seconds)})`, duration: true };
}

export default defineRule({
  id: 'go.pgx.pool-keys-outside-pgxpool',
  title: 'pgxpool key in a DSN that sends it to the server',
  severity: 'error',
  formats: ['go'],
  docs: {
    what: 'Reports `pool_*` keys in a connection string given to something other than pgxpool: `pgx.Connect`, `pgx.ParseConfig`, `sql.Open("pgx", …)` (pgx stdlib) or `sql.Open("postgres", …)` (lib/pq); and, even for pgxpool, keys the pgxpool version in use does not read yet (`pool_ping_timeout` in every release up to v5.10.0, `pool_min_idle_conns` before v5.7.3, `pool_max_conn_lifetime_jitter` in v4.15 and older).',
    why: 'pgx and lib/pq send every key they do not know to PostgreSQL as a session setting in the startup packet. The server answers `unrecognized configuration parameter "pool_max_conns"` (SQLSTATE 42704) and refuses the connection, so every connect fails, including the reconnect after a failover. Only pgxpool.ParseConfig takes its own `pool_*` keys out before connecting.',
    example: {
      before:
        'db, err := sql.Open("pgx", "postgres://app@db/app?pool_max_conns=10")\nif err != nil {\n\treturn err\n}',
      after:
        'db, err := sql.Open("pgx", "postgres://app@db/app")\nif err != nil {\n\treturn err\n}\ndb.SetMaxOpenConns(10)',
    },
    fixSafety:
      'safe: the connection cannot work with the key in it. On a `*sql.DB` held in a variable, `pool_max_conns`, `pool_max_conn_lifetime` and `pool_max_conn_idle_time` become `SetMaxOpenConns`, `SetConnMaxLifetime` and `SetConnMaxIdleTime` after the error check (adding the "time" import); other pool keys have no database/sql equivalent and are dropped. `pool_ping_timeout` is dropped: on pgx v5.8.0+ set `cfg.PingTimeout` on the pgxpool.Config instead. Proven on Debian\'s pgx v4.15 and lib/pq 1.10.7; the version limits for v5 come from the pgx source and changelog.',
    sources: [
      'https://github.com/jackc/pgx/blob/master/pgconn/config.go',
      'https://github.com/jackc/pgx/blob/master/pgxpool/pool.go',
      'https://github.com/lib/pq/blob/master/conn.go',
      'https://github.com/dosco/graphjin/issues/454',
      'https://github.com/oasisprotocol/nexus/issues/962',
      'https://pkg.go.dev/database/sql#DB.SetConnMaxIdleTime',
    ],
  },
  check({ doc, environment, report }) {
    const version = pgxVersion(environment);
    for (const site of goSites(doc)) {
      const dsn = readableDsn(site);
      if (!dsn) continue;
      const bad = dsn.parsed.params.filter((p) => forwarded(site, p.key, version));
      if (bad.length === 0) continue;
      const keys = [...new Set(bad.map((p) => p.key))].join(', ');
      const target =
        site.driver === 'pgxpool'
          ? `this pgxpool version does not read ${bad.length > 1 ? 'them' : 'it'}`
          : site.driver === 'libpq'
            ? 'lib/pq has no pool settings'
            : `${site.label} is not pgxpool`;
      const editable = dsn.editable && !bad.some((p) => hasVerb(p.value));
      const edits = editable ? removeParamsEdits(dsn, bad) : [];
      const lines: string[] = [];
      let needsTime = false;
      if (site.databaseSql && site.variable && site.statement && editable) {
        for (const p of bad) {
          const setter = SETTERS[p.key];
          if (!setter) continue;
          if (methodCalls(doc, setter).some((c) => c.recv === site.variable)) continue;
          const line = setterLine(site, p);
          if (!line) continue;
          lines.push(line.line);
          needsTime ||= line.duration;
        }
        if (lines.length > 0) {
          const { at, indent } = afterStatement(doc, site.statement);
          edits.push(insertLines(doc, at, indent, lines));
          const imp = needsTime ? timeImportEdit(doc) : null;
          if (imp) edits.push(imp);
        }
      }
      report({
        range: { start: dsn.node.startIndex, end: dsn.node.endIndex },
        message: `${site.label} gets ${keys} in its connection string, but ${target}: pgx and lib/pq send unknown keys to PostgreSQL as session settings, and the server rejects every connection with "unrecognized configuration parameter" (SQLSTATE 42704).${lines.length ? ` Moved to ${lines.map((l) => l.replace(/^\w+\./, '').replace(/\(.*$/, '')).join(', ')} on the *sql.DB.` : ''}${bad.some((p) => p.key === 'pool_ping_timeout') ? ' For pgxpool v5.8.0+ set cfg.PingTimeout on the config instead.' : ''}`,
        fix: editable
          ? {
              safety: 'safe',
              description: `Remove ${keys} from the connection string${lines.length ? ` and call ${lines.join(', ')}` : ''}.`,
              edits,
            }
          : null,
      });
    }
  },
});
