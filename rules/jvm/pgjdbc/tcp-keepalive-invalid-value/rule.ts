import { defineRule } from '../../../define-rule';
import { pgSetting, pgTargets, setPgValueEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';
import { YES_WORDS } from '../tcp-keepalive-missing/rule';

export default defineRule({
  id: 'jvm.pgjdbc.tcp-keepalive-invalid-value',
  title: 'pgJDBC tcpKeepAlive written as yes / 1 / on',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports a pgJDBC `tcpKeepAlive` whose value means yes to a person but not to Java: `1`, `yes`, `on`, `y`, in the URL or a driver-property map. (`0`, `no`, `off` and other non-`true` values are reported by jvm.pgjdbc.tcp-keepalive-missing.)',
    why: 'pgJDBC reads the property with Boolean.parseBoolean, which is true only for the word `true` (any case). `tcpKeepAlive=yes` therefore leaves keepalive off, silently, while the config looks right.',
    example: {
      before: 'dataSource.tcpKeepAlive=yes',
      after: 'dataSource.tcpKeepAlive=true',
    },
    fixSafety:
      'safe: writes `true` in the same place, which is what the value meant; the only change is that TCP keepalive probes are actually enabled on the socket.',
    sources: [SOURCES.pgProperty, SOURCES.pgUse],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      const setting = pgSetting(target, 'tcpKeepAlive');
      const value = setting?.value?.trim();
      if (!setting || value === undefined || !YES_WORDS.test(value)) continue;
      const edit = setPgValueEdit(setting, 'true');
      report({
        range: setting.range,
        message: `tcpKeepAlive=${value} is false to pgJDBC: it parses the value with Boolean.parseBoolean, which accepts only "true", so keepalive stays off. Write true.`,
        fix: edit ? { safety: 'safe', description: 'Set tcpKeepAlive to true.', edits: [edit] } : null,
      });
    }
  },
});
