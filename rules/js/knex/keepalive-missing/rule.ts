import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { JS_VALUES } from '../../_lib/constants';
import { resolveString } from '../../_lib/options';
import { addNestedEdits, keepaliveGap, knexConfigs, literalString, nested } from '../../_lib/orm';
import { unwrap } from '../../_lib/syntax';

const DELAY = JS_VALUES.keepAliveDelayMs;

export default defineRule({
  id: 'js.knex.keepalive-missing',
  title: 'Knex PostgreSQL connection without TCP keepalive',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports Knex configs for PostgreSQL whose `connection` (an object or a connection string) does not turn on node-postgres's TCP keepalive with a first probe after 30 s.",
    why: "Knex hands `connection` to node-postgres's Client as it is, and node-postgres leaves keepalive off. An idle pooled connection whose flow a NAT or load balancer forgot, or whose server vanished in a failover, looks healthy; Knex drops a connection only when its client emitted an error, so the next query on it hangs until TCP gives up (about 15 minutes on Linux). With keepalive after 30 s the middlebox keeps the flow and a dead peer is noticed in about 40 s; the socket errors and Knex discards the connection.",
    example: {
      before: "knex({ client: 'pg', connection: { host: 'db', user: 'app' } })",
      after:
        "knex({ client: 'pg', connection: { host: 'db', user: 'app', keepAlive: true, keepAliveInitialDelayMillis: 30000 } })",
    },
    fixSafety:
      'safe for a connection object: the two keys are added (or `keepAlive: false` / a delay under 1000 ms replaced), nothing else changes. review for a connection string: it becomes `{ connectionString: <the same expression>, keepAlive: true, keepAliveInitialDelayMillis: 30000 }`, which node-postgres parses the same way Knex did (both use pg-connection-string), but the shape of the config changes. Connection functions, values computed at run time and shared objects are reported, not rewritten. Unix-socket hosts are skipped.',
    sources: [
      'https://github.com/knex/knex/blob/master/lib/dialects/postgres/index.js',
      'https://knexjs.org/guide/#configuration-options',
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/connection.js',
      'https://github.com/knex/knex/issues/5186',
    ],
  },
  check({ doc, text, format, report }) {
    for (const config of knexConfigs(doc, format)) {
      const conn = nested(doc, format, config.view, 'connection');
      if (!conn.property) continue;
      const value = unwrap(conn.property.value);
      let gapProblem: string;
      let edits: TextEdit[] | null = null;
      let blocked: string | null = null;
      let safety: 'safe' | 'review' = 'safe';
      if (conn.view) {
        const host = literalString(doc, conn.view.properties.get('host')?.value);
        if (host?.startsWith('/')) continue;
        const gap = keepaliveGap(doc, conn.view, `${config.label}.connection`, DELAY);
        if (!gap) continue;
        gapProblem = gap.problem;
        if (gap.blocked) blocked = gap.blocked;
        else {
          const added = addNestedEdits(text, config.view, conn, gap.props);
          if (added) edits = [...gap.edits, ...added];
          else blocked = conn.blocked;
        }
      } else {
        const isFunction = /^(arrow_function|function_expression|function|generator_function)$/.test(
          value.type,
        );
        const str = isFunction ? null : resolveString(doc, value);
        const isString = str !== null || value.type === 'template_string' || value.type === 'string';
        if (!isString) {
          report({
            range: config.range,
            severity: 'info',
            message: `${config.label}: ${isFunction ? 'the connection is built by a function' : `the connection is ${value.text.slice(0, 50)}, which this file does not show`}. node-postgres turns TCP keepalive on only with keepAlive: true; make sure the object it yields has keepAlive: true and keepAliveInitialDelayMillis: ${DELAY}, or idle connections a load balancer dropped hang the next query for up to 15 minutes.`,
            fix: null,
          });
          continue;
        }
        if (str && str !== 'env' && str.parsed?.hosts.every((h) => h.host.startsWith('/'))) continue;
        gapProblem = `${config.label}.connection is a connection string, and node-postgres reads keepalive only from the object form`;
        safety = 'review';
        if (!conn.property.editable || conn.property.assigned || conn.property.member.kind !== 'pair')
          blocked = 'the connection comes from a shared object or is assigned later';
        else
          edits = [
            {
              start: conn.property.value.startIndex,
              end: conn.property.value.endIndex,
              text: `{ connectionString: ${conn.property.value.text}, keepAlive: true, keepAliveInitialDelayMillis: ${DELAY} }`,
            },
          ];
      }
      report({
        range: config.range,
        message: `${gapProblem}: an idle connection a NAT or load balancer dropped, or whose server vanished in a failover, looks healthy to Knex until a query hangs on it for up to 15 minutes. With keepAlive: true and keepAliveInitialDelayMillis: ${DELAY} a dead connection is noticed in about 40 s and discarded.${edits ? '' : ` Not written: ${blocked ?? 'nothing to edit here'}.`}`,
        fix: edits
          ? {
              safety,
              description:
                safety === 'safe'
                  ? `Turn on TCP keepalive in the connection (keepAliveInitialDelayMillis: ${DELAY}).`
                  : `Use the object form { connectionString, keepAlive: true, keepAliveInitialDelayMillis: ${DELAY} }.`,
              edits,
            }
          : null,
      });
    }
  },
});
