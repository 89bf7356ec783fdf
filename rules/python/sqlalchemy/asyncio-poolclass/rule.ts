import { defineRule } from '../../../define-rule';
import { sqlalchemyEngines } from '../../_lib/sqlalchemy';
import { removeElementEdit } from '../../_lib/syntax';

/** Pools built on threading locks: they block the event loop and 2.0 refuses them for async engines. */
const THREADED_POOLS = new Set(['QueuePool', 'SingletonThreadPool']);

export default defineRule({
  id: 'python.sqlalchemy.asyncio-poolclass',
  title: 'Async engine given a thread-locking pool class',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: "Reports `create_async_engine(..., poolclass=QueuePool)` (or SingletonThreadPool). The async engine's own default is AsyncAdaptedQueuePool, which takes the same sizing arguments.",
    why: 'QueuePool waits for a free connection with a threading lock: under asyncio that wait blocks the whole event loop, so one exhausted pool freezes every task of the process (SQLAlchemy issue #8771). SQLAlchemy 2.0 refuses the combination at startup with "ArgumentError: Pool class QueuePool cannot be used with asyncio engine"; 1.4 accepts it and misbehaves under load.',
    example: {
      before: 'engine = create_async_engine(URL, poolclass=QueuePool, pool_size=10)',
      after: 'engine = create_async_engine(URL, pool_size=10)',
    },
    fixSafety:
      'safe: removing `poolclass` gives the engine its default AsyncAdaptedQueuePool (every PostgreSQL async dialect: asyncpg, psycopg), the asyncio version of QueuePool with the same pool_size, max_overflow, pool_timeout, pool_recycle and pool_pre_ping. The import of QueuePool may become unused.',
    sources: [
      'https://github.com/sqlalchemy/sqlalchemy/issues/8771',
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#sqlalchemy.pool.AsyncAdaptedQueuePool',
      'https://docs.sqlalchemy.org/en/20/orm/extensions/asyncio.html#using-multiple-asyncio-event-loops',
    ],
  },
  check({ doc, text, report }) {
    for (const engine of sqlalchemyEngines(doc)) {
      if (!engine.isAsync || !engine.poolclass || !THREADED_POOLS.has(engine.poolclass)) continue;
      const option = engine.option('poolclass');
      if (!option) continue;
      report({
        range: { start: option.value.startIndex, end: option.value.endIndex },
        message: `create_async_engine() with poolclass=${engine.poolclass}: a thread-locking pool blocks the event loop while it waits for a connection, and SQLAlchemy 2.0 refuses it at startup ("Pool class ${engine.poolclass} cannot be used with asyncio engine"). Remove poolclass to get the default AsyncAdaptedQueuePool.`,
        fix: {
          safety: 'safe',
          description: 'Remove poolclass (the async engine defaults to AsyncAdaptedQueuePool).',
          edits: [removeElementEdit(text, option.container, option.element)],
        },
      });
    }
  },
});
