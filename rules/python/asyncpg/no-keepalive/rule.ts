import type { Node } from 'web-tree-sitter';
import { idleBoundSeconds } from '../../../../core/canonical';
import { effectiveMiddleboxIdleSeconds } from '../../../../core/environment';
import type { ParsedDocument } from '../../../../wasm-parsers/parser-host';
import { defineRule } from '../../../define-rule';
import { ASYNCPG_DEFAULT_INACTIVE_LIFETIME, asyncpgCalls } from '../../_lib/asyncpg';
import {
  connectArgsOf,
  effectiveFamily,
  numericLiteral,
  reusesConnections,
  sqlalchemyEngines,
} from '../../_lib/sqlalchemy';
import { dictEntries, keywordArguments, resolveDict, stringLiteralValue } from '../../_lib/syntax';

type Bound = 'bounded' | 'unbounded' | 'unknown';

/** A lifetime option's literal: bounded when 0 < value < M, unknown when not a literal. */
function bounds(value: Node | undefined, fallback: number, middlebox: number, zeroMeansOff: boolean): Bound {
  const n = value ? numericLiteral(value) : fallback;
  if (n === null) return value?.type === 'none' ? 'unbounded' : 'unknown';
  if (n < 0 || (n === 0 && zeroMeansOff)) return 'unbounded';
  return n < middlebox ? 'bounded' : 'unbounded';
}

/**
 * `tcp_keepalives_idle` in a server_settings dict (or a DSN query) below the middlebox timeout: the
 * server probes the idle connection often enough to keep the flow alive. Unknown values count.
 */
function serverKeepalive(doc: ParsedDocument, settings: Node | undefined, middlebox: number): boolean {
  if (!settings) return false;
  const source = resolveDict(doc, settings, settings.startIndex);
  if (!source) return false;
  const entry =
    source.kind === 'dict-call'
      ? keywordArguments(source.args).find((k) => k.name === 'tcp_keepalives_idle')?.value
      : dictEntries(source.dict).find((e) => e.key === 'tcp_keepalives_idle')?.value;
  if (!entry) return false;
  const text = stringLiteralValue(entry) ?? (numericLiteral(entry) !== null ? entry.text : null);
  if (text === null || !/^\d+$/.test(text.trim())) return true;
  const n = Number(text);
  return n > 0 && n < middlebox;
}

export default defineRule({
  id: 'python.asyncpg.no-keepalive',
  title: 'asyncpg has no TCP keepalive, and nothing bounds how long a pooled connection idles',
  severity: 'info',
  formats: ['python'],
  docs: {
    what: 'Reports asyncpg pools where nothing stands in for the TCP keepalive asyncpg cannot turn on: `asyncpg.create_pool()` with `max_inactive_connection_lifetime` absent (300 s), 0 or not below the middlebox idle timeout, and `postgresql+asyncpg` SQLAlchemy engines without a `pool_recycle` below it; unless server-side keepalives (`server_settings={"tcp_keepalives_idle": ...}` below the timeout) keep the flow alive.',
    why: 'asyncpg sets only TCP_NODELAY on its sockets; client keepalive is an open request (MagicStack/asyncpg#606), and the libpq `keepalives*` keys crash it. So nothing sends a packet while a pooled connection idles, a NAT or load balancer forgets the flow (Azure after 4 min, often silently), and the next query waits until TCP gives up, about 15 min on Linux. The substitutes are configuration: close idle connections before the middlebox does (`max_inactive_connection_lifetime`, or `pool_recycle` under SQLAlchemy), bound every query (`command_timeout`), or let the server send keepalives (`server_settings` tcp_keepalives_*), which keeps flows warm but does not let asyncpg notice a dead server, and which PgBouncer rejects.',
    example: {
      before: 'engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True)',
      after:
        'engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True, pool_recycle=200)',
    },
    fixSafety:
      'none: information only. `python.asyncpg.inactive-lifetime` and `python.sqlalchemy.recycle-disabled` / `recycle-too-long` write the lifetime bound, `python.asyncpg.command-timeout-missing` and `python.sqlalchemy.asyncpg-ping-unbounded` the statement timeout.',
    sources: [
      'https://github.com/MagicStack/asyncpg/issues/606',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/connect_utils.py',
      'https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-TCP-KEEPALIVES-IDLE',
      'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset',
    ],
  },
  check({ doc, environment, report }) {
    const middlebox = effectiveMiddleboxIdleSeconds(environment);
    const bound = idleBoundSeconds(environment);
    const tail = `asyncpg cannot send TCP keepalives (MagicStack/asyncpg#606), so an idle connection whose flow a NAT or load balancer dropped (${middlebox} s assumed) stays in the pool and its next query waits until TCP gives up, about 15 min on Linux.`;
    for (const call of asyncpgCalls(doc)) {
      if (call.kind !== 'pool' || call.hiddenOptions) continue;
      const lifetime = call.option('max_inactive_connection_lifetime');
      if (bounds(lifetime?.value, ASYNCPG_DEFAULT_INACTIVE_LIFETIME, middlebox, true) !== 'unbounded')
        continue;
      if (serverKeepalive(doc, call.option('server_settings')?.value, middlebox)) continue;
      const idle = call.dsn?.parsed?.params.find((p) => p.key === 'tcp_keepalives_idle');
      if (idle && (!/^\d+$/.test(idle.value) || (Number(idle.value) > 0 && Number(idle.value) < middlebox)))
        continue;
      report({
        range: { start: call.site.callee.startIndex, end: call.site.callee.endIndex },
        message: `${call.label}: nothing bounds how long a connection idles in this pool, and ${tail} Substitutes: max_inactive_connection_lifetime=${bound} (seconds) and command_timeout; server_settings={"tcp_keepalives_idle": "30"} makes the server probe instead, which keeps the flow warm but does not let asyncpg notice a dead server (and PgBouncer rejects it).`,
        fix: null,
      });
    }
    for (const engine of sqlalchemyEngines(doc)) {
      if (effectiveFamily(doc, engine).family !== 'asyncpg' || !reusesConnections(engine)) continue;
      const recycle = engine.option('pool_recycle');
      if (!recycle && engine.hiddenOptions) continue;
      if (bounds(recycle?.value, -1, middlebox, false) !== 'unbounded') continue;
      const args = connectArgsOf(doc, engine);
      const settings =
        args.kind === 'dict' ? args.entries.find((e) => e.name === 'server_settings')?.value : undefined;
      if (serverKeepalive(doc, settings, middlebox)) continue;
      report({
        range: { start: engine.site.callee.startIndex, end: engine.site.callee.endIndex },
        message: `${engine.site.name}() runs asyncpg without a pool_recycle below ${middlebox} s: nothing bounds how long a pooled connection idles, and ${tail} Substitutes: pool_recycle=${bound} (seconds) and connect_args={"command_timeout": ...}.`,
        fix: null,
      });
    }
  },
});
