import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { lockedReason } from '../../_lib/options';
import { addNestedEdits, knexConfigs, nested, replaceValueEdit } from '../../_lib/orm';
import { valueKind } from '../../_lib/syntax';

export default defineRule({
  id: 'js.knex.pool-min-nonzero',
  title: 'Knex pool keeps idle connections open forever (min above 0)',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports Knex configs for PostgreSQL (`client: 'pg'` / `'postgresql'`, in `knex({...})` or a knexfile) whose pool keeps a minimum of idle connections: `pool.min` above 0, or no `pool.min` at all (Knex's default is 2).",
    why: "Knex's pool (tarn) closes idle connections after `idleTimeoutMillis` only above `min`. The `min` connections stay open however long they sit unused, so they are the ones a NAT gateway or load balancer drops silently, or that point at a server that vanished in a failover. Knex only notices a connection is dead if its client emitted an error; a silently dropped one is handed out and the query hangs until TCP gives up (about 15 minutes on Linux). Knex's own documentation recommends `min: 0`.",
    example: {
      before: "knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 2, max: 10 } })",
      after: "knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 10 } })",
    },
    fixSafety:
      'safe: with `min: 0` idle connections close after `idleTimeoutMillis` (30 s by default; note tarn reads 0 there as 30 s, not as "never"), and the next query opens a new one. The fix sets a literal `min` to 0, adds `min: 0` to the pool object, or adds `pool: { min: 0 }`. A `min` computed at run time, or a pool that comes from a shared object or a spread, is reported and left alone.',
    sources: [
      'https://knexjs.org/guide/#pool',
      'https://github.com/knex/knex/blob/master/lib/client.js',
      'https://github.com/Vincit/tarn.js/blob/master/src/Pool.ts',
      'https://github.com/knex/knex/issues/3523',
    ],
  },
  check({ doc, text, format, report }) {
    for (const config of knexConfigs(doc, format)) {
      const pool = nested(doc, format, config.view, 'pool');
      const view = pool.view;
      const max = view?.properties.get('max');
      const maxKind = max ? valueKind(doc, max.value) : null;
      if (maxKind?.kind === 'number' && maxKind.value === 0) continue; // no pool at all
      const min = view?.properties.get('min');
      const minKind = min ? valueKind(doc, min.value) : null;
      let problem: string;
      let edits: TextEdit[] | null = null;
      let blocked: string | null = null;
      if (pool.property && !view) {
        report({
          range: config.range,
          severity: 'info',
          message: `${config.label}: ${pool.blocked}. If its min is above 0 (Knex's default is 2), those idle connections are never closed and are the ones a load balancer or failover leaves dead. Set min: 0 there.`,
          fix: null,
        });
        continue;
      }
      if (!min) {
        problem = `${config.label} does not set pool.min, so Knex keeps 2 idle connections open forever`;
        edits = addNestedEdits(text, config.view, pool, ['min: 0']);
        if (!edits) blocked = pool.blocked;
      } else if (minKind?.kind === 'number' && minKind.value > 0) {
        problem = `${config.label} sets pool.min ${min.value.text}, so ${minKind.value} idle connection(s) stay open forever`;
        const edit = pool.editable ? replaceValueEdit(min, '0') : null;
        edits = edit ? [edit] : null;
        if (!edit) blocked = pool.blocked ?? lockedReason(min);
      } else if (minKind?.kind === 'env' || minKind?.kind === 'unknown') {
        report({
          range: config.range,
          severity: 'info',
          message: `${config.label} takes pool.min from ${min.value.text.slice(0, 50)}: any value above 0 keeps that many idle connections open forever (tarn reaps only above min), and those are the ones a load balancer or failover leaves dead. Prefer 0. Not rewritten: the value is computed at run time.`,
          fix: null,
        });
        continue;
      } else continue;
      report({
        range: config.range,
        message: `${problem}: tarn reaps idle connections only above min, so these are the ones a NAT or load balancer drops silently or a failover leaves pointing at a dead server, and a query on one hangs for up to 15 minutes. With min: 0 they close after idleTimeoutMillis.${edits ? '' : ` Not written: ${blocked}.`}`,
        fix: edits ? { safety: 'safe', description: 'Set pool.min to 0.', edits } : null,
      });
    }
  },
});
