import type { TextEdit } from '../../../../core/types';
import type { Param } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { removeParamsEdits, shiftEdits } from '../../../python/_lib/url-params';
import { addPostgresJsOptions, postgresJsSites } from '../../_lib/postgresjs';
import { quoteOf } from '../../_lib/syntax';

/** Keys other drivers put in URLs that postgres.js forwards to the server, and what replaces them. */
const FOREIGN: Record<string, { from: string; option?: string }> = {
  connection_limit: { from: 'Prisma', option: 'max' },
  pool_timeout: { from: 'Prisma' },
  socket_timeout: { from: 'Prisma' },
  pgbouncer: { from: 'Prisma', option: 'prepare' },
  schema: { from: 'Prisma', option: 'connection' },
  statement_cache_size: { from: 'Prisma' },
  max_idle_connection_lifetime: { from: 'Prisma' },
  max_connection_lifetime: { from: 'Prisma' },
  keepalives: { from: 'libpq' },
  keepalives_idle: { from: 'libpq' },
  keepalives_interval: { from: 'libpq' },
  keepalives_count: { from: 'libpq' },
  tcp_user_timeout: { from: 'libpq' },
  load_balance_hosts: { from: 'libpq' },
  hostaddr: { from: 'libpq' },
  gssencmode: { from: 'libpq' },
  channel_binding: { from: 'libpq' },
  requiressl: { from: 'libpq' },
  pool_max_conns: { from: 'pgx', option: 'max' },
  pool_min_conns: { from: 'pgx' },
  pool_max_conn_lifetime: { from: 'pgx' },
  pool_max_conn_idle_time: { from: 'pgx' },
  pool_health_check_period: { from: 'pgx' },
  connectionTimeoutMillis: { from: 'node-postgres' },
  keepAlive: { from: 'node-postgres' },
  idleTimeoutMillis: { from: 'node-postgres' },
};
/** TLS files: forwarded too, but removing them silently would drop a security setting. */
const TLS_FILES = new Set(['sslcert', 'sslkey', 'sslrootcert', 'sslpassword', 'sslcrl', 'sslcrldir']);

export default defineRule({
  id: 'js.postgresjs.foreign-url-params',
  title: 'postgres.js URL holds parameters every connection sends to the server',
  severity: 'error',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports literal postgres.js connection strings with query parameters from other drivers that postgres.js does not know — Prisma's `connection_limit`, `pool_timeout`, `socket_timeout`, `pgbouncer`, `schema`; libpq's `keepalives*`, `tcp_user_timeout`; pgx's `pool_*`; TLS file paths such as `sslrootcert`.",
    why: 'postgres.js sends every URL parameter it does not use itself to PostgreSQL as a startup parameter. The server knows no setting called `connection_limit` or `keepalives_idle` and refuses the connection ("unrecognized configuration parameter"), PgBouncer refuses it too ("unsupported startup parameter"): every connection fails, usually after a URL was copied from a Prisma or libpq setup.',
    example: {
      before:
        "const sql = postgres('postgres://app@db/app?connection_limit=5&pool_timeout=10&sslmode=require');",
      after: "const sql = postgres('postgres://app@db/app?sslmode=require', { max: 5 });",
    },
    fixSafety:
      "safe: with these parameters no connection can be made, so removing them can only help. Where postgres.js has an equivalent the value moves to the options: `connection_limit` / `pool_max_conns` → `max`, `pgbouncer=true` → `prepare: false`, `schema=x` → `connection: { search_path: 'x' }`, unless the options already set that key. TLS file parameters are only reported (move them to the `ssl` option yourself), as are URLs from the environment or used elsewhere.",
    sources: [
      'https://github.com/porsager/postgres/blob/master/src/index.js',
      'https://github.com/porsager/postgres#connection-details',
      'https://www.prisma.io/docs/orm/overview/databases/postgresql#arguments',
    ],
  },
  check({ doc, text, format, report }) {
    for (const site of postgresJsSites(doc, format)) {
      const url = site.url && site.url !== 'env' ? site.url : null;
      if (!url?.parsed) continue;
      const foreign = url.parsed.params.filter((p) => FOREIGN[p.key] || TLS_FILES.has(p.key));
      if (foreign.length === 0) continue;
      const removable: Param[] = foreign.filter((p) => !TLS_FILES.has(p.key));
      const tls = foreign.filter((p) => TLS_FILES.has(p.key));
      const q = quoteOf(doc);
      const props: string[] = [];
      const has = (key: string) =>
        site.options?.properties.has(key) ||
        url.parsed?.params.some((p) => p.key === key) ||
        props.some((p) => p.startsWith(`${key}:`));
      const moved: string[] = [];
      for (const param of removable) {
        const option = FOREIGN[param.key]?.option;
        if (option === 'max' && /^\d+$/.test(param.value) && !has('max')) {
          props.push(`max: ${Number(param.value)}`);
          moved.push(`${param.key}=${param.value} → max: ${Number(param.value)}`);
        } else if (option === 'prepare' && /^(true|1)$/i.test(param.value) && !has('prepare')) {
          props.push('prepare: false');
          moved.push(`${param.key}=true → prepare: false`);
        } else if (option === 'connection' && /^[\w$,]+$/.test(param.value) && !has('connection')) {
          props.push(`connection: { search_path: ${q}${param.value}${q} }`);
          moved.push(`${param.key}=${param.value} → connection: { search_path: ${q}${param.value}${q} }`);
        }
      }
      const keys = foreign.map((p) => p.key).join(', ');
      let edits: TextEdit[] | null = null;
      let blocked: string | null = null;
      if (removable.length === 0)
        blocked = 'only TLS file parameters: move them to the ssl option ({ ssl: { ca, cert, key } })';
      else if (!url.editable) blocked = 'the connection string is used elsewhere in this file too';
      else {
        const removal = shiftEdits(removeParamsEdits(url.parsed, removable), url.literal.contentStart);
        const added = props.length > 0 ? addPostgresJsOptions(text, site, props) : [];
        if (added === null) blocked = 'the options argument is not visible here';
        else edits = [...removal, ...added];
      }
      const tlsNote =
        tls.length > 0 && removable.length > 0
          ? ` ${tls.map((p) => p.key).join(', ')} must move to the ssl option by hand.`
          : '';
      report({
        range: { start: url.literal.node.startIndex, end: url.literal.node.endIndex },
        message: `${site.label}: postgres.js sends ${keys} to the server as startup parameter${foreign.length > 1 ? 's' : ''}, which PostgreSQL and PgBouncer reject ("unrecognized configuration parameter"), so every connection fails.${moved.length ? ` Moved: ${moved.join(', ')}.` : ''}${tlsNote}${edits ? '' : ` Not written: ${blocked}.`}`,
        fix: edits
          ? {
              safety: 'safe',
              description: `Remove ${removable.map((p) => p.key).join(', ')} from the URL${props.length ? ` and set ${props.join(', ')}` : ''}.`,
              edits,
            }
          : null,
      });
    }
  },
});
