import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { removeElementsEdits } from '../../_lib/remove-elements';
import {
  addConnectArgsEdit,
  connectArgsOf,
  type EngineOption,
  effectiveFamily,
  sqlalchemyEngines,
} from '../../_lib/sqlalchemy';
import { firstStringQuote } from '../../_lib/syntax';

/** libpq connection parameters people pass to create_engine() itself instead of connect_args. */
const LIBPQ_KEYS = new Set([
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'connect_timeout',
  'sslmode',
  'sslrootcert',
  'application_name',
  'options',
  'target_session_attrs',
]);
/** asyncpg.connect() arguments: they belong in connect_args of an asyncpg engine. */
const ASYNCPG_CONNECT_KEYS = new Set([
  'command_timeout',
  'timeout',
  'server_settings',
  'statement_cache_size',
  'max_cached_statement_lifetime',
  'max_cacheable_statement_size',
]);
/** asyncpg.create_pool() arguments: SQLAlchemy keeps its own pool, so they have no place at all. */
const ASYNCPG_POOL_KEYS = new Set(['min_size', 'max_size', 'max_queries', 'setup', 'init']);
const LIFETIME = 'max_inactive_connection_lifetime';

export default defineRule({
  id: 'python.sqlalchemy.driver-args-on-engine',
  title: 'Driver or asyncpg pool arguments given to create_engine() itself: it refuses them at startup',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports driver connection arguments (`connect_timeout`, `keepalives_idle`, asyncpg `command_timeout` / `timeout` / `server_settings`) and asyncpg pool arguments (`max_inactive_connection_lifetime`, `min_size`, `max_size`) passed to `create_engine()` / `create_async_engine()` as keywords instead of inside `connect_args`, the way blog posts about asyncpg pools often show them.',
    why: 'create_engine() hands each keyword to the dialect or the pool and refuses the rest: the service dies at startup with "TypeError: Invalid argument(s) \'command_timeout\' sent to create_engine()". The timeout never took effect.',
    example: {
      before:
        'engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True, max_inactive_connection_lifetime=200, command_timeout=60)',
      after:
        'engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True, pool_recycle=200, connect_args={"command_timeout": 60})',
    },
    fixSafety:
      "safe when every refused argument has a certain place: a connection argument of the engine's own driver moves into `connect_args` (its value unchanged; an existing `connect_args` entry of the same name wins and the duplicate goes), and `max_inactive_connection_lifetime` becomes `pool_recycle` with the same number of seconds (SQLAlchemy's bound on connection age; dropped if pool_recycle is already set). asyncpg's `min_size` / `max_size` / `max_queries` / `setup` / `init` are removed as review: SQLAlchemy sizes its own pool with `pool_size` / `max_overflow`, which you may want to set instead. When the driver is not in the file, or `connect_args` is not visible, nothing is edited.",
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/engines.html#sqlalchemy.create_engine',
      'https://docs.sqlalchemy.org/en/20/core/engines.html#custom-dbapi-connect-arguments-on-connect-routines',
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection-pools',
    ],
  },
  check({ doc, text, report }) {
    for (const engine of sqlalchemyEngines(doc)) {
      const refused = engine.options.filter(
        (o) =>
          LIBPQ_KEYS.has(o.name) ||
          ASYNCPG_CONNECT_KEYS.has(o.name) ||
          ASYNCPG_POOL_KEYS.has(o.name) ||
          o.name === LIFETIME,
      );
      if (refused.length === 0) continue;
      const { family } = effectiveFamily(doc, engine);
      const names = refused.map((o) => o.name).join(', ');
      const problem = `${engine.site.name}() does not take ${names}: the engine is never built ("TypeError: Invalid argument(s) '${refused[0]?.name}' sent to create_engine()").`;

      const args = connectArgsOf(doc, engine);
      const existing = new Set(args.kind === 'dict' ? args.entries.map((e) => e.name) : []);
      const move: EngineOption[] = [];
      const drop: EngineOption[] = [];
      let review = false;
      let recycle: EngineOption | null = null;
      let certain = family === 'libpq' || family === 'asyncpg';
      for (const option of refused) {
        const belongs =
          (family === 'libpq' && LIBPQ_KEYS.has(option.name)) ||
          (family === 'asyncpg' && ASYNCPG_CONNECT_KEYS.has(option.name));
        if (belongs) (existing.has(option.name) ? drop : move).push(option);
        else if (option.name === LIFETIME) {
          drop.push(option);
          if (!engine.option('pool_recycle') && !recycle) recycle = option;
        } else if (ASYNCPG_POOL_KEYS.has(option.name)) {
          drop.push(option);
          review = true;
        } else certain = false; // another driver's argument: which one was meant is a guess
      }
      if (move.length > 0 && args.kind === 'hidden') certain = false;

      let edits: TextEdit[] | null = null;
      if (certain) {
        edits = [];
        // Elements replaced in place (so an insertion never lands inside a removed range).
        const replaced = new Set<Node>();
        const styleOf = (o: EngineOption) => (o.container.type === 'dictionary' ? 'dict' : 'keyword');
        const quote = firstStringQuote(engine.site.call) ?? '"';
        const render = (o: EngineOption, name: string, value: string) =>
          styleOf(o) === 'keyword' ? `${name}=${value}` : `${quote}${name}${quote}: ${value}`;
        const recycleOption: EngineOption | null = recycle;
        if (recycleOption) {
          replaced.add(recycleOption.element);
          edits.push({
            start: recycleOption.element.startIndex,
            end: recycleOption.element.endIndex,
            text: render(recycleOption, 'pool_recycle', recycleOption.value.text),
          });
        }
        if (move.length > 0) {
          const items = move.map((o) => [o.name, o.value.text] as const);
          const first = move[0] as EngineOption;
          if (args.kind === 'absent') {
            replaced.add(first.element);
            const dict = `{${items.map(([k, v]) => `${quote}${k}${quote}: ${v}`).join(', ')}}`;
            edits.push({
              start: first.element.startIndex,
              end: first.element.endIndex,
              text: render(first, 'connect_args', dict),
            });
          } else {
            const add = addConnectArgsEdit(text, engine, args, items);
            if (add) edits.push(add);
            else edits = null;
          }
        }
        if (edits) {
          const byContainer = new Map<number, { container: Node; elements: Node[] }>();
          for (const o of [...move, ...drop]) {
            if (replaced.has(o.element)) continue;
            const entry = byContainer.get(o.container.startIndex) ?? { container: o.container, elements: [] };
            entry.elements.push(o.element);
            byContainer.set(o.container.startIndex, entry);
          }
          for (const c of byContainer.values())
            edits.push(...removeElementsEdits(text, c.container, c.elements));
        }
      }
      const plan = [
        move.length > 0 ? `move ${move.map((o) => o.name).join(', ')} into connect_args` : '',
        recycle ? `${LIFETIME} becomes pool_recycle (SQLAlchemy's bound on connection age)` : '',
        review
          ? 'SQLAlchemy sizes its own pool: use pool_size / max_overflow instead of min_size / max_size'
          : '',
      ]
        .filter(Boolean)
        .join('; ');
      report({
        range: { start: refused[0]?.element.startIndex ?? 0, end: refused[0]?.element.endIndex ?? 0 },
        message: edits
          ? `${problem} Fix: ${plan}.`
          : `${problem} ${family === 'libpq' || family === 'asyncpg' ? 'Move them into connect_args' : "The file does not show the engine's driver, so staleproof does not guess where they belong; connection arguments go into connect_args"}.`,
        fix: edits
          ? {
              safety: review ? 'review' : 'safe',
              description: `Take ${names} out of the ${engine.site.name}() keywords${plan ? `: ${plan}` : ''}.`,
              edits,
            }
          : null,
      });
    }
  },
});
