import { defineRule } from '../../../define-rule';
import { springPool, visibleEntries } from '../../_lib/hikari';
import { SOURCES } from '../../_lib/sources';
import { springDocuments, startsWith } from '../../_lib/spring';
import { HIKARI_KEYS, movePoolKeyEdits, POOL_KEYS } from '../../_lib/spring-keys';
import { compareVersions } from '../../_lib/versions';

export default defineRule({
  id: 'jvm.spring.generic-pool-keys-ignored',
  title: 'Pool settings directly under spring.datasource bind to nothing',
  severity: 'warning',
  formats: ['properties', 'yaml'],
  docs: {
    what: "Reports pool settings written directly under `spring.datasource.` (`test-on-borrow`, `validation-query`, `max-active`, `max-wait`, `maximum-pool-size`, `max-lifetime`…) instead of under the pool's own prefix (`spring.datasource.hikari.`, `.tomcat.`, `.dbcp2.`).",
    why: 'Since Spring Boot 1.4 pool settings bind only under the pool prefix; the generic keys are silently ignored. They give false confidence: a `spring.datasource.test-on-borrow=true` reads like borrow validation, but configures nothing.',
    example: {
      before: 'spring.datasource.test-on-borrow=true\nspring.datasource.validation-query=SELECT 1',
      after: '# (both lines removed: with HikariCP they bind to nothing)',
    },
    fixSafety:
      'safe when HikariCP is the pool (Boot 2.0+ default, no other spring.datasource.type): Tomcat/DBCP2-style keys are deleted, since they bind to nothing and HikariCP validates every borrow anyway. review for HikariCP-style keys (moved under spring.datasource.hikari., which changes the running pool) and when Tomcat JDBC or DBCP2 is the pool (moved under its prefix).',
    sources: [SOURCES.sbSql, SOURCES.sbDataSourceConfiguration],
  },
  check({ doc, environment, report }) {
    const boot = environment.versions?.springBoot;
    if (boot && compareVersions(boot, '1.4') < 0) return;
    const docs = springDocuments(doc);
    for (const document of docs) {
      const pool = springPool(visibleEntries(docs, document), environment);
      for (const entry of document.entries) {
        if (entry.norm.length !== 3 || !startsWith(entry, ['spring', 'datasource'])) continue;
        const key = entry.norm[2] ?? '';
        const tomcatStyle = POOL_KEYS.has(key);
        const hikariStyle = HIKARI_KEYS.has(key);
        if (!tomcatStyle && !hikariStyle) continue;
        const written = entry.segments[2] ?? key;
        const label = entry.segments.join('.');
        if (pool === 'hikari' && tomcatStyle) {
          report({
            range: entry.entry.range,
            message: `${label} binds to nothing: since Spring Boot 1.4 pool settings are read only under the pool's prefix, and this pool is HikariCP, which has no such setting (it validates every borrow with isValid() anyway). The line gives false confidence: remove it.`,
            fix: { safety: 'safe', description: `Remove ${label}.`, edits: entry.entry.remove() },
          });
          continue;
        }
        const target = pool === 'hikari' ? 'hikari' : pool === 'tomcat' || pool === 'dbcp2' ? pool : null;
        const movable = target !== null && (target === 'hikari' ? hikariStyle : tomcatStyle);
        const edits = movable && target ? movePoolKeyEdits(doc, entry, target, written) : null;
        report({
          range: entry.entry.range,
          message: `${label} binds to nothing: since Spring Boot 1.4 pool settings are read only under the pool's prefix${target ? ` (spring.datasource.${target}.)` : ''}. ${movable ? `Moving it there makes the ${target === 'hikari' ? 'HikariCP' : target === 'tomcat' ? 'Tomcat JDBC' : 'DBCP2'} pool use it, which changes the running pool: review the value.` : 'The active pool has no setting by this name.'}`,
          fix: edits
            ? { safety: 'review', description: `Move it to spring.datasource.${target}.${written}.`, edits }
            : null,
        });
      }
    }
  },
});
