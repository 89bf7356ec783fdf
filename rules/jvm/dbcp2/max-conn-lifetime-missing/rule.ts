import { defineRule } from '../../../define-rule';
import { poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';
import { durationSetters } from '../validation-unbounded/rule';

const LIFETIME_MS = 1_800_000;

export default defineRule({
  id: 'jvm.dbcp2.max-conn-lifetime-missing',
  title: 'Commons DBCP2 connections live forever',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports a Commons DBCP2 pool whose `maxConnLifetimeMillis` is unset or not positive (the default, -1, is infinite).',
    why: 'A connection that is never retired keeps pointing at whatever address it first resolved: after a DNS-based failover, a credential rotation or a proxy with a hard lifetime limit it stays on the old path until it breaks. A finite lifetime lets the pool replace connections gradually.',
    example: {
      before: 'ds.setUrl("jdbc:postgresql://db/app");',
      after: 'ds.setUrl("jdbc:postgresql://db/app");\nds.setMaxConnLifetimeMillis(1800000);',
    },
    fixSafety:
      'review: 30 minutes is a common choice, but the right value depends on the limits on your path (it must stay below any proxy or server lifetime limit) and costs reconnects; the proposal uses the Duration setter (setMaxConn) for DBCP 2.10+ and setMaxConnLifetimeMillis otherwise.',
    sources: [SOURCES.dbcpDoc],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'dbcp2') continue;
      const entry = site.get('maxConnLifetimeMillis');
      const value = entry?.value?.number;
      if (entry && (typeof value !== 'number' || value > 0)) continue;
      if (!entry && (!site.ownsMissing || site.partial)) continue;
      const name = site.spell('maxConnLifetimeMillis');
      const code = durationSetters(site)
        ? { setter: 'setMaxConn', argument: 'java.time.Duration.ofMinutes(30)' }
        : site.shape === 'java' || site.shape === 'kotlin'
          ? { setter: 'setMaxConnLifetimeMillis' }
          : undefined;
      const edit =
        entry?.value && entry.value.number !== null && !/Duration/.test(entry.value.text)
          ? entry.value.write(LIFETIME_MS)
          : entry
            ? null
            : site.insert('maxConnLifetimeMillis', LIFETIME_MS, code);
      report({
        range: entry?.range ?? site.range,
        message: `${site.label} never retires connections (${name} ${entry ? `= ${entry.value?.text}` : 'unset, default -1 = infinite'}): they outlive DNS changes after a failover, credential rotation and proxy lifetime limits. Proposed: 30 minutes, kept below any lifetime limit on your path.`,
        fix: edit
          ? { safety: 'review', description: `Retire connections after 30 minutes (${name}).`, edits: [edit] }
          : null,
      });
    }
  },
});
