import { idleBoundSeconds } from '../../../../core/canonical';
import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { JS_VALUES } from '../../_lib/constants';
import { lockedReason } from '../../_lib/options';
import { nested, replaceValueEdit, sequelizeSites } from '../../_lib/orm';
import { valueKind } from '../../_lib/syntax';

const IDLE = JS_VALUES.idleTimeoutMs;

export default defineRule({
  id: 'js.sequelize.pool-keeps-stale-conns',
  title: 'Sequelize pool keeps idle connections past a load balancer timeout',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports `new Sequelize(...)` (v6, PostgreSQL) whose `pool.min` is above 0, or whose `pool.idle` is longer than the idle time a NAT gateway or load balancer allows (200 s unless the environment profile says otherwise).',
    why: 'sequelize-pool only reaps idle connections above `min`, after `idle` ms. Sequelize v6 cannot set a keepalive delay for node-postgres (the option is not forwarded), so an idle connection is protected only by being closed before a middlebox forgets its flow. Connections kept longer are handed out after a silent drop or a failover, and their first query fails or hangs until TCP gives up (about 15 minutes on Linux). With `min: 0` and `idle: 10000` idle connections are gone long before that.',
    example: {
      before: "new Sequelize(url, { dialect: 'postgres', pool: { max: 10, min: 2, idle: 600000 } });",
      after: "new Sequelize(url, { dialect: 'postgres', pool: { max: 10, min: 0, idle: 10000 } });",
    },
    fixSafety:
      'review: after a quiet period the first requests open new connections (a TCP, TLS and auth round trip each) instead of finding warm ones. Only literal values are replaced; values read from the environment, or set in a shared object spread into the options, are reported and left as they are.',
    sources: [
      'https://github.com/sequelize/sequelize/blob/v6/src/dialects/abstract/connection-manager.js',
      'https://github.com/sequelize/sequelize-pool/blob/master/src/Pool.ts',
      'https://sequelize.org/docs/v6/other-topics/connection-pool/',
    ],
  },
  check({ doc, format, environment, report }) {
    const bound = idleBoundSeconds(environment) * 1000;
    for (const site of sequelizeSites(doc, format)) {
      if (!site.options) continue;
      const pool = nested(doc, format, site.options, 'pool');
      if (!pool.view) continue;
      const problems: string[] = [];
      const notes: string[] = [];
      const edits: TextEdit[] = [];
      let blocked: string | null = null;
      const min = pool.view.properties.get('min');
      if (min) {
        const v = valueKind(doc, min.value);
        if (v.kind === 'number' && v.value > 0) {
          problems.push(`pool.min ${min.value.text} keeps ${v.value} idle connection(s) open forever`);
          const edit = pool.editable ? replaceValueEdit(min, '0') : null;
          if (edit) edits.push(edit);
          else blocked = pool.blocked ?? lockedReason(min);
        } else if (v.kind === 'env') {
          notes.push(
            `pool.min comes from ${min.value.text.slice(0, 50)}: if the variable is unset that is NaN, and sequelize-pool refuses to start ("min must be an integer >= 0"); any value above 0 is never reaped. Give it a default of 0 in code`,
          );
        } else if (v.kind === 'unknown') {
          notes.push(
            `pool.min comes from ${min.value.text.slice(0, 50)}; if that is above 0 those connections are never reaped`,
          );
        }
      }
      const idle = pool.view.properties.get('idle');
      if (idle) {
        const v = valueKind(doc, idle.value);
        if (v.kind === 'number' && v.value > bound) {
          problems.push(
            `pool.idle ${idle.value.text} ms keeps idle connections longer than a middlebox keeps their flow (${bound / 1000} s)`,
          );
          const edit = pool.editable ? replaceValueEdit(idle, String(IDLE)) : null;
          if (edit) edits.push(edit);
          else blocked = blocked ?? pool.blocked ?? lockedReason(idle);
        }
      }
      if (problems.length === 0) continue;
      const fixable = !blocked && edits.length > 0;
      report({
        range: site.range,
        message: `${site.label}: ${problems.join('; ')}. Sequelize v6 cannot tune TCP keepalive, so an idle connection a load balancer or NAT dropped, or whose server vanished in a failover, is handed out later and its first query fails or hangs for up to 15 minutes. min: 0 and idle: ${IDLE} close idle connections first.${notes.length ? ` ${notes.join('. ')}.` : ''}${fixable ? '' : ` Not written: ${blocked ?? 'nothing to edit here'}.`}`,
        fix: fixable
          ? {
              safety: 'review',
              description: 'Let the pool reap idle connections (min: 0, idle: 10000).',
              edits,
            }
          : null,
      });
    }
  },
});
