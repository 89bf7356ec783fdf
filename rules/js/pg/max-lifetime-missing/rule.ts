import { defineRule } from '../../../define-rule';
import { JS_VALUES, versionAtLeast } from '../../_lib/constants';
import { lockedReason, typedAsPg } from '../../_lib/options';
import { addOptionsEdits, endpoint, hiddenReason, pendingUrlKeys, pgSites, spreadNote } from '../../_lib/pg';
import { valueKind } from '../../_lib/syntax';

const LIFETIME = JS_VALUES.lifetimeSeconds;
/** pg-pool 3.5.0 added maxLifetimeSeconds; pg 8.7.3 is the first pg that requires it (8.7.2 was never published). */
const PG_SINCE = [8, 7, 3] as const;
const POOL_SINCE = [3, 5, 0] as const;

export default defineRule({
  id: 'js.pg.max-lifetime-missing',
  title: 'pg-pool keeps busy connections forever',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports node-postgres pools (and `new PrismaPg({...})`) that reach the database by a DNS name and set no `maxLifetimeSeconds` (or 0). The edit is offered only when you state pg 8.7.3+ (or pg-pool 3.5.0+) in the environment; otherwise it is a note.',
    why: 'A connection that is used every few seconds is never idle, so idle timeouts and keepalives never retire it. After a failover it can stay on a node that is alive but wrong (a demoted primary answering "cannot execute … in a read-only transaction", an old proxy) for days, and DNS changes are never picked up. `maxLifetimeSeconds: 1800` closes each client once it is 30 minutes old, when it is next released.',
    example: {
      before: 'const pool = new Pool({ host: "db.example.com", max: 20 });',
      after: 'const pool = new Pool({ host: "db.example.com", max: 20, maxLifetimeSeconds: 1800 });',
    },
    fixSafety:
      'review: clients are replaced every 30 minutes (one extra connect each), and clients created together expire together. Only offered when the stated pg version reads the key (pg 8.7.3+ / pg-pool 3.5.0+; older ones ignore it, so the message says upgrade). In TypeScript a literal typed `PoolConfig` gets no edit: @types/pg releases before the key was typed (the 8.6 typings) reject it as an excess property, and the installed typings cannot be known from here. Hosts given as an IP address, localhost or a Unix socket are left alone.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg-pool/index.js',
      'https://node-postgres.com/apis/pool',
      'https://github.com/brianc/node-postgres/pull/2698',
    ],
  },
  check({ doc, text, format, environment, report }) {
    const pg = versionAtLeast(environment.versions?.pg, PG_SINCE);
    const pool = versionAtLeast(environment.versions?.pgPool, POOL_SINCE);
    const supported = pg === true || pool === true ? true : pg === false || pool === false ? false : null;
    const done = new Set<number>();
    for (const site of pgSites(doc, format)) {
      if (site.kind !== 'pool') continue;
      const view = site.options;
      if (view) {
        if (done.has(view.object.startIndex)) continue;
        done.add(view.object.startIndex);
      }
      if (!view && site.arg && !site.stringArg) continue;
      const host = endpoint(doc, site);
      if (host.host === 'ip' || host.host === 'localhost' || host.host === 'socket') continue;
      if (pendingUrlKeys(doc, site).has('maxLifetimeSeconds')) continue;
      const property = view?.properties.get('maxLifetimeSeconds');
      const kind = property ? valueKind(doc, property.value) : null;
      if (
        kind &&
        kind.kind !== 'null' &&
        kind.kind !== 'nan' &&
        !(kind.kind === 'number' && kind.value === 0) &&
        !(kind.kind === 'boolean' && !kind.value)
      )
        continue;
      const problem = property
        ? `${site.label} sets maxLifetimeSeconds: ${property.value.text}, so a busy connection is never replaced`
        : `${site.label} sets no maxLifetimeSeconds, so a busy connection is never replaced`;
      const why = `after a failover it can stay on a node that is alive but wrong (a demoted primary: "read-only transaction" errors) and never follows a DNS change. maxLifetimeSeconds: ${LIFETIME} retires each client after 30 minutes.`;
      let blocked: string | null = null;
      if (supported === false)
        blocked = `you stated pg ${environment.versions?.pg ?? environment.versions?.pgPool}, which ignores maxLifetimeSeconds: upgrade to pg 8.7.3 or later first`;
      else if (supported === null)
        blocked = 'state pg=8.7.3 or later in the environment to get the edit (older pg ignores the key)';
      else if (view?.typedAs && typedAsPg(view))
        blocked =
          'the literal is typed for @types/pg, and typings older than the key reject it (excess property); add it once your @types/pg declares maxLifetimeSeconds';
      else if (view && !typedAsPg(view))
        blocked = `the options literal is typed ${view.typedAs}; add maxLifetimeSeconds to that type first`;
      else if (property && !(property.editable && property.member.kind === 'pair'))
        blocked = lockedReason(property);
      let edits = null;
      if (!blocked) {
        edits = property
          ? [{ start: property.value.startIndex, end: property.value.endIndex, text: String(LIFETIME) }]
          : addOptionsEdits(text, site, [`maxLifetimeSeconds: ${LIFETIME}`]);
        if (!edits) blocked = hiddenReason(site) ?? 'the options are not visible here';
      }
      report({
        range: site.range,
        severity: supported === null ? 'info' : undefined,
        message: `${problem}: ${why}${edits ? (property ? '' : spreadNote(view)) : ` Not written: ${blocked}.`}`,
        fix: edits ? { safety: 'review', description: `Set maxLifetimeSeconds: ${LIFETIME}.`, edits } : null,
      });
    }
  },
});
