import { defineRule } from '../../define-rule';
import { PG_SOURCES } from '../_lib/sources';
import { lineOf, type PgSetting, postgresTargets } from '../_lib/target';

export default defineRule({
  id: 'postgres.duplicate-key',
  title: 'PostgreSQL setting given more than once',
  severity: 'info',
  formats: ['postgresql-conf', 'yaml', 'shell'],
  docs: {
    what: 'Reports a setting that appears more than once in one postgresql.conf, or more than once among the `-c` flags of one server command line.',
    why: 'PostgreSQL keeps the last occurrence and silently ignores the earlier ones, so someone reading the first line (or editing it) is misled: the value they see is not the value the server runs with. Fixes from staleproof edit the last occurrence for the same reason.',
    example: {
      before: 'tcp_keepalives_idle = 600\n…\ntcp_keepalives_idle = 7200   # set by ops',
      after: '…\ntcp_keepalives_idle = 60   # set by ops',
    },
    fixSafety:
      'none: advisory only. Which occurrence should stay is a human decision; removing the dead lines changes nothing at run time.',
    sources: [PG_SOURCES.setting, PG_SOURCES.gucFile],
  },
  check(context) {
    for (const target of postgresTargets(context)) {
      const byKey = new Map<string, PgSetting[]>();
      for (const s of target.settings) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
      for (const [, all] of byKey) {
        if (all.length < 2) continue;
        const first = all[0] as PgSetting;
        const last = all[all.length - 1] as PgSetting;
        const lines = all.map((s) => lineOf(context.text, s.range.start));
        context.report({
          range: first.range,
          message: `In ${target.label}, ${first.name} is set ${all.length} times (lines ${lines.join(', ')}); only the last one (line ${lineOf(context.text, last.range.start)}) takes effect, the earlier ones are dead text.`,
          fix: null,
        });
      }
    }
  },
});
