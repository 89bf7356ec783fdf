import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { removeParamsEdits, shiftEdits } from '../../../python/_lib/url-params';
import { insertOptions } from '../../_lib/options';
import { connectionStringOf, pgSites } from '../../_lib/pg';
import { PRISMA_POOL_PARAMS, prismaAdapterConversions } from '../../_lib/prisma';

export default defineRule({
  id: 'js.prisma.url-pool-params-ignored-by-adapter',
  title: "Prisma 7 adapter ignores the engine's URL pool parameters",
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports `new PrismaPg({ connectionString })` (Prisma 7's node-postgres adapter) whose literal URL still carries the pool parameters of Prisma's query engine: `connection_limit`, `pool_timeout`, `max_idle_connection_lifetime`, `socket_timeout`.",
    why: "With a driver adapter, node-postgres owns the pool. adapter-pg takes only `schema` (and `options`) from the URL and node-postgres reads none of the engine's parameters, so a URL carried over from Prisma 6 silently loses its limits: the pool falls back to 10 connections, waits forever for a connection (no connect timeout), and queries have no client-side timeout. The settings must move into the adapter's options, where node-postgres reads them.",
    example: {
      before:
        "const adapter = new PrismaPg({ connectionString: 'postgresql://app@db:5432/app?schema=core&connection_limit=5&pool_timeout=20' });",
      after:
        "const adapter = new PrismaPg({ connectionString: 'postgresql://app@db:5432/app?schema=core', max: 5, connectionTimeoutMillis: 20000 });",
    },
    fixSafety:
      "review: the limits start to apply (`connection_limit=N` → `max: N`, `pool_timeout=N` → `connectionTimeoutMillis: N×1000`, `max_idle_connection_lifetime=N` → `idleTimeoutMillis: N×1000`, `socket_timeout=N` → `query_timeout: N×1000`), so the pool size and the moment a waiting caller gets an error change. node-postgres has one connect timeout: when the URL also has `connect_timeout`, js.pg.options-in-url-ignored moves that one and `pool_timeout` is only removed. A value of 0 (no limit in Prisma) is removed without a replacement. Only literal URLs used by this adapter alone are edited; an environment URL is reported. Tested here: the URL handling and, with a stand-in that hands the adapter's options to a real pg Pool as adapter-pg does, that node-postgres uses the moved keys; Prisma's own engine and adapter do not run in this test suite.",
    sources: [
      'https://github.com/prisma/prisma/blob/main/packages/adapter-pg/src/pg.ts',
      'https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool',
      'https://www.prisma.io/docs/orm/more/upgrade-guides/upgrading-versions/upgrading-to-prisma-7',
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/connection-parameters.js',
    ],
  },
  check({ doc, text, format, report }) {
    for (const site of pgSites(doc, format)) {
      if (site.constructorName !== 'PrismaPg') continue;
      const url = connectionStringOf(doc, site);
      if (url === 'env') {
        report({
          range: site.range,
          severity: 'info',
          message: `${site.label}: the connection string comes from the environment. If it still holds Prisma 6 pool parameters (${Object.keys(PRISMA_POOL_PARAMS).join(', ')}), node-postgres ignores them under the adapter: set max, connectionTimeoutMillis, idleTimeoutMillis and query_timeout in the adapter's options instead.`,
          fix: null,
        });
        continue;
      }
      if (!url?.parsed) continue;
      const conversions = prismaAdapterConversions(url, site.options);
      if (conversions.length === 0) continue;
      const props = conversions.filter((c) => c.key && c.value !== null).map((c) => `${c.key}: ${c.value}`);
      const names = conversions.map((c) => `${c.param.key}=${c.param.value}`).join(', ');
      let edits: TextEdit[] | null = null;
      let blocked: string | null = null;
      if (!url.editable) blocked = 'the connection string is shared with other code in this file';
      else if (!site.options) blocked = 'the adapter options are not visible here';
      else
        edits = [
          ...shiftEdits(
            removeParamsEdits(
              url.parsed,
              conversions.map((c) => c.param),
            ),
            url.literal.contentStart,
          ),
          ...(props.length ? insertOptions(text, site.options, props) : []),
        ];
      report({
        range: { start: url.literal.node.startIndex, end: url.literal.node.endIndex },
        message: `${site.label}: under Prisma 7's pg adapter, ${names} in the URL ${conversions.length > 1 ? 'are' : 'is'} ignored (adapter-pg keeps only schema and options; node-postgres reads none of them), so the pool runs with node-postgres defaults: 10 connections, no connect timeout, no query timeout.${props.length ? ` As pool options: ${props.join(', ')}.` : ''}${edits ? '' : ` Not written: ${blocked}.`}`,
        fix: edits
          ? {
              safety: 'review',
              description: `Move ${conversions.map((c) => c.param.key).join(', ')} from the URL into the adapter's options${props.length ? ` (${props.join(', ')})` : ''}.`,
              edits,
            }
          : null,
      });
    }
  },
});
