import { defineRule } from '../../define-rule';
import { lastSetting } from '../_lib/conf-patch';
import { MANAGED_KEYS } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { postgresTargets } from '../_lib/target';

const MANAGED_PLATFORMS: Record<string, string> = {
  rds: 'an RDS DB parameter group',
  aurora: 'an Aurora DB (cluster) parameter group',
  cloudsql: 'Cloud SQL database flags',
  azure: 'Azure server parameters',
};

export default defineRule({
  id: 'postgres.include-may-override',
  title: 'PostgreSQL connection settings may be overridden after this file',
  severity: 'info',
  formats: ['postgresql-conf'],
  docs: {
    what: 'Reports an `include`, `include_if_exists` or `include_dir` directive that follows a keepalive or timeout setting this catalog checks, and a postgresql.conf checked for a managed platform (RDS, Aurora, Cloud SQL, Azure), where the file is not what the server reads.',
    why: 'postgresql.conf is last-wins across included files, and postgresql.auto.conf (ALTER SYSTEM) and `-c` command-line options are applied after it. A value that looks right here, or that a fix just wrote, can be replaced by a file the include pulls in, so the running value may differ from what this file shows.',
    example: {
      before: "tcp_keepalives_idle = 60\ninclude_dir = 'conf.d'",
      after: "tcp_keepalives_idle = 60\ninclude_dir = 'conf.d'   # check conf.d and SHOW tcp_keepalives_idle",
    },
    fixSafety:
      "none: advisory only. Check the value the server really uses: `SELECT name, setting, sourcefile, sourceline FROM pg_settings WHERE name LIKE 'tcp%'`.",
    sources: [PG_SOURCES.setting, PG_SOURCES.alterSystem, PG_SOURCES.rdsParameterGroups],
  },
  check(context) {
    const platform = context.environment.platform;
    for (const target of postgresTargets(context)) {
      const conf = target.conf;
      if (!conf) continue;
      for (const include of conf.includes) {
        // Keys whose effective (last) line comes before the include: a later line would win anyway.
        const before = MANAGED_KEYS.flatMap((key) => {
          const last = lastSetting(conf, key);
          return last && last.line.index < include.index ? [last] : [];
        }).sort((a, b) => a.line.index - b.line.index);
        const names = before.map((s) => s.name);
        if (names.length === 0) continue;
        const directive = include.setting;
        context.report({
          range: { start: include.start, end: include.end },
          message:
            `${directive?.name ?? 'include'} ${directive?.raw ?? ''} comes after ${names.join(', ')}: a file it reads may set ${names.length === 1 ? 'it' : 'them'} again, and the last value wins. ${conf.autoConf ? '' : 'postgresql.auto.conf (ALTER SYSTEM) is read after this file and wins over it too, and on a managed service a parameter group decides. '}Check the running values with SHOW or pg_settings (sourcefile, sourceline).`.replace(
              / {2,}/g,
              ' ',
            ),
          fix: null,
        });
      }
      const managed = platform ? MANAGED_PLATFORMS[platform] : undefined;
      if (managed) {
        context.report({
          range: target.anchor,
          message: `On this platform the server's settings come from ${managed}, not from a postgresql.conf you edit: apply these values there (and check them with SHOW). postgresql.auto.conf and include files are not yours to change on a managed service.`,
          fix: null,
        });
      }
    }
  },
});
