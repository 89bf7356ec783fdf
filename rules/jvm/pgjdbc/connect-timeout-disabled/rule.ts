import { defineRule } from '../../../define-rule';
import { pgSetting, pgTargets, setPgValueEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.pgjdbc.connect-timeout-disabled',
  title: 'pgJDBC connectTimeout=0 waits for the operating system',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports pgJDBC `connectTimeout=0`, in the URL or a driver-property map.',
    why: "0 switches pgJDBC's connect limit off, so connecting to a black-holed host waits for the kernel's SYN retries (about two minutes on Linux with tcp_syn_retries=6), and that for every dead host of a multi-host URL, while HikariCP's connection adder and the request threads behind it wait.",
    example: {
      before: 'jdbc:postgresql://db:5432/app?connectTimeout=0',
      after: 'jdbc:postgresql://db:5432/app?connectTimeout=10',
    },
    fixSafety:
      "safe: 10 s is pgJDBC's own default, per host and attempt; a reachable server completes the TCP handshake in milliseconds.",
    sources: [SOURCES.pgUse, SOURCES.pgProperty],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      const setting = pgSetting(target, 'connectTimeout');
      if (setting?.value?.trim() !== '0') continue;
      const edit = setPgValueEdit(setting, '10');
      report({
        range: setting.range,
        message: `connectTimeout=0 turns pgJDBC's connect limit off: a black-holed host is waited for until the kernel gives up on the SYN (about 2 minutes on Linux), per host. 10 s is pgJDBC's default.`,
        fix: edit ? { safety: 'safe', description: 'Set connectTimeout to 10.', edits: [edit] } : null,
      });
    }
  },
});
