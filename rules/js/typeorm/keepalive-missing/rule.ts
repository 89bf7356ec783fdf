import { defineRule } from '../../../define-rule';
import { JS_VALUES } from '../../_lib/constants';
import { addNestedEdits, keepaliveGap, literalString, nested, typeormConfigs } from '../../_lib/orm';

const DELAY = JS_VALUES.keepAliveDelayMs;

export default defineRule({
  id: 'js.typeorm.keepalive-missing',
  title: 'TypeORM PostgreSQL pool without TCP keepalive',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports TypeORM options with `type: 'postgres'` (`new DataSource({...})`, `TypeOrmModule.forRoot({...})`, ormconfig modules) whose `extra` does not turn on node-postgres's TCP keepalive with a first probe after 30 s, including `keepAlive` written at the top level, where TypeORM ignores it.",
    why: "TypeORM builds a node-postgres Pool from its own options and then merges `extra` over them; keepalive is not a TypeORM option, so it exists only through `extra`, and node-postgres leaves it off by default. An idle pooled connection whose flow a NAT or load balancer forgot, or whose server vanished in a failover, then looks healthy until a query hangs on it for about 15 minutes (TCP retransmissions). With keepalive after 30 s a dead connection errors within about 40 s and the pool drops it. TypeORM already attaches the pool's `error` listener (customise it with `poolErrorHandler`), so no listener is needed.",
    example: {
      before: "new DataSource({ type: 'postgres', url: env.DB_URL, extra: { max: 20 } })",
      after:
        "new DataSource({ type: 'postgres', url: env.DB_URL, extra: { max: 20, keepAlive: true, keepAliveInitialDelayMillis: 30000 } })",
    },
    fixSafety:
      'safe: the two keys go into `extra` (created as `extra: { ... }` when absent; `keepAlive: false` and delays under 1000 ms are replaced), and only turn on a probe packet after 30 s of silence. `extra` built elsewhere, shared, or computed at run time is reported, not rewritten. `connectTimeoutMS` (0.2.26+) is a separate concern and not added here.',
    sources: [
      'https://github.com/typeorm/typeorm/blob/master/src/driver/postgres/PostgresDriver.ts',
      'https://typeorm.io/docs/data-source/data-source-options/#postgres--cockroachdb-data-source-options',
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/connection.js',
    ],
  },
  check({ doc, text, format, report }) {
    for (const config of typeormConfigs(doc, format)) {
      const host = literalString(doc, config.view.properties.get('host')?.value);
      if (host?.startsWith('/')) continue;
      const extra = nested(doc, format, config.view, 'extra');
      if (extra.property && !extra.view) {
        report({
          range: config.range,
          severity: 'info',
          message: `${config.label}: ${extra.blocked}. Make sure it holds keepAlive: true and keepAliveInitialDelayMillis: ${DELAY}; without them an idle connection a load balancer dropped hangs the next query for up to 15 minutes.`,
          fix: null,
        });
        continue;
      }
      const gap = keepaliveGap(doc, extra.view, `${config.label}.extra`, DELAY);
      if (!gap) continue;
      const topLevel =
        config.view.properties.has('keepAlive') || config.view.properties.has('keepAliveInitialDelayMillis');
      let blocked = gap.blocked;
      let edits = null;
      if (!blocked) {
        const added = addNestedEdits(text, config.view, extra, gap.props);
        if (added) edits = [...gap.edits, ...added];
        else blocked = extra.blocked ?? 'extra is not visible here';
      }
      report({
        range: config.range,
        message: `${gap.problem}${topLevel ? ' (keepAlive at the top level is not a TypeORM option and never reaches node-postgres; only extra does)' : ''}: an idle connection a NAT or load balancer dropped, or whose server vanished in a failover, looks healthy until a query hangs on it for up to 15 minutes. With keepAlive: true and keepAliveInitialDelayMillis: ${DELAY} in extra it is noticed in about 40 s and the pool drops it.${edits ? '' : ` Not written: ${blocked ?? 'nothing to edit here'}.`}`,
        fix: edits
          ? {
              safety: 'safe',
              description: `Turn on TCP keepalive in extra (keepAliveInitialDelayMillis: ${DELAY}).`,
              edits,
            }
          : null,
      });
    }
  },
});
