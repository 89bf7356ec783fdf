import { defineRule } from '../../../define-rule';
import { libpqSites, versionAtLeast } from '../../_lib/libpq';
import {
  appendElementEdit,
  dictEntries,
  dictionarySplats,
  keywordArguments,
  resolveSplat,
} from '../../_lib/syntax';

/** `check=` and `ConnectionPool.check_connection` exist since psycopg_pool 3.2. */
const CHECK_SINCE = [3, 2] as const;

export default defineRule({
  id: 'python.psycopg_pool.check-missing',
  title: 'psycopg_pool hands out connections without checking them',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports psycopg_pool `ConnectionPool(...)` and `AsyncConnectionPool(...)` calls without `check=`.',
    why: 'The pool never verifies an idle connection before handing it out, so one closed by a server restart, a failover or an idle timeout reaches your code and its first query fails with "consuming input failed: server closed the connection unexpectedly". With `check=ConnectionPool.check_connection` a dead connection is discarded and another one obtained within the pool timeout. The check is an empty query with no timeout of its own, so a silently dropped connection still needs libpq keepalives and tcp_user_timeout.',
    example: {
      before: 'pool = ConnectionPool("host=db dbname=app", min_size=4)',
      after: 'pool = ConnectionPool("host=db dbname=app", min_size=4, check=ConnectionPool.check_connection)',
    },
    fixSafety:
      'review unless you state psycopg 3.2 or later (read as psycopg_pool 3.2+, which pip installs with it): `check=` and `check_connection` exist only since psycopg_pool 3.2; an older pool fails at startup with TypeError / AttributeError (Debian 12 ships psycopg_pool 3.1). On 3.2+ it is safe: one round trip per checkout. Async pools get `AsyncConnectionPool.check_connection`. With a `**name` the file does not show, no edit is offered (a second `check` would be a TypeError).',
    sources: [
      'https://www.psycopg.org/psycopg3/docs/advanced/pool.html#connection-quality',
      'https://www.psycopg.org/psycopg3/docs/api/pool.html',
      'https://github.com/psycopg/psycopg/blob/master/psycopg_pool/psycopg_pool/pool.py',
    ],
  },
  check({ doc, text, environment, report }) {
    const supported = versionAtLeast(environment.versions?.psycopg, CHECK_SINCE);
    for (const site of libpqSites(doc)) {
      if (site.kind !== 'psycopg_pool') continue;
      const args = site.call.args;
      if (keywordArguments(args).some((k) => k.name === 'check')) continue;
      const splats = dictionarySplats(args).map((s) => resolveSplat(doc, s));
      const inSplat = splats.some((s) =>
        s === null
          ? false
          : s.kind === 'dict-call'
            ? keywordArguments(s.args).some((k) => k.name === 'check')
            : dictEntries(s.dict).some((e) => e.key === 'check'),
      );
      if (inSplat) continue;
      const hidden = splats.some((s) => s === null);
      const callee = site.call.callee.text;
      const check = `${callee}.check_connection`;
      const version =
        supported === true
          ? ''
          : supported === false
            ? ` Needs psycopg_pool 3.2+; you stated psycopg ${environment.versions?.psycopg}, whose pool rejects check=.`
            : ' Needs psycopg_pool 3.2+ (older pools fail with TypeError); state psycopg=3.2 or later to apply it by default.';
      report({
        range: site.range,
        message: `${site.label} has no check=: a connection closed while idle (restart, failover, idle timeout) is handed out and fails its first query. check=${check} runs a quick test on checkout and replaces dead connections.${hidden ? ' Not written: a **name this file does not show could already set check.' : version}`,
        fix:
          hidden || supported === false
            ? null
            : {
                safety: supported === true ? 'safe' : 'review',
                description: `Add check=${check} (psycopg_pool 3.2+).`,
                edits: [appendElementEdit(text, args, `check=${check}`)],
              },
      });
    }
  },
});
