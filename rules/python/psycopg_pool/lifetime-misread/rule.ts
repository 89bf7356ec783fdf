import { defineRule } from '../../../define-rule';
import { libpqSites } from '../../_lib/libpq';
import { keywordArguments } from '../../_lib/syntax';

export default defineRule({
  id: 'python.psycopg_pool.lifetime-misread',
  title: 'psycopg_pool max_lifetime / max_idle do not keep dead connections out',
  severity: 'info',
  formats: ['python'],
  docs: {
    what: 'Reports psycopg_pool pools that set `max_lifetime` or `max_idle` but no `check=`: a common attempt to avoid stale connections that does not work.',
    why: '`max_lifetime` is enforced only when a connection is returned to the pool (or by `pool.check()`), never when it is handed out, and `max_idle` only closes connections above `min_size`. A connection that died while idle is still handed out; only `check=` (psycopg_pool 3.2+) plus libpq keepalives keep it from reaching your code.',
    example: {
      before: 'pool = ConnectionPool(conninfo, max_lifetime=300)',
      after: 'pool = ConnectionPool(conninfo, max_lifetime=300, check=ConnectionPool.check_connection)',
    },
    fixSafety:
      'none: information only. `python.psycopg_pool.check-missing` offers the check and `python.libpq.keepalives-missing` the keepalives.',
    sources: [
      'https://www.psycopg.org/psycopg3/docs/api/pool.html',
      'https://github.com/psycopg/psycopg/blob/master/psycopg_pool/psycopg_pool/pool.py',
    ],
  },
  check({ doc, report }) {
    for (const site of libpqSites(doc)) {
      if (site.kind !== 'psycopg_pool') continue;
      const keywords = keywordArguments(site.call.args);
      if (keywords.some((k) => k.name === 'check')) continue;
      for (const k of keywords.filter((k) => k.name === 'max_lifetime' || k.name === 'max_idle')) {
        const what =
          k.name === 'max_lifetime'
            ? 'max_lifetime is enforced only when a connection is returned to the pool, never when it is handed out'
            : 'max_idle closes only connections above min_size';
        report({
          range: { start: k.node.startIndex, end: k.node.endIndex },
          message: `${site.label}: ${k.name}=${k.value.text} does not stop dead connections from being handed out: ${what} (seconds). Add check= (psycopg_pool 3.2+) and libpq keepalives instead.`,
          fix: null,
        });
      }
    }
  },
});
