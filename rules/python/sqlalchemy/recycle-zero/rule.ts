import { idleBoundSeconds } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import { numericLiteral, recycleBasis, reusesConnections, sqlalchemyEngines } from '../../_lib/sqlalchemy';
import { iniEngineSections, setIniValueEdit } from '../../_lib/sqlalchemy-ini';

/** Below this many seconds a recycle bound replaces nearly every connection at checkout. */
const TOO_SHORT_SECONDS = 5;

export default defineRule({
  id: 'python.sqlalchemy.recycle-zero',
  title: 'SQLAlchemy pool_recycle so short the pool reconnects at every checkout',
  severity: 'warning',
  formats: ['python', 'ini'],
  docs: {
    what: 'Reports `pool_recycle` (or INI `sqlalchemy.pool_recycle`) between 0 and 5 seconds on a pool that keeps connections. SQLAlchemy recycles a connection whose age is greater than the bound, so 0 reconnects at every checkout.',
    why: 'Pooling is silently off: each checkout pays a TCP, TLS and authentication handshake, and a burst of requests becomes a burst of new backends on the server. If that is the intent, `poolclass=NullPool` says so; if not, a bound just under the middlebox idle timeout keeps the pool useful and its connections fresh.',
    example: {
      before: 'engine = create_engine(URL, pool_pre_ping=True, pool_recycle=0)',
      after: 'engine = create_engine(URL, pool_pre_ping=True, pool_recycle=200)',
    },
    fixSafety:
      'review: connections then live up to 200 s (or the middlebox idle timeout minus 40 s), so session state set on a connection survives between checkouts where it used to be reset by the reconnect. If reconnecting every time was deliberate (PgBouncer does the pooling), use poolclass=NullPool instead.',
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#setting-pool-recycle',
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/pool/base.py',
    ],
  },
  check({ doc, environment, report }) {
    const bound = idleBoundSeconds(environment);
    const basis = recycleBasis(environment);
    const why = (seconds: string) =>
      `pool_recycle=${seconds} s replaces every connection older than ${seconds} s at checkout, so nearly every checkout reconnects and the pool does not pool`;
    for (const engine of sqlalchemyEngines(doc)) {
      if (!reusesConnections(engine)) continue;
      const option = engine.option('pool_recycle');
      const value = option ? numericLiteral(option.value) : null;
      if (!option || value === null || value < 0 || value >= TOO_SHORT_SECONDS) continue;
      report({
        range: { start: option.value.startIndex, end: option.value.endIndex },
        message: `${engine.site.name}() ${why(option.value.text)}. Use ${bound} (${basis}), or poolclass=NullPool if reconnecting every time is intended.`,
        fix: {
          safety: 'review',
          description: `Set pool_recycle=${bound} (seconds).`,
          edits: [{ start: option.value.startIndex, end: option.value.endIndex, text: String(bound) }],
        },
      });
    }
    for (const section of iniEngineSections(doc)) {
      const setting = section.get('pool_recycle');
      if (!setting || !/^\d+$/.test(setting.value) || Number(setting.value) >= TOO_SHORT_SECONDS) continue;
      report({
        range: { start: setting.valueStart, end: setting.valueEnd },
        message: `sqlalchemy.${why(setting.value)}. Use ${bound} (${basis}).`,
        fix: {
          safety: 'review',
          description: `Set sqlalchemy.pool_recycle = ${bound} (seconds).`,
          edits: [setIniValueEdit(setting, String(bound))],
        },
      });
    }
  },
});
