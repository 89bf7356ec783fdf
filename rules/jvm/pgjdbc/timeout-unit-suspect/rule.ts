import { defineRule } from '../../../define-rule';
import { pgSeconds, pgSetting, pgTargets, setPgValueEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

/** Seconds from which a pgJDBC timeout was almost certainly written in milliseconds. */
const SUSPECT: ReadonlyArray<[string, number]> = [
  ['socketTimeout', 3600],
  ['connectTimeout', 300],
  ['loginTimeout', 300],
  ['cancelSignalTimeout', 300],
];

export default defineRule({
  id: 'jvm.pgjdbc.timeout-unit-suspect',
  title: 'pgJDBC timeout that looks like milliseconds',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports pgJDBC timeouts large enough to have been written in milliseconds: socketTimeout of 3600 or more, connectTimeout, loginTimeout or cancelSignalTimeout of 300 or more.',
    why: 'pgJDBC reads these in seconds while HikariCP and most pools use milliseconds, so `socketTimeout=30000` means 8.3 hours: a read on a dead connection is effectively never interrupted.',
    example: {
      before: 'jdbc:postgresql://db/app?socketTimeout=30000',
      after: 'jdbc:postgresql://db/app?socketTimeout=30',
    },
    fixSafety:
      'review: proposes the value divided by 1000, assuming it was meant in milliseconds; if an hour-long limit is really intended, keep it.',
    sources: [SOURCES.pgUse, SOURCES.pgProperty],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      for (const [name, limit] of SUSPECT) {
        const setting = pgSetting(target, name);
        const value = pgSeconds(setting);
        if (!setting || value === null || value < limit) continue;
        const seconds = Math.max(1, Math.round(value / 1000));
        const edit = setPgValueEdit(setting, String(seconds));
        report({
          range: setting.range,
          message: `${name}=${value} is in seconds for pgJDBC: ${(value / 3600).toFixed(1)} hours. If milliseconds were meant, write ${seconds}.`,
          fix: edit ? { safety: 'review', description: `Set ${name} to ${seconds}.`, edits: [edit] } : null,
        });
      }
    }
  },
});
