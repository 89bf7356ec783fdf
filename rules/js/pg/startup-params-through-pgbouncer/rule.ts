import { getParam } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { connectionStringOf, endpoint, pgSites } from '../../_lib/pg';
import { valueKind } from '../../_lib/syntax';

const STARTUP_KEYS = ['statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout', 'options'];

export default defineRule({
  id: 'js.pg.startup-params-through-pgbouncer',
  title: 'node-postgres sends startup parameters PgBouncer rejects',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Flags node-postgres pools and clients that set `statement_timeout`, `lock_timeout`, `idle_in_transaction_session_timeout` or `options` (in the options or the URL) while connecting to port 6432 or a host whose name contains `pgbouncer` or `pooler`, or to any host when the environment says the application is behind PgBouncer (`behindPgbouncer=true`).',
    why: 'node-postgres sends these as startup parameters. PgBouncer accepts only the few it tracks (client_encoding, datestyle, timezone, standard_conforming_strings, application_name) and refuses the connection otherwise ("unsupported startup parameter"), so every connect fails — typically right after someone adds a timeout, or after moving the app behind the pooler.',
    example: {
      before: "new Pool({ host: 'pgbouncer.internal', port: 6432, statement_timeout: 15000 })",
      after:
        "new Pool({ host: 'pgbouncer.internal', port: 6432 })  // and in pgbouncer.ini: ignore_startup_parameters = statement_timeout",
    },
    fixSafety:
      "none: either list the parameter in PgBouncer's `ignore_startup_parameters` (then it is silently not applied), set it per role/database on the server (`ALTER ROLE … SET statement_timeout`), or run `SET` in `onConnect` (pg 8.20+; a session SET leaks to other clients in transaction pooling). Which one fits is a decision about your setup.",
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/client.js',
      'https://www.pgbouncer.org/config.html#ignore_startup_parameters',
    ],
  },
  check({ doc, format, environment, report }) {
    for (const site of pgSites(doc, format)) {
      const { hostText, port } = endpoint(doc, site);
      const viaBouncer =
        environment.behindPgbouncer === true || port === '6432' || /pgbouncer|pooler/i.test(hostText ?? '');
      if (!viaBouncer) continue;
      const url = connectionStringOf(doc, site);
      const parsed = url && url !== 'env' ? url.parsed : null;
      const sent = STARTUP_KEYS.filter((key) => {
        const property = site.options?.properties.get(key);
        if (property) {
          const kind = valueKind(doc, property.value);
          return !(
            kind.kind === 'undefined' ||
            kind.kind === 'null' ||
            (kind.kind === 'boolean' && !kind.value)
          );
        }
        return parsed ? getParam(parsed, key) !== undefined : false;
      });
      if (sent.length === 0) continue;
      const where = port === '6432' ? 'port 6432' : 'a pooler host';
      report({
        range: site.range,
        message: `${site.label} sends ${sent.join(', ')} as startup parameter${sent.length > 1 ? 's' : ''} to ${where}: PgBouncer refuses parameters it does not track ("unsupported startup parameter"), so every connect fails. List ${sent.length > 1 ? 'them' : 'it'} in ignore_startup_parameters (then not applied), set ${sent.length > 1 ? 'them' : 'it'} per role on the server (ALTER ROLE … SET), or SET it in onConnect (pg 8.20+; leaks across clients in transaction pooling).`,
        fix: null,
      });
    }
  },
});
