import type { RuleReport } from '../../define-rule';
import { defineRule } from '../../define-rule';
import { INTEGER_KEYS, kernelInteger, SECONDS_KEYS, sysctlFile, unitValue } from '../_lib/sysctl';
import { yamlSysctlBlocks } from '../_lib/yaml-sysctls';

const SYSCTL_CONF = 'https://man7.org/linux/man-pages/man5/sysctl.conf.5.html';
const SYSTEMD_SYSCTL = 'https://www.freedesktop.org/software/systemd/man/latest/sysctl.d.html';
const PROC_SYS = 'https://docs.kernel.org/admin-guide/sysctl/index.html';
const IP_SYSCTL = 'https://docs.kernel.org/networking/ip-sysctl.html';

export default defineRule({
  id: 'linux.value-with-unit',
  title: 'sysctl value written with a unit the kernel does not read',
  severity: 'error',
  formats: ['sysctl', 'yaml'],
  docs: {
    what: 'Reports a sysctl line whose value is a number with a unit (`60s`, `2min`, `2 min`, `30000ms`). For the keys known to take whole seconds (TCP keepalive time and interval, FIN timeout, conntrack timeouts) the fix writes the plain number of seconds; for other keys it only reports, since their unit (seconds, milliseconds, jiffies, a count) is not known here. Kubernetes `securityContext.sysctls` values and docker-compose `sysctls:` are checked too: the runtime writes them to the kernel the same way, and a rejected value stops the pod or container from starting.',
    why: 'The kernel reads sysctl integers as plain numbers. `60s` is rejected with EINVAL, so the setting keeps its previous value (2 hours for `tcp_keepalive_time`); with a leading `-` systemd-sysctl does not even log it. A unit after a blank is worse: the kernel stops at the blank, so `2 min` quietly sets 2 seconds.',
    example: {
      before: '-net.ipv4.tcp_keepalive_time = 60s',
      after: '-net.ipv4.tcp_keepalive_time = 60',
    },
    fixSafety:
      'safe: the fix writes the number the line already means, in the seconds the key takes, so the setting finally applies as intended. Only the value changes; the key spelling, the `-` prefix and the spacing stay. Values whose unit cannot be turned into whole seconds, and keys whose unit is not known, get no fix.',
    sources: [SYSCTL_CONF, SYSTEMD_SYSCTL, PROC_SYS, IP_SYSCTL],
  },
  check({ doc, format, report }) {
    if (format === 'yaml') {
      for (const block of yamlSysctlBlocks(doc)) {
        for (const entry of block.entries) {
          const found = unitFinding({ ...entry, ignoreFailure: false }, 'pod or container');
          if (found) report(found);
        }
      }
      return;
    }
    for (const setting of sysctlFile(doc).settings) {
      const found = unitFinding(setting, 'file');
      if (found) report(found);
    }
  },
});

interface Line {
  key: string;
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
  ignoreFailure: boolean;
}

function unitFinding(setting: Line, where: 'file' | 'pod or container'): RuleReport | null {
  const unit = unitValue(setting.value);
  // A word after a number is only a unit for keys known to be numbers, or when it names a time.
  if (!unit || (!unit.timeUnit && !SECONDS_KEYS.has(setting.name) && !INTEGER_KEYS.has(setting.name))) {
    return null;
  }
  const range = { start: setting.valueStart, end: setting.valueEnd };
  const read = kernelInteger(setting.value);
  const today =
    read !== null
      ? `the kernel stops at the blank and sets ${read}`
      : where === 'pod or container'
        ? 'the kernel rejects it (EINVAL), so the pod or container fails to start'
        : setting.ignoreFailure
          ? 'the kernel rejects it (EINVAL) and, with the leading `-`, the failure goes unreported by systemd-sysctl'
          : 'the kernel rejects it (EINVAL), so the key keeps its previous value';
  if (!SECONDS_KEYS.has(setting.name) || unit.seconds === null) {
    return {
      range,
      message: `${setting.key} = ${setting.value}: sysctl values are plain numbers, and ${today}. Write the number in the unit ${setting.key} takes.`,
      fix: null,
    };
  }
  const seconds = String(unit.seconds);
  return {
    range,
    message: `${setting.key} = ${setting.value}: sysctl values are plain numbers, and ${today}. ${setting.key} takes seconds: ${seconds}.`,
    fix: {
      safety: 'safe',
      description: `Write ${setting.key} as ${seconds} (seconds, no unit).`,
      edits: [{ start: setting.valueStart, end: setting.valueEnd, text: seconds }],
    },
  };
}
