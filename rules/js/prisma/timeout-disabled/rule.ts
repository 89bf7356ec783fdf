import { type Param, parseUri } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { removeParamsEdits, shiftEdits } from '../../../python/_lib/url-params';

/** Engine (≤ 6) URL parameters where 0 means "no limit", and the default that returns without them. */
const DISABLED: Record<string, string> = {
  pool_timeout: 'waiting for a free connection is never bounded (default 10 s)',
  connect_timeout: 'opening a connection is never bounded (default 5 s)',
  max_idle_connection_lifetime: 'idle connections are never closed (default 300 s)',
};
/** Parameters only Prisma's engine reads: a URL that has one is a Prisma URL. */
const PRISMA_ONLY = new Set([
  'connection_limit',
  'pool_timeout',
  'socket_timeout',
  'pgbouncer',
  'schema',
  'statement_cache_size',
  'max_connection_lifetime',
  'max_idle_connection_lifetime',
]);

const LINE = /^([ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.]*[ \t]*=[ \t]*)(["']?)([^"'\r\n#]*)\2/gm;

export default defineRule({
  id: 'js.prisma.timeout-disabled',
  title: 'Prisma connection URL turns a pool timeout off',
  severity: 'warning',
  formats: ['dotenv'],
  docs: {
    what: 'Reports PostgreSQL connection URLs for Prisma’s query engine (Prisma ≤ 6) in `.env` files that set `pool_timeout=0`, `max_idle_connection_lifetime=0`, or `connect_timeout=0` (the last only in a URL with other Prisma parameters, since other clients read it too).',
    why: "For Prisma's engine, 0 means no limit. `pool_timeout=0` lets a request wait forever for a free connection when every pooled connection is stuck on a dead socket; `connect_timeout=0` lets a connect to a vanished failover host hang for the kernel's SYN retries; `max_idle_connection_lifetime=0` keeps idle connections open until a load balancer or NAT silently drops them, and the next query on one fails (P1017). Removing the parameter restores the engine's defaults (10 s, 5 s, 300 s).",
    example: {
      before:
        'DATABASE_URL="postgresql://app@db:5432/app?connection_limit=5&pool_timeout=0&max_idle_connection_lifetime=0"',
      after: 'DATABASE_URL="postgresql://app@db:5432/app?connection_limit=5"',
    },
    fixSafety:
      'safe: the parameters are removed, which brings back the engine\'s own bounded defaults; every other part of the line stays byte for byte. Only `.env` lines are read: `schema.prisma` has no grammar here, so a literal `url = "…"` in it is not checked (with `url = env("DATABASE_URL")` the `.env` line is what counts). Under Prisma 7\'s driver adapters these parameters are ignored anyway (see js.prisma.url-pool-params-ignored-by-adapter). Not run against a Prisma engine in this test suite; the URL handling is what the tests prove.',
    sources: [
      'https://github.com/prisma/prisma-engines/blob/main/quaint/src/connector/postgres/url.rs',
      'https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool',
      'https://www.prisma.io/docs/orm/overview/databases/postgresql#arguments',
      'https://github.com/prisma/prisma/issues/6329',
    ],
  },
  check({ text, report }) {
    for (const m of text.matchAll(LINE)) {
      const value = m[3] ?? '';
      const parsed = parseUri(value.trim());
      if (!parsed || !/^postgres(ql)?$/.test(parsed.dialect)) continue;
      const start = (m.index ?? 0) + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
      const prisma = parsed.params.some((p) => PRISMA_ONLY.has(p.key));
      const off: Param[] = parsed.params.filter(
        (p) =>
          DISABLED[p.key] !== undefined && /^0+$/.test(p.value) && (p.key !== 'connect_timeout' || prisma),
      );
      if (off.length === 0) continue;
      const edits = shiftEdits(removeParamsEdits(parsed, off), start);
      report({
        range: { start, end: start + value.length },
        message: `The Prisma URL sets ${off.map((p) => `${p.key}=0`).join(', ')}: for Prisma's engine 0 means no limit, so ${off.map((p) => DISABLED[p.key]).join('; ')}. After a failover or a silently dropped connection, requests then hang instead of failing fast and reconnecting. Removing ${off.length > 1 ? 'them' : 'it'} restores the default.`,
        fix: {
          safety: 'safe',
          description: `Remove ${off.map((p) => p.key).join(', ')} from the URL.`,
          edits,
        },
      });
    }
  },
});
