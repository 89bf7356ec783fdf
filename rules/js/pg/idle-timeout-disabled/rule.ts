import { defineRule } from '../../../define-rule';
import { JS_VALUES } from '../../_lib/constants';
import { lockedReason } from '../../_lib/options';
import { pgSites } from '../../_lib/pg';
import { valueKind } from '../../_lib/syntax';

const IDLE = JS_VALUES.idleTimeoutMs;

export default defineRule({
  id: 'js.pg.idle-timeout-disabled',
  title: 'pg-pool never closes idle clients',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports node-postgres pools (and `new PrismaPg({...})`) with `idleTimeoutMillis` set to 0, `null`, `false` or `NaN`, and notes values computed at run time that may be NaN.',
    why: 'pg-pool arms its idle timer only for a truthy value, so these keep every idle client open forever. A NAT gateway or load balancer drops such a connection after a few idle minutes, often without telling either side; the next checkout gets it, and its query fails (reset) or hangs until TCP gives up. The default 10 s closes idle clients long before any middlebox does. `Number(process.env.X)` of an unset variable is NaN, which disables the timer the same way.',
    example: {
      before: 'const pool = new Pool({ host: "db.internal", idleTimeoutMillis: 0 });',
      after: 'const pool = new Pool({ host: "db.internal", idleTimeoutMillis: 10000 });',
    },
    fixSafety:
      'review: idle clients are closed after 10 s, so after a burst the pool reconnects more often (each new connection costs a TLS and auth round trip). Only a literal is replaced; a value computed at run time is reported, never rewritten.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg-pool/index.js',
      'https://node-postgres.com/apis/pool',
      'https://github.com/brianc/node-postgres/issues/3298',
    ],
  },
  check({ doc, format, report }) {
    const done = new Set<number>();
    for (const site of pgSites(doc, format)) {
      if (site.kind !== 'pool' || !site.options) continue;
      const view = site.options;
      if (done.has(view.object.startIndex)) continue;
      done.add(view.object.startIndex);
      const property = view.properties.get('idleTimeoutMillis');
      if (!property) continue;
      const kind = valueKind(doc, property.value);
      const effect = `a connection a NAT or load balancer dropped while idle is handed out later and fails or hangs on its first query. pg-pool's default ${IDLE} ms closes idle clients well before any middlebox timeout.`;
      if (kind.kind === 'env') {
        report({
          range: site.range,
          severity: 'info',
          message: `${site.label} takes idleTimeoutMillis from ${property.value.text.slice(0, 60)}: if that variable is unset the value is NaN, and pg-pool then never closes idle clients, so ${effect} Give it a default in code. Not rewritten: the value is computed at run time.`,
          fix: null,
        });
        continue;
      }
      const disabled =
        kind.kind === 'null' ||
        kind.kind === 'nan' ||
        (kind.kind === 'boolean' && !kind.value) ||
        (kind.kind === 'number' && kind.value === 0) ||
        (kind.kind === 'string' && kind.value === '');
      if (!disabled) continue;
      const editable = property.editable && property.member.kind === 'pair';
      report({
        range: site.range,
        message: `${site.label} sets idleTimeoutMillis: ${property.value.text}, so idle clients are never closed: ${effect}${editable ? '' : ` Not written: ${lockedReason(property)}.`}`,
        fix: editable
          ? {
              safety: 'review',
              description: `Set idleTimeoutMillis: ${IDLE} (pg-pool's default).`,
              edits: [{ start: property.value.startIndex, end: property.value.endIndex, text: String(IDLE) }],
            }
          : null,
      });
    }
  },
});
