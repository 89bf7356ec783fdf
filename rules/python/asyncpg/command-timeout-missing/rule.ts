import { defineRule } from '../../../define-rule';
import { addOptionEdit, asyncpgCalls } from '../../_lib/asyncpg';

/** Seconds: long enough for real queries, short enough to free a request hung on a dead socket. */
export const COMMAND_TIMEOUT_SECONDS = 60;

export default defineRule({
  id: 'python.asyncpg.command-timeout-missing',
  title: 'asyncpg pool without a command_timeout',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: "Reports `asyncpg.create_pool()` calls without `command_timeout` (or with `command_timeout=None`), the default timeout of every statement on the pool's connections. Single `asyncpg.connect()` connections are left alone: their lifetime is the caller's, often a short script.",
    why: 'asyncpg has no TCP keepalive and, by default, no statement timeout. When a NAT, load balancer or failover drops a pooled connection silently, the next query on it waits for a reply that never comes until the kernel gives up retransmitting (about 15 min on Linux), and the request hangs with it. `command_timeout` makes such a query fail with TimeoutError after that many seconds. With the raw pool, pair it with `pool.acquire(timeout=...)`: releasing a connection whose query timed out waits for the cancellation with the acquire timeout as its budget, unbounded by default.',
    example: {
      before: 'pool = await asyncpg.create_pool(dsn, max_inactive_connection_lifetime=200)',
      after:
        'pool = await asyncpg.create_pool(dsn, max_inactive_connection_lifetime=200, command_timeout=60)',
    },
    fixSafety:
      'review: `command_timeout` (seconds) becomes the default timeout of every statement on these connections, so a legitimate query running longer than 60 s is cancelled with TimeoutError unless it passes its own `timeout=`. With `**options` the file does not show, no edit is offered.',
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/pool.py',
      'https://github.com/MagicStack/asyncpg/issues/606',
    ],
  },
  check({ doc, text, report }) {
    for (const call of asyncpgCalls(doc)) {
      if (call.kind !== 'pool') continue;
      const option = call.option('command_timeout');
      if (option && option.value.type !== 'none') continue;
      if (!option && call.hiddenOptions) continue; // the options this file does not show may set it
      const why = `a query on a connection that was dropped silently (NAT or load-balancer idle timeout, failover) waits until TCP gives up, about 15 min on Linux. command_timeout=${COMMAND_TIMEOUT_SECONDS} (seconds) bounds it, and every other statement with it; also pass acquire(timeout=...) so release() cannot hang on the cancelled query`;
      report({
        range: option
          ? { start: option.value.startIndex, end: option.value.endIndex }
          : { start: call.site.callee.startIndex, end: call.site.callee.endIndex },
        message: `${call.label} ${option ? 'sets command_timeout=None' : 'has no command_timeout'}: ${why}.`,
        fix: {
          safety: 'review',
          description: `Set command_timeout=${COMMAND_TIMEOUT_SECONDS} (seconds): the default timeout of every statement.`,
          edits: [
            option
              ? {
                  start: option.value.startIndex,
                  end: option.value.endIndex,
                  text: String(COMMAND_TIMEOUT_SECONDS),
                }
              : addOptionEdit(text, call, 'command_timeout', String(COMMAND_TIMEOUT_SECONDS)),
          ],
        },
      });
    }
  },
});
