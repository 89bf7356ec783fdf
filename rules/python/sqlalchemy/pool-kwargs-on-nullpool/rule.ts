import { defineRule } from '../../../define-rule';
import { removeElementsEdits } from '../../_lib/remove-elements';
import { type EngineOption, sqlalchemyEngines, UNSIZED_POOLS } from '../../_lib/sqlalchemy';

/** QueuePool's own arguments: create_engine() refuses them for pools that do not take them. */
const QUEUE_ONLY = ['pool_size', 'max_overflow', 'pool_timeout', 'pool_use_lifo'];

export default defineRule({
  id: 'python.sqlalchemy.pool-kwargs-on-nullpool',
  title: 'Pool sizing arguments on a NullPool or StaticPool engine crash at startup',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports `pool_size`, `max_overflow`, `pool_timeout` or `pool_use_lifo` passed to an engine whose `poolclass` is NullPool, StaticPool or AssertionPool, typically copied from a snippet when switching to PgBouncer.',
    why: 'create_engine() passes each pool argument to the pool class and refuses those it does not take: the application dies at startup with "TypeError: Invalid argument(s) \'pool_size\' sent to create_engine(), using configuration PGDialect_psycopg2/NullPool/Engine".',
    example: {
      before:
        'engine = create_engine(URL, poolclass=NullPool, pool_size=20, max_overflow=0, pool_pre_ping=True)',
      after: 'engine = create_engine(URL, poolclass=NullPool, pool_pre_ping=True)',
    },
    fixSafety:
      'safe: the removed arguments never took effect (the engine could not be built with them); `pool_recycle` and `pool_pre_ping`, which every pool accepts, stay. When the arguments sit in a `**dict` that other calls also use, no edit is offered.',
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#switching-pool-implementations',
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/engine/create.py',
    ],
  },
  check({ doc, text, report }) {
    for (const engine of sqlalchemyEngines(doc)) {
      if (!engine.poolclass || !UNSIZED_POOLS.has(engine.poolclass)) continue;
      const bad = engine.options.filter((o) => QUEUE_ONLY.includes(o.name));
      if (bad.length === 0) continue;
      const names = bad.map((o) => o.name).join(', ');
      const byContainer = new Map<number, EngineOption[]>();
      for (const o of bad)
        byContainer.set(o.container.startIndex, [...(byContainer.get(o.container.startIndex) ?? []), o]);
      // A `**dict` that several calls unpack may feed a QueuePool engine too: do not edit it.
      const shared = bad.some(
        (o) =>
          o.container.startIndex !== engine.site.args.startIndex &&
          (() => {
            const name = o.container.parent?.parent?.childForFieldName('left')?.text;
            return !name || (text.match(new RegExp(`\\*\\*${name}\\b`, 'g')) ?? []).length > 1;
          })(),
      );
      const message = `${engine.site.name}() with poolclass=${engine.poolclass} refuses ${names}: the engine is never built ("TypeError: Invalid argument(s) '${bad[0]?.name}' sent to create_engine()"). ${engine.poolclass} keeps no pool to size; remove them.`;
      report({
        range: { start: bad[0]?.element.startIndex ?? 0, end: bad[0]?.element.endIndex ?? 0 },
        message: shared
          ? `${message} They come from a dict other calls also unpack, so staleproof offers no edit.`
          : message,
        fix: shared
          ? null
          : {
              safety: 'safe',
              description: `Remove ${names}.`,
              edits: [...byContainer.values()].flatMap((options) =>
                removeElementsEdits(
                  text,
                  options[0]?.container as NonNullable<(typeof options)[0]>['container'],
                  options.map((o) => o.element),
                ),
              ),
            },
      });
    }
  },
});
