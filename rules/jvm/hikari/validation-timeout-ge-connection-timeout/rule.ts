import { defineRule } from '../../../define-rule';
import { HIKARI_DEFAULTS, hikariSites } from '../../_lib/hikari';
import { setting, TIMEOUT_FLOOR } from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.hikari.validation-timeout-ge-connection-timeout',
  title: 'HikariCP validationTimeout not below connectionTimeout',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports HikariCP pools whose effective `validationTimeout` (default 5000 ms) is not below the effective `connectionTimeout` (default 30000 ms), e.g. `connectionTimeout=5000` with the default validation timeout.',
    why: "When a borrow finds a dead idle connection (black-holed by a failover), validating it can take the whole validationTimeout. With validationTimeout >= connectionTimeout that first dead connection already uses up the borrower's budget, and getConnection() fails although a fresh connection could have been opened. HikariCP documents that validationTimeout must be less than connectionTimeout but does not enforce it.",
    example: {
      before: 'ds.setConnectionTimeout(5000);',
      after: 'ds.setConnectionTimeout(5000);\nds.setValidationTimeout(1666);',
    },
    fixSafety:
      'safe: sets validationTimeout to a third of connectionTimeout (between 250 and 5000 ms), so a borrow can skip up to two dead connections and still open a new one; a healthy connection answers isValid() in milliseconds.',
    sources: [SOURCES.hkReadme, SOURCES.hkConfig],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const c = setting(site, 'connectionTimeout');
      const v = setting(site, 'validationTimeout');
      if (c.raw === null || v.raw === null) continue;
      if (c.raw === undefined && v.raw === undefined) continue;
      const ct = c.raw === undefined || c.raw < TIMEOUT_FLOOR ? HIKARI_DEFAULTS.connectionTimeout : c.raw;
      if (c.raw === 0) continue; // infinite: another rule
      const vt = v.raw === undefined || v.raw < TIMEOUT_FLOOR ? HIKARI_DEFAULTS.validationTimeout : v.raw;
      if (vt < ct) continue;
      if (v.raw === undefined && (site.partial || !site.ownsMissing)) continue;
      const value = Math.max(TIMEOUT_FLOOR, Math.min(HIKARI_DEFAULTS.validationTimeout, Math.floor(ct / 3)));
      const vName = site.spell('validationTimeout');
      const cName = site.spell('connectionTimeout');
      const edit = v.entry?.value ? v.entry.value.write(value) : site.insert('validationTimeout', value);
      report({
        range: v.entry?.range ?? c.entry?.range ?? site.range,
        message: `${vName} (${vt} ms${v.raw === undefined ? ', the default' : ''}) is not below ${cName} (${ct} ms): a borrow that meets one dead connection spends its whole budget validating it and fails, although a new connection could have been opened. ${value} ms leaves room to skip dead connections.`,
        fix: edit ? { safety: 'safe', description: `Set ${vName} to ${value}.`, edits: [edit] } : null,
      });
    }
  },
});
