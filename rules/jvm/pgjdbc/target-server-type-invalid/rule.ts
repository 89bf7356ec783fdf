import { defineRule } from '../../../define-rule';
import { pgSetting, pgTargets, setPgValueEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';
import { atLeast } from '../../_lib/versions';

const VALID = [
  'any',
  'primary',
  'secondary',
  'preferSecondary',
  'preferPrimary',
  'master',
  'slave',
  'preferSlave',
];

export default defineRule({
  id: 'jvm.pgjdbc.target-server-type-invalid',
  title: 'pgJDBC targetServerType value pgJDBC rejects',
  severity: 'error',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports a `targetServerType` that is not exactly one of any, primary, secondary, preferSecondary, preferPrimary, master, slave, preferSlave (e.g. `Primary`), or that the stated pgJDBC version does not know yet (`primary` before 42.2.11, `preferPrimary` before 42.3.5).',
    why: 'pgJDBC matches the value case-sensitively (HostRequirement.valueOf); any other spelling makes every connection attempt fail with 08001 "Invalid targetServerType value", so the pool never starts.',
    example: {
      before: 'jdbc:postgresql://pg1,pg2/app?targetServerType=Primary',
      after: 'jdbc:postgresql://pg1,pg2/app?targetServerType=primary',
    },
    fixSafety:
      'safe: fixes the case of a known value (`Primary` → `primary`); with a stated pgJDBC older than 42.2.11 `primary` becomes `master`, its older name. Unknown words and `preferPrimary` on versions without it are reported without an edit: there is no equivalent to write.',
    sources: [SOURCES.pgHostRequirement, SOURCES.pgUse],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      const setting = pgSetting(target, 'targetServerType');
      const value = setting?.value?.trim();
      if (!setting || !value) continue;
      const exact = VALID.find((v) => v.toLowerCase() === value.toLowerCase());
      const primaryKnown = atLeast(target.version, '42.2.11');
      const preferKnown = atLeast(target.version, '42.3.5');
      let fixed: string | null = exact ?? null;
      if (fixed === 'primary' && primaryKnown === false) fixed = 'master';
      if (fixed === 'preferPrimary' && preferKnown === false) fixed = null;
      if (fixed === value) continue;
      if (exact === 'preferPrimary' && preferKnown === false) {
        report({
          range: setting.range,
          message: `targetServerType=preferPrimary needs pgJDBC 42.3.5 or later (${target.version.source}): older drivers reject it and every connection fails with 08001 "Invalid targetServerType value". Upgrade pgJDBC.`,
          fix: null,
        });
        continue;
      }
      const edit = fixed ? setPgValueEdit(setting, fixed) : null;
      report({
        range: setting.range,
        message: fixed
          ? `targetServerType=${value} is rejected by pgJDBC${exact === value ? ` ${target.version.source ? `(${target.version.source})` : ''}` : ' (the value is case-sensitive)'}: every connection fails with 08001 "Invalid targetServerType value". Write ${fixed}.`
          : `targetServerType=${value} is not a value pgJDBC knows (any, primary, secondary, preferSecondary, preferPrimary): every connection fails with 08001 "Invalid targetServerType value".`,
        fix:
          edit && fixed
            ? { safety: 'safe', description: `Set targetServerType to ${fixed}.`, edits: [edit] }
            : null,
      });
    }
  },
});
