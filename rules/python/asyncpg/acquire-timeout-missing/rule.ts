import { defineRule } from '../../../define-rule';
import { asyncpgCalls, poolBindings } from '../../_lib/asyncpg';
import { appendElementEdit, dictionarySplats, findCalls, keywordArguments } from '../../_lib/syntax';

/** Seconds to wait for a free connection; also release()'s budget for a connection that hung. */
export const ACQUIRE_TIMEOUT_SECONDS = 30;

/** Pool methods that acquire a connection internally, without a timeout for the acquire. */
const HELPERS = [
  'fetch',
  'fetchrow',
  'fetchval',
  'execute',
  'executemany',
  'copy_from_table',
  'copy_from_query',
  'copy_to_table',
  'copy_records_to_table',
];

/** `pool`, `db_pool`, `self._pool`: names that say they hold a pool (not `pool_lock`). */
const POOL_NAME = /^(\w*_)?pool$/i;

export default defineRule({
  id: 'python.asyncpg.acquire-timeout-missing',
  title: 'asyncpg pool.acquire() without a timeout',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'In files that use asyncpg, reports `pool.acquire()` calls without `timeout=` (or with `timeout=None`) and the pool helpers (`pool.fetch()`, `fetchval()`, `execute()`…) that acquire without one. When a file creates a pool but shows no acquire at all, it suggests the timeout once at `create_pool()`.',
    why: '`acquire()` waits forever for a free connection by default, so connections hung on a silently dropped socket turn a partial outage into a full hang. The acquire timeout is also the budget `release()` uses when it waits for a cancelled query to finish: without it, a query stopped by `command_timeout` on a dead connection still blocks its caller until the network returns. With a timeout, the wait fails with TimeoutError and the hung connection is terminated.',
    example: {
      before: 'async with pool.acquire() as conn:\n    rows = await conn.fetch(query)',
      after: 'async with pool.acquire(timeout=30) as conn:\n    rows = await conn.fetch(query)',
    },
    fixSafety:
      'review: a code change, not a setting. Requests that today wait longer than 30 s for a free connection start failing with TimeoutError, which is the point but changes behaviour under load. Helper calls and the suggestion at `create_pool()` have no edit: the fix there is to acquire explicitly.',
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#asyncpg.pool.Pool.acquire',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/pool.py',
    ],
  },
  check({ doc, text, report }) {
    const pools = asyncpgCalls(doc).filter((c) => c.kind === 'pool');
    if (pools.length === 0 && !/^\s*(import|from)\s+asyncpg\b/m.test(text)) return;
    const bindings = poolBindings(doc);
    const isPool = (receiver: string) =>
      bindings.has(receiver) || POOL_NAME.test(receiver.split('.').pop() ?? '');
    let used = false;
    for (const site of findCalls(doc, ['acquire', ...HELPERS])) {
      if (site.callee.type !== 'attribute') continue;
      const receiver = site.callee.childForFieldName('object')?.text.replace(/\s/g, '') ?? '';
      if (!isPool(receiver)) continue;
      used = true;
      if (dictionarySplats(site.args).length > 0) continue;
      const timeout = keywordArguments(site.args).find((k) => k.name === 'timeout');
      if (site.name !== 'acquire') {
        report({
          range: { start: site.callee.startIndex, end: site.callee.endIndex },
          severity: 'info',
          message: `${receiver}.${site.name}() acquires a connection without a timeout (its timeout= bounds only the query): it waits forever for a free connection, and release() has no budget if the query hangs on a dead connection. Acquire explicitly: async with ${receiver}.acquire(timeout=${ACQUIRE_TIMEOUT_SECONDS}) as conn: ... (seconds).`,
          fix: null,
        });
        continue;
      }
      if (timeout && timeout.value.type !== 'none') continue;
      report({
        range: { start: site.call.startIndex, end: site.call.endIndex },
        message: `${receiver}.acquire() ${timeout ? 'sets timeout=None and ' : ''}waits forever for a free connection, and release() then has no budget for a query hung on a silently dropped connection. timeout=${ACQUIRE_TIMEOUT_SECONDS} (seconds) bounds both.`,
        fix: {
          safety: 'review',
          description: `Pass timeout=${ACQUIRE_TIMEOUT_SECONDS} (seconds) to acquire().`,
          edits: [
            timeout
              ? {
                  start: timeout.value.startIndex,
                  end: timeout.value.endIndex,
                  text: String(ACQUIRE_TIMEOUT_SECONDS),
                }
              : site.args.namedChildCount === 0
                ? {
                    start: site.args.startIndex,
                    end: site.args.endIndex,
                    text: `(timeout=${ACQUIRE_TIMEOUT_SECONDS})`,
                  }
                : appendElementEdit(text, site.args, `timeout=${ACQUIRE_TIMEOUT_SECONDS}`),
          ],
        },
      });
    }
    if (used) return;
    for (const pool of pools) {
      report({
        range: { start: pool.site.callee.startIndex, end: pool.site.callee.endIndex },
        severity: 'info',
        message: `${pool.label}: acquire connections from this pool with a timeout, async with pool.acquire(timeout=${ACQUIRE_TIMEOUT_SECONDS}) as conn: ... (seconds). asyncpg waits forever for a free connection by default, its fetch()/execute() helpers acquire without one, and release() uses the acquire timeout as its budget for a query hung on a dead connection.`,
        fix: null,
      });
    }
  },
});
