import { defineRule } from '../../../define-rule';
import { springPool, visibleEntries } from '../../_lib/hikari';
import { SOURCES } from '../../_lib/sources';
import { springDocuments, startsWith } from '../../_lib/spring';
import { movePoolKeyEdits } from '../../_lib/spring-keys';

/** Tomcat / DBCP2 settings (relaxed) and their HikariCP equivalent; `scale` converts s to ms. */
const TO_HIKARI: Record<string, { key: string; scale?: number }> = {
  maxactive: { key: 'maximum-pool-size' },
  maxtotal: { key: 'maximum-pool-size' },
  minidle: { key: 'minimum-idle' },
  maxwait: { key: 'connection-timeout' },
  maxwaitmillis: { key: 'connection-timeout' },
  maxage: { key: 'max-lifetime' },
  maxconnlifetimemillis: { key: 'max-lifetime' },
  minevictableidletimemillis: { key: 'idle-timeout' },
  validationquerytimeout: { key: 'validation-timeout', scale: 1000 },
};

const POOL_NAMES: Record<string, string> = {
  hikari: 'HikariCP',
  tomcat: 'Tomcat JDBC',
  dbcp2: 'Commons DBCP2',
};

export default defineRule({
  id: 'jvm.spring.inactive-pool-prefix',
  title: 'Settings under the prefix of a pool Spring Boot does not use',
  severity: 'warning',
  formats: ['properties', 'yaml'],
  docs: {
    what: 'Reports keys under `spring.datasource.tomcat.*` or `spring.datasource.dbcp2.*` when the pool is HikariCP (no `spring.datasource.type`, the Boot 2.0+ default), and `spring.datasource.hikari.*` keys when `spring.datasource.type` selects Tomcat JDBC or DBCP2.',
    why: 'Spring Boot binds only the prefix of the pool it actually builds; the other prefixes are read by nobody. Settings copied from a Boot 1.x (Tomcat JDBC) project therefore do nothing after the upgrade to HikariCP, without any warning.',
    example: {
      before: 'spring.datasource.tomcat.max-active=50\nspring.datasource.tomcat.max-age=600000',
      after: 'spring.datasource.hikari.maximum-pool-size=50\nspring.datasource.hikari.max-lifetime=600000',
    },
    fixSafety:
      'review: settings with a HikariCP equivalent are translated (max-active → maximum-pool-size, max-wait → connection-timeout, max-age → max-lifetime, validation-query-timeout in seconds → validation-timeout in ms…), which changes the running pool; the others have no counterpart and are reported without an edit (or set spring.datasource.type to the pool they were written for).',
    sources: [SOURCES.sbSql, SOURCES.sbDataSourceConfiguration],
  },
  check({ doc, environment, report }) {
    const docs = springDocuments(doc);
    for (const document of docs) {
      const pool = springPool(visibleEntries(docs, document), environment);
      for (const entry of document.entries) {
        if (entry.norm.length !== 4 || !startsWith(entry, ['spring', 'datasource'])) continue;
        const prefix = entry.norm[2] ?? '';
        if (!POOL_NAMES[prefix] || prefix === pool || pool === 'other') continue;
        const label = entry.segments.join('.');
        const translation = pool === 'hikari' ? TO_HIKARI[entry.norm[3] ?? ''] : undefined;
        const number = entry.entry.value?.number;
        const value =
          translation?.scale && typeof number === 'number' ? String(number * translation.scale) : undefined;
        const edits =
          translation && (!translation.scale || value !== undefined)
            ? movePoolKeyEdits(doc, entry, 'hikari', translation.key, value)
            : null;
        report({
          range: entry.entry.range,
          message: `${label} binds to nothing: Spring Boot builds a ${POOL_NAMES[pool] ?? pool} pool here${pool === 'hikari' ? ' (no spring.datasource.type: the Boot 2.0+ default)' : ''} and reads only spring.datasource.${pool}.*. ${translation ? `The ${POOL_NAMES[pool]} equivalent is spring.datasource.hikari.${translation.key}${value ? ` (${value} ms)` : ''}.` : `It has no ${POOL_NAMES[pool] ?? pool} equivalent; set spring.datasource.type if this pool was meant.`}`,
          fix: edits
            ? {
                safety: 'review',
                description: `Use spring.datasource.hikari.${translation?.key}${value ? `=${value}` : ''}.`,
                edits,
              }
            : null,
        });
      }
    }
  },
});
