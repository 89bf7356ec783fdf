import { defineRule } from '../../define-rule';
import { hasVersion } from '../_lib/config';
import { mainConfig, SRC } from '../_lib/kit';

const EMPTY_TOKEN_SINCE = '1.25';

export default defineRule({
  id: 'pgbouncer.server-check-query-disabled',
  title: 'PgBouncer server check query disabled or broken',
  severity: 'warning',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports `server_check_query` set to an empty value (which switches the check off), or to the token `<empty>` on PgBouncer older than 1.25, which does not know the token and sends it as SQL.',
    why: 'The check query is what tests a connection that sat idle longer than server_check_delay before a client gets it. Without it, a connection that died while idle is handed out untested. With `<empty>` on an older version, every check fails with a syntax error and the connection is thrown away. The check has no timeout of its own, so it beats a black-holed server only together with tcp_user_timeout.',
    example: { before: 'server_check_query =', after: ';server_check_query =' },
    fixSafety:
      "review: the line is commented out so the version's default check applies (`select 1` before 1.25, an empty query since). Commenting out is valid on every version, so it is offered even when the version is unknown; the default adds one round trip for connections idle longer than server_check_delay.",
    sources: [SRC.config, SRC.janitor, SRC.news],
  },
  check({ doc, environment, report }) {
    const config = mainConfig(doc);
    if (!config) return;
    const s = config.effective.get('server_check_query');
    if (!s) return;
    let message: string;
    if (s.value === '') {
      message =
        'server_check_query is empty, which switches the connection check off: a server connection that died while idle is handed to a client untested. Comment the line out so the default check applies.';
    } else if (s.value === '<empty>') {
      const v = hasVersion(environment, EMPTY_TOKEN_SINCE);
      if (v === true) return;
      message =
        v === false
          ? `server_check_query = <empty> is understood only since PgBouncer ${EMPTY_TOKEN_SINCE}; this version sends it as SQL, every check fails and the connection is dropped. Comment the line out so the default (select 1) applies.`
          : `server_check_query = <empty> is understood only since PgBouncer ${EMPTY_TOKEN_SINCE} (older versions send it as SQL and every check fails). The version is unknown: commenting the line out is correct on every version, since the default check then applies.`;
    } else {
      return;
    }
    const at = s.line.keyRange.start;
    report({
      range: { start: s.line.keyRange.start, end: s.line.valueRange.end },
      message,
      fix: {
        safety: 'review',
        description: 'Comment out server_check_query so the default check applies.',
        edits: [{ start: at, end: at, text: ';' }],
      },
    });
  },
});
