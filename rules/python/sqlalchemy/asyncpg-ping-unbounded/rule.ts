import { defineRule } from '../../../define-rule';
import { addConnectArgsEdit, connectArgsOf, effectiveFamily, sqlalchemyEngines } from '../../_lib/sqlalchemy';
import { literalTruthiness } from '../../_lib/syntax';

/** Seconds: long enough for real queries, short enough to free a request hung on a dead socket. */
const COMMAND_TIMEOUT_SECONDS = 60;

export default defineRule({
  id: 'python.sqlalchemy.asyncpg-ping-unbounded',
  title: 'asyncpg pre-ping can hang on a silently dropped connection',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `postgresql+asyncpg` engines with `pool_pre_ping=True` and no `command_timeout` (neither in `connect_args` nor in the URL query).',
    why: "asyncpg has no TCP keepalive and no timeout by default. When a NAT, load balancer or failover drops a connection silently, the pre-ping's query waits for a reply that never comes, until the kernel gives up retransmitting (about 15 min on Linux): the request hangs instead of reconnecting. With `command_timeout` the ping fails after that many seconds, the connection is discarded and the next checkout gets a fresh one.",
    example: {
      before: 'engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True)',
      after:
        'engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True, connect_args={"command_timeout": 60})',
    },
    fixSafety:
      'review: `command_timeout` (seconds) becomes the default timeout of every statement on these connections, so a legitimate query running longer than 60 s is cancelled with TimeoutError unless it passes its own timeout. The ping failure is not transparent either: that one checkout raises TimeoutError (SQLAlchemy treats it as an exit exception and invalidates the connection); the following ones succeed.',
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection',
      'https://github.com/MagicStack/asyncpg/issues/606',
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#disconnect-handling-pessimistic',
    ],
  },
  check({ doc, text, report }) {
    for (const engine of sqlalchemyEngines(doc)) {
      if (effectiveFamily(doc, engine).family !== 'asyncpg') continue;
      const prePing = engine.option('pool_pre_ping');
      if (!prePing || literalTruthiness(prePing.value) !== true) continue;
      if (engine.parsedUrl?.params.some((p) => p.key === 'command_timeout')) continue;
      const args = connectArgsOf(doc, engine);
      if (args.kind === 'dict' && args.entries.some((e) => e.name === 'command_timeout')) continue;
      const edit = addConnectArgsEdit(text, engine, args, [
        ['command_timeout', String(COMMAND_TIMEOUT_SECONDS)],
      ]);
      report({
        range: { start: prePing.element.startIndex, end: prePing.element.endIndex },
        severity: 'info',
        message: `${engine.site.name}() pre-pings asyncpg connections without a command_timeout: on a silently dropped connection the ping waits until TCP gives up (about 15 min on Linux) and the request hangs. connect_args={"command_timeout": ${COMMAND_TIMEOUT_SECONDS}} (seconds) bounds it, and every statement with it.${edit ? '' : ' connect_args is not visible here, so staleproof offers no edit.'}`,
        fix: edit
          ? {
              safety: 'review',
              description: `Add command_timeout=${COMMAND_TIMEOUT_SECONDS} (seconds) to connect_args: it bounds the ping and every statement.`,
              edits: [edit],
            }
          : null,
      });
    }
  },
});
