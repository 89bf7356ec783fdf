import { detectEol, lineEndOffset, lineIndent } from '../../../../core/text';
import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { hasVerb, readableDsn, removeParamsEdits } from '../../_lib/dsn';
import {
  fieldAssignments,
  goSites,
  isZeroDuration,
  parseGoDuration,
  pgxMajor,
  timeImportEdit,
} from '../../_lib/go';
import { atLeast, pgxVersion } from '../../_lib/versions';

export default defineRule({
  id: 'go.pgxpool.max-conn-lifetime-disabled',
  title: 'pgxpool connection lifetime switched off',
  severity: 'warning',
  formats: ['go'],
  docs: {
    what: 'Reports `pool_max_conn_lifetime=0` in a pgxpool connection string and `cfg.MaxConnLifetime = 0` on a pgxpool.Config.',
    why: 'pgxpool replaces connections older than MaxConnLifetime (1 h by default). Set to 0, a connection lives as long as the pool: after a failover a connection that reached a node which is alive but no longer the primary keeps failing writes with "cannot execute … in a read-only transaction" (25006), pings keep succeeding, and DNS changes are never picked up. A lifetime bounds that to an hour.',
    example: {
      before: 'cfg.MaxConnLifetime = 0',
      after: 'cfg.MaxConnLifetime = time.Hour\ncfg.MaxConnLifetimeJitter = 5 * time.Minute',
    },
    fixSafety:
      "review: connections are recycled hourly again (a reconnect per connection per hour), which someone may have switched off on purpose. In a DSN the key is removed, so pgxpool's 1 h default returns. On the struct the value becomes `time.Hour`, plus `MaxConnLifetimeJitter = 5 * time.Minute` when pgx v5 is imported and no jitter is set (the field is missing from pgx v4.15, Debian's version, where the fix writes only the hour). Proven on Debian's pgx v4.15 (ParseConfig reads the DSN key, the struct field is honoured).",
    sources: [
      'https://github.com/jackc/pgx/blob/master/pgxpool/pool.go',
      'https://pkg.go.dev/github.com/jackc/pgx/v5/pgxpool#Config',
    ],
  },
  check({ doc, environment, report }) {
    for (const site of goSites(doc)) {
      if (site.driver !== 'pgxpool') continue;
      const dsn = readableDsn(site);
      if (!dsn) continue;
      const zero = dsn.parsed.params.filter(
        (p) => p.key === 'pool_max_conn_lifetime' && !hasVerb(p.value) && parseGoDuration(p.value) === 0,
      );
      if (zero.length === 0) continue;
      report({
        range: { start: dsn.node.startIndex, end: dsn.node.endIndex },
        message: `${site.label}: pool_max_conn_lifetime=${zero[0]?.value} keeps every connection for the life of the pool, so after a failover a connection to a demoted primary (writes fail with 25006) or an old address is never replaced. Without the key pgxpool recycles connections after 1 h.`,
        fix: dsn.editable
          ? {
              safety: 'review',
              description: 'Remove pool_max_conn_lifetime so the 1 h default applies.',
              edits: removeParamsEdits(dsn, zero),
            }
          : null,
      });
    }
    const major = pgxMajor(doc);
    const version = pgxVersion(environment);
    const pools = new Set(
      goSites(doc)
        .filter((s) => s.driver === 'pgxpool' && s.func === 'ParseConfig' && s.variable)
        .map((s) => s.variable),
    );
    const assignments = fieldAssignments(doc);
    for (const a of assignments) {
      if (a.path.length !== 2 || a.path[1] !== 'MaxConnLifetime' || !isZeroDuration(a.value)) continue;
      const cfg = a.path[0] as string;
      if (pools.size > 0 && !pools.has(cfg)) continue;
      const edits: TextEdit[] = [{ start: a.value.startIndex, end: a.value.endIndex, text: 'time.Hour' }];
      const hasJitter = assignments.some((b) => b.path[0] === cfg && b.path[1] === 'MaxConnLifetimeJitter');
      const jitterKnown = (major === 5 && atLeast(version, [5]) !== false) || atLeast(version, [5]) === true;
      if (!hasJitter && jitterKnown) {
        const at = lineEndOffset(doc.text, a.statement.endIndex);
        edits.push({
          start: at,
          end: at,
          text: `${detectEol(doc.text)}${lineIndent(doc.text, a.statement.startIndex)}${cfg}.MaxConnLifetimeJitter = 5 * time.Minute`,
        });
      }
      const imp = timeImportEdit(doc);
      if (imp) edits.push(imp);
      report({
        range: { start: a.statement.startIndex, end: a.statement.endIndex },
        message: `${cfg}.MaxConnLifetime = 0 keeps every connection for the life of the pool, so after a failover a connection to a demoted primary (writes fail with 25006) or an old address is never replaced. pgxpool's default is 1 h.`,
        fix: {
          safety: 'review',
          description: `Set ${cfg}.MaxConnLifetime to time.Hour${edits.length > 1 && !hasJitter && jitterKnown ? ' with 5 min of jitter' : ''}.`,
          edits,
        },
      });
    }
  },
});
