import { defineRule } from '../../../define-rule';
import { numericLiteral, reusesConnections, sqlalchemyEngines } from '../../_lib/sqlalchemy';

/** SQLAlchemy's own default wait for a free connection, in seconds. */
const DEFAULT_POOL_TIMEOUT_SECONDS = 30;
/** Longer than this, a request queued behind hung connections outlives any HTTP timeout. */
const MAX_POOL_TIMEOUT_SECONDS = 120;

export default defineRule({
  id: 'python.sqlalchemy.pool-timeout-unbounded',
  title: 'SQLAlchemy pool waits for a free connection forever',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `pool_timeout=None` (QueuePool then waits for a free connection without limit) or a literal `pool_timeout` above 120 seconds on a pool that keeps connections.',
    why: 'Connections stuck on a silently dropped socket hold their pool slots until TCP gives up (about 15 min on Linux). With an unbounded wait every new request queues behind them, so a partial outage becomes a full hang of the application instead of a few fast errors.',
    example: {
      before: 'engine = create_engine(URL, pool_size=5, pool_timeout=None)',
      after: 'engine = create_engine(URL, pool_size=5, pool_timeout=30)',
    },
    fixSafety:
      'review: with pool_timeout=30 (SQLAlchemy\'s default, seconds) a request that finds the pool exhausted for 30 s fails with "QueuePool limit of size N overflow M reached, connection timed out, timeout 30.00" instead of waiting; the application must be ready for that error.',
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#sqlalchemy.pool.QueuePool.__init__',
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/pool/impl.py',
    ],
  },
  check({ doc, report }) {
    for (const engine of sqlalchemyEngines(doc)) {
      if (!reusesConnections(engine) || engine.poolclass === 'SingletonThreadPool') continue;
      const option = engine.option('pool_timeout');
      if (!option) continue;
      const value = numericLiteral(option.value);
      const unbounded = option.value.type === 'none';
      if (!unbounded && (value === null || value <= MAX_POOL_TIMEOUT_SECONDS)) continue;
      report({
        range: { start: option.value.startIndex, end: option.value.endIndex },
        message: unbounded
          ? `${engine.site.name}() sets pool_timeout=None: when every connection is busy (for instance hung on a dropped socket) a request waits for one forever. pool_timeout=${DEFAULT_POOL_TIMEOUT_SECONDS} s fails it after ${DEFAULT_POOL_TIMEOUT_SECONDS} s instead.`
          : `${engine.site.name}() waits up to ${value} s for a free connection: requests queue behind connections hung on a dropped socket for minutes. pool_timeout=${DEFAULT_POOL_TIMEOUT_SECONDS} s fails them sooner.`,
        fix: {
          safety: 'review',
          description: `Set pool_timeout=${DEFAULT_POOL_TIMEOUT_SECONDS} (seconds).`,
          edits: [
            {
              start: option.value.startIndex,
              end: option.value.endIndex,
              text: String(DEFAULT_POOL_TIMEOUT_SECONDS),
            },
          ],
        },
      });
    }
  },
});
