import { hostsOf } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { addOptionEdit, asyncpgCalls, callQuote, isMultiHost } from '../../_lib/asyncpg';
import { versionAtLeast } from '../../_lib/libpq';
import { addConnectArgsEdit, connectArgsOf, effectiveFamily, sqlalchemyEngines } from '../../_lib/sqlalchemy';
import { quoteStyle } from '../../_lib/syntax';

/** asyncpg reads target_session_attrs since 0.28.0; 0.27 rejects the keyword with TypeError. */
const SINCE = [0, 28] as const;
const VALUE = 'read-write';

export default defineRule({
  id: 'python.asyncpg.multihost-without-target-session-attrs',
  title: 'asyncpg host list without target_session_attrs',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `asyncpg.connect()` / `asyncpg.create_pool()` calls that list several hosts (in the DSN, `?host=a,b`, or `host=[...]`) and `postgresql+asyncpg` engines with several `?host=` entries, without `target_session_attrs`.',
    why: 'asyncpg tries the hosts in order and keeps the first that accepts the connection. After a failover that can be the demoted node: the connection works, but every write fails with "cannot execute INSERT in a read-only transaction" until the process restarts. `target_session_attrs="read-write"` makes asyncpg skip hosts that do not accept writes.',
    example: {
      before: 'pool = await asyncpg.create_pool("postgresql://app@pg1:5432,pg2:5432/app")',
      after:
        'pool = await asyncpg.create_pool("postgresql://app@pg1:5432,pg2:5432/app", target_session_attrs="read-write")',
    },
    fixSafety:
      'review: standbys become unacceptable, so a pool that only finds standbys fails to connect instead of serving reads. The keyword exists since asyncpg 0.28: older versions (Debian 12 ships 0.27) fail every connect with "TypeError: connect() got an unexpected keyword argument \'target_session_attrs\'". When you state an asyncpg version older than 0.28, staleproof reports without an edit; the `PGTARGETSESSIONATTRS` environment variable is read by the same versions.',
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection',
      'https://github.com/MagicStack/asyncpg/pull/987',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-TARGET-SESSION-ATTRS',
    ],
  },
  check({ doc, text, environment, report }) {
    const version = environment.versions?.asyncpg;
    const supported = versionAtLeast(version, SINCE);
    const versionNote =
      supported === false
        ? ` target_session_attrs needs asyncpg 0.28 or later; you stated ${version}, which rejects it: upgrade first.`
        : supported === null
          ? ' Needs asyncpg 0.28 or later (0.27 fails with TypeError on the keyword); state your asyncpg version to be sure.'
          : '';
    const why = `after a failover the first host that answers can be the demoted, read-only node, and every write then fails. target_session_attrs="${VALUE}" makes asyncpg skip it.`;
    for (const call of asyncpgCalls(doc)) {
      if (!isMultiHost(call)) continue;
      if (call.option('target_session_attrs')) continue;
      if (call.dsn?.parsed?.params.some((p) => p.key === 'target_session_attrs')) continue;
      const q = callQuote(text, call);
      const edit =
        supported === false || call.hiddenOptions
          ? null
          : addOptionEdit(text, call, 'target_session_attrs', `${q}${VALUE}${q}`);
      report({
        range: { start: call.site.callee.startIndex, end: call.site.callee.endIndex },
        message: `${call.label} lists several hosts without target_session_attrs: ${why}${versionNote}${call.hiddenOptions && supported !== false ? ' No edit: a **name this file does not show could already set it.' : ''}`,
        fix: edit
          ? {
              safety: 'review',
              description: `Add target_session_attrs="${VALUE}" (asyncpg 0.28+).`,
              edits: [edit],
            }
          : null,
      });
    }
    for (const engine of sqlalchemyEngines(doc)) {
      if (effectiveFamily(doc, engine).family !== 'asyncpg' || !engine.parsedUrl) continue;
      if (hostsOf(engine.parsedUrl).length < 2) continue;
      if (engine.parsedUrl.params.some((p) => p.key === 'target_session_attrs')) continue;
      const args = connectArgsOf(doc, engine);
      if (args.kind === 'dict' && args.entries.some((e) => e.name === 'target_session_attrs')) continue;
      const q = args.kind === 'dict' ? quoteStyle(args.container) : '"';
      const edit =
        supported === false
          ? null
          : addConnectArgsEdit(text, engine, args, [['target_session_attrs', `${q}${VALUE}${q}`]]);
      report({
        range: {
          start: (engine.urlNode ?? engine.site.callee).startIndex,
          end: (engine.urlNode ?? engine.site.callee).endIndex,
        },
        message: `${engine.site.name}() connects asyncpg to several hosts without target_session_attrs: ${why} Pass it in connect_args.${versionNote}`,
        fix: edit
          ? {
              safety: 'review',
              description: `Add target_session_attrs="${VALUE}" to connect_args (asyncpg 0.28+).`,
              edits: [edit],
            }
          : null,
      });
    }
  },
});
