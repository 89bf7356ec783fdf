import { defineRule } from '../../../define-rule';
import { optionsSettingMs, pgSeconds, pgSetting, pgTargets, setPgValueEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.pgjdbc.socket-timeout-below-statement-timeout',
  title: 'pgJDBC socketTimeout not above the server statement_timeout',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports pgJDBC connections that pass `statement_timeout` in the `options` property (`options=-c%20statement_timeout=60000`) and set a `socketTimeout` (seconds) that is not above it.',
    why: 'The server should cancel a slow statement first: that gives a clean 57014 error and the connection stays usable. When socketTimeout fires first, pgJDBC closes the connection with 08006, the pool loses it, and the backend keeps running the query it can no longer report.',
    example: {
      before: 'jdbc:postgresql://db/app?options=-c%20statement_timeout=60000&socketTimeout=30',
      after: 'jdbc:postgresql://db/app?options=-c%20statement_timeout=60000&socketTimeout=75',
    },
    fixSafety:
      'review: proposes statement_timeout in seconds + 15; a longer socket timeout means a dead server is noticed later for statements in flight, which is a trade-off to accept knowingly.',
    sources: [SOURCES.pgUse, SOURCES.pgStatementTimeout],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      const statement = optionsSettingMs(target, 'statement_timeout');
      const setting = pgSetting(target, 'socketTimeout');
      const socket = pgSeconds(setting);
      if (!statement || !setting || !socket || socket * 1000 > statement) continue;
      const value = Math.ceil(statement / 1000) + 15;
      const edit = setPgValueEdit(setting, String(value));
      report({
        range: setting.range,
        message: `socketTimeout=${socket} s fires before the server's statement_timeout (${statement} ms): a slow statement then kills the connection (08006) instead of being cancelled cleanly by the server (57014), and the backend keeps running it. ${value} s lets the server answer first.`,
        fix: edit ? { safety: 'review', description: `Set socketTimeout to ${value}.`, edits: [edit] } : null,
      });
    }
  },
});
