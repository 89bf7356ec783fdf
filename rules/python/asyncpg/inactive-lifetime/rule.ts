import { idleBoundSeconds } from '../../../../core/canonical';
import { effectiveMiddleboxIdleSeconds } from '../../../../core/environment';
import { defineRule } from '../../../define-rule';
import { ASYNCPG_DEFAULT_INACTIVE_LIFETIME, addOptionEdit, asyncpgCalls } from '../../_lib/asyncpg';
import { numericLiteral, recycleBasis } from '../../_lib/sqlalchemy';

export default defineRule({
  id: 'python.asyncpg.inactive-lifetime',
  title: 'asyncpg pool keeps idle connections past the middlebox timeout',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: "Reports `asyncpg.create_pool()` calls whose `max_inactive_connection_lifetime` is 0 (never close idle connections), at least the middlebox idle timeout (240 s unless the environment says otherwise), not a valid number, or absent while asyncpg's default (300 s) is not below that timeout.",
    why: "asyncpg cannot turn on TCP keepalive, so nothing keeps a NAT or load-balancer flow alive while a pooled connection sits idle. Azure's load balancer forgets a flow after 4 minutes, often silently; the next query on that connection then waits until TCP gives up (about 15 min on Linux). The pool restarts an idle timer at every release and closes a connection locally once it has been idle that long, so with a bound below the middlebox timeout no connection idle past it is handed out.",
    example: {
      before: 'pool = await asyncpg.create_pool(dsn, max_inactive_connection_lifetime=0)',
      after: 'pool = await asyncpg.create_pool(dsn, max_inactive_connection_lifetime=200)',
    },
    fixSafety:
      'safe: idle connections are closed locally and reopened when next needed (one extra connect per idle period). The value is the middlebox idle timeout minus 40 s (200 s when unknown), in seconds. A value the file does not show (a setting, an environment variable) is left alone; with `**options` the file does not show, the finding has no edit, since a second keyword would be a TypeError.',
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection-pools',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/pool.py',
      'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset',
    ],
  },
  check({ doc, text, environment, report }) {
    const bound = idleBoundSeconds(environment);
    const middlebox = effectiveMiddleboxIdleSeconds(environment);
    const basis = recycleBasis(environment);
    for (const call of asyncpgCalls(doc)) {
      if (call.kind !== 'pool') continue;
      const option = call.option('max_inactive_connection_lifetime');
      if (!option) {
        if (ASYNCPG_DEFAULT_INACTIVE_LIFETIME < middlebox) continue;
        const range = { start: call.site.callee.startIndex, end: call.site.callee.endIndex };
        if (call.hiddenOptions) {
          report({
            range,
            severity: 'info',
            message: `${call.label} does not set max_inactive_connection_lifetime here; make sure the options this file does not show set it to ${bound} (seconds): asyncpg's default of ${ASYNCPG_DEFAULT_INACTIVE_LIFETIME} s is not below the ${middlebox} s middlebox idle timeout. staleproof cannot see inside them, so it offers no edit.`,
            fix: null,
          });
          continue;
        }
        report({
          range,
          message: `${call.label} keeps idle connections for asyncpg's default ${ASYNCPG_DEFAULT_INACTIVE_LIFETIME} s, longer than a ${middlebox} s middlebox idle timeout: a connection whose flow was dropped while idle is handed out dead, and asyncpg has no keepalive to notice. max_inactive_connection_lifetime=${bound} s: ${basis}.`,
          fix: {
            safety: 'safe',
            description: `Add max_inactive_connection_lifetime=${bound} (seconds).`,
            edits: [addOptionEdit(text, call, 'max_inactive_connection_lifetime', String(bound))],
          },
        });
        continue;
      }
      const value = numericLiteral(option.value);
      const literal = value !== null || ['none', 'string'].includes(option.value.type);
      if (!literal) continue; // a name, a call, an environment lookup: not visible here
      if (value !== null && value > 0 && value < middlebox) continue;
      const problem =
        value === null
          ? `is ${option.value.text}, which asyncpg rejects when the pool is created (it compares it with 0)`
          : value === 0
            ? '=0 never closes idle connections'
            : value < 0
              ? `=${option.value.text} is rejected when the pool is created ("ValueError: max_inactive_connection_lifetime is expected to be greater or equal to zero")`
              : `=${option.value.text} s is not below the ${middlebox} s middlebox idle timeout`;
      report({
        range: { start: option.value.startIndex, end: option.value.endIndex },
        message: `${call.label}: max_inactive_connection_lifetime${value === null ? ' ' : ''}${problem}, so a connection whose flow was dropped while idle is handed out dead (asyncpg has no keepalive to notice). Use ${bound} (seconds): ${basis}.`,
        fix: {
          safety: 'safe',
          description: `Set max_inactive_connection_lifetime=${bound} (seconds).`,
          edits: [{ start: option.value.startIndex, end: option.value.endIndex, text: String(bound) }],
        },
      });
    }
  },
});
