import { defineRule } from '../../../define-rule';
import { poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';
import { durationSetters } from '../validation-unbounded/rule';

const WAIT_MS = 30_000;

export default defineRule({
  id: 'jvm.dbcp2.max-wait-infinite',
  title: 'Commons DBCP2 borrowers wait forever for a connection',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a Commons DBCP2 pool whose `maxWaitMillis` is unset or not positive (the default, -1, waits forever).',
    why: 'When every pooled connection is stuck on a dead socket or the database is unreachable, a borrower with no wait limit parks forever: request threads pile up and the service hangs instead of failing fast and recovering once the database is back.',
    example: {
      before: 'ds.setUrl("jdbc:postgresql://db/app");',
      after: 'ds.setUrl("jdbc:postgresql://db/app");\nds.setMaxWaitMillis(30000);',
    },
    fixSafety:
      "review: 30 s matches the other pools' defaults, but batch jobs may prefer to wait longer; the proposal uses setMaxWait(Duration) for DBCP 2.10+ and setMaxWaitMillis otherwise.",
    sources: [SOURCES.dbcpDoc],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'dbcp2') continue;
      const entry = site.get('maxWaitMillis') ?? site.get('maxWait');
      const value = entry?.value?.number;
      if (entry && (typeof value !== 'number' || value > 0)) continue;
      if (!entry && (!site.ownsMissing || site.partial)) continue;
      const name = site.spell('maxWaitMillis');
      const code = durationSetters(site)
        ? { setter: 'setMaxWait', argument: 'java.time.Duration.ofSeconds(30)' }
        : site.shape === 'java' || site.shape === 'kotlin'
          ? { setter: 'setMaxWaitMillis' }
          : undefined;
      const edit =
        entry?.value && entry.value.number !== null && !/Duration/.test(entry.value.text)
          ? entry.value.write(WAIT_MS)
          : entry
            ? null
            : site.insert('maxWaitMillis', WAIT_MS, code);
      report({
        range: entry?.range ?? site.range,
        message: `${site.label} lets a borrower wait forever for a connection (${name} ${entry ? `= ${entry.value?.text}` : 'unset, default -1'}): when all connections hang on dead sockets, every request thread blocks instead of failing. Proposed: 30000 ms.`,
        fix: edit
          ? { safety: 'review', description: `Wait at most 30 s for a connection (${name}).`, edits: [edit] }
          : null,
      });
    }
  },
});
