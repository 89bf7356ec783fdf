import { defineRule } from '../../../define-rule';
import { pgSetting, pgTargets, putPgEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.pgjdbc.multihost-without-target-server-type',
  title: 'Multi-host pgJDBC URL without targetServerType',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports pgJDBC URLs listing two or more hosts (`//pg-a:5432,pg-b:5432/db`) whose `targetServerType` is absent or `any`.',
    why: 'With `any`, pgJDBC takes the first host that accepts TCP. After a failover that may be the old primary now running as a standby: every write then fails with 25006 "cannot execute … in a read-only transaction", which no pool treats as a broken connection, so the pool keeps those connections until maxLifetime. pgJDBC checks primary or standby only at connect time.',
    example: {
      before: 'jdbc:postgresql://pg-a:5432,pg-b:5432/app',
      after: 'jdbc:postgresql://pg-a:5432,pg-b:5432/app?targetServerType=primary',
    },
    fixSafety:
      'review: `primary` is right for a pool that writes; a read-only pool wants `preferSecondary&loadBalanceHosts=true` instead, and only you know which this is. With `primary` a cluster that has no primary (mid-failover) fails to connect instead of serving reads.',
    sources: [SOURCES.pgUse, SOURCES.pgHostRequirement],
  },
  check({ doc, environment, report }) {
    for (const target of pgTargets(doc, environment)) {
      if (!target.url || target.url.hosts.length < 2) continue;
      const setting = pgSetting(target, 'targetServerType');
      if (setting && (setting.value === null || setting.value.trim() !== 'any')) continue;
      const put = putPgEdit(doc.text, target, 'targetServerType', 'primary');
      report({
        range: setting?.range ?? target.range,
        message: `${target.label} lists ${target.url.hosts.length} hosts with targetServerType ${setting ? '=any' : 'unset (any)'}: pgJDBC connects to the first host that answers, which after a failover can be a standby, and writes then fail with 25006, an error no pool evicts for. targetServerType=primary makes pgJDBC pick the primary (a read-only pool wants preferSecondary).`,
        fix: put
          ? { safety: 'review', description: 'Set targetServerType=primary.', edits: [put.edit] }
          : null,
      });
    }
  },
});
