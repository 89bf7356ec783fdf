import { applyEdits } from '../../../../core/edits';
import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { removeParamsEdits, shiftEdits } from '../../../python/_lib/url-params';
import { insertOptions } from '../../_lib/options';
import { connectionStringOf, pgSites, urlConversions } from '../../_lib/pg';
import { unwrap } from '../../_lib/syntax';

const NO_EQUIVALENT: Record<string, string> = {
  keepalives_interval: 'Node fixes the probe interval itself',
  keepalives_count: 'Node fixes the probe count itself',
  tcp_user_timeout: 'the JavaScript client has no equivalent; use query_timeout',
  target_session_attrs: 'pure-JS node-postgres cannot pick a primary; list the primary host or use a proxy',
};

export default defineRule({
  id: 'js.pg.options-in-url-ignored',
  title: 'node-postgres connection string holds options it never reads',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports literal node-postgres connection strings (`connectionString:` or `new Client(url)`) whose query holds libpq or pool names the JavaScript client ignores: `keepalives`, `keepalives_idle`, `connect_timeout`, `keepAlive`, `connectionTimeoutMillis`, `idleTimeoutMillis`, `max`, `min`, `maxLifetimeSeconds`, `target_session_attrs`, `tcp_user_timeout`. From the URL pure-JS pg reads only the address, credentials, ssl*, application_name, options, client_encoding, replication and the server timeouts.',
    why: 'The settings look applied but are not: `?keepalives=1&connect_timeout=10` leaves keepalive off and connects with no time limit, so dead connections and vanished hosts hang exactly as if nothing had been written. The pool reads `max` and `idleTimeoutMillis` only from the options object.',
    example: {
      before:
        "new Pool({ connectionString: 'postgres://app@db:5432/app?keepalives=1&connect_timeout=10&sslmode=require' })",
      after:
        "new Pool({ connectionString: 'postgres://app@db:5432/app?sslmode=require', keepAlive: true, connectionTimeoutMillis: 10000 })",
    },
    fixSafety:
      'safe when it moves only connection settings: the URL parameters were no-ops, and the fix writes the values you gave under the names node-postgres reads (`connect_timeout=N` → `connectionTimeoutMillis: N*1000`, `keepalives=1` → `keepAlive: true`, `keepalives_idle=N` → `keepAliveInitialDelayMillis: N*1000`), or drops those with no equivalent. review when it moves pool sizing (`max`, `min`, `idleTimeoutMillis`, `maxLifetimeSeconds`): the pool then really opens that many connections. A key the options already set is only removed from the URL; pool keys are not added to a Client; a TypeScript literal typed with your own interface gets no new keys. URLs from the environment or used elsewhere are reported, not edited.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/connection-parameters.js',
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/client.js',
      'https://github.com/brianc/node-postgres/blob/master/packages/pg-connection-string/index.js',
    ],
  },
  check({ doc, text, format, report }) {
    const done = new Set<number>();
    for (const site of pgSites(doc, format)) {
      const url = connectionStringOf(doc, site);
      if (!url || url === 'env' || !url.parsed) continue;
      if (done.has(url.literal.node.startIndex)) continue;
      const conversions = urlConversions(site, url);
      if (conversions.length === 0) continue;
      done.add(url.literal.node.startIndex);
      const moved = conversions.filter((c) => c.key && c.value !== null);
      const described = conversions
        .map((c) =>
          c.key
            ? `${c.param.key}=${c.param.value} → ${c.key}: ${c.value}`
            : `${c.param.key} (${NO_EQUIVALENT[c.param.key] ?? (site.options?.properties.has(c.param.key) ? 'already set in the options' : 'not applicable here')})`,
        )
        .join(', ');
      const removal = shiftEdits(
        removeParamsEdits(
          url.parsed,
          conversions.map((c) => c.param),
        ),
        url.literal.contentStart,
      );
      const props = moved.map((c) => `${c.key}: ${c.value}`);
      let edits: TextEdit[] | null = null;
      let blocked: string | null = null;
      if (!url.editable) blocked = 'the connection string is used elsewhere in this file too';
      else if (site.options) edits = [...removal, ...insertOptions(text, site.options, props)];
      else if (props.length === 0) edits = removal;
      else if (site.arg && unwrap(site.arg).startIndex === url.literal.node.startIndex) {
        const node = url.literal.node;
        const inner = removal.map((e) => ({
          ...e,
          start: e.start - node.startIndex,
          end: e.end - node.startIndex,
        }));
        const literal = applyEdits(node.text, inner);
        edits = [
          {
            start: site.arg.startIndex,
            end: site.arg.endIndex,
            text: `{ connectionString: ${literal}, ${props.join(', ')} }`,
          },
        ];
      } else blocked = 'the options cannot be written next to this connection string';
      const sizing = moved.some((c) => c.sizing);
      report({
        range: { start: url.literal.node.startIndex, end: url.literal.node.endIndex },
        message: `${site.label}: node-postgres ignores these connection-string parameters, so they do nothing: ${described}.${edits ? '' : ` Not written: ${blocked}.`}`,
        fix: edits
          ? {
              safety: sizing ? 'review' : 'safe',
              description: props.length
                ? `Move them to the options: ${props.join(', ')}${sizing ? ' (pool sizing takes effect)' : ''}.`
                : 'Remove them from the connection string.',
              edits,
            }
          : null,
      });
    }
  },
});
