import { CANONICAL } from '../../../../core/canonical';
import type { Fix } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { asyncpgCalls, isMultiHost, numberOf } from '../../_lib/asyncpg';
import { stringLiteralValue } from '../../_lib/syntax';

/** asyncpg's default connect timeout, seconds. */
const DEFAULT_TIMEOUT = 60;

export default defineRule({
  id: 'python.asyncpg.connect-timeout',
  title: 'asyncpg connect timeout unbounded, broken, or shared by several hosts',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: "Reports `asyncpg.connect()` / `asyncpg.create_pool()` calls with `timeout=None`, a timeout of 0 or less, or one written as a string; and, as information, calls with several hosts, where asyncpg's connect timeout is one budget for the whole host list.",
    why: 'After a failover the old address can swallow connection attempts. `timeout` (default 60 s) bounds the connect; `None` is not "no limit" in every version: asyncpg 0.27 (Debian 12) fails every connect with "TypeError: unsupported operand type(s) for -=: \'NoneType\' and \'float\'", while later versions wait without limit. A value of 0 or less fails every connect at once with TimeoutError, and a string fails with TypeError. With several hosts, asyncpg spends one timeout on the whole list: a first host that black-holes the connect uses it all and the next host is never tried.',
    example: {
      before: 'pool = await asyncpg.create_pool(dsn, timeout=None)',
      after: 'pool = await asyncpg.create_pool(dsn, timeout=10)',
    },
    fixSafety:
      'review for `None` and values of 0 or less: connects that really need more than 10 s (slow cross-region TLS) would start failing. safe for a number written as a string, which is the same value as a number. The multi-host case has no configuration-only fix (a single DNS or virtual-IP endpoint, or your own connect with a timeout per host) and no edit.',
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/connect_utils.py',
    ],
  },
  check({ doc, report }) {
    const canonical = CANONICAL.connectTimeoutSeconds;
    for (const call of asyncpgCalls(doc)) {
      const option = call.option('timeout');
      const multi = isMultiHost(call);
      const value = option ? numberOf(option.value) : null;
      const asString = option ? stringLiteralValue(option.value) : null;
      const shared = multi
        ? ` ${call.label} also lists several hosts, and asyncpg spends one timeout (${option && value !== null && value > 0 ? `${value} s` : `default ${DEFAULT_TIMEOUT} s`}) on all of them: a first host that swallows the connect uses it all and the next is never tried; connect through one DNS or virtual-IP endpoint, or try hosts in your own code with a timeout each.`
        : '';
      let problem: string | null = null;
      let fix: Fix | null = null;
      if (option?.value.type === 'none') {
        problem = `${call.label} sets timeout=None: asyncpg 0.27 fails every connect with "TypeError: unsupported operand type(s) for -=: 'NoneType' and 'float'", and later versions wait without limit for a host that swallows the connect`;
        fix = { safety: 'review', description: `Set timeout=${canonical} (seconds).`, edits: [] };
      } else if (option && value !== null && value <= 0) {
        problem = `${call.label} sets timeout=${option.value.text}: every connect fails at once with TimeoutError`;
        fix = { safety: 'review', description: `Set timeout=${canonical} (seconds).`, edits: [] };
      } else if (option && asString !== null && value !== null) {
        problem = `${call.label} writes timeout as a string: asyncpg compares it with numbers and every connect fails with TypeError`;
        fix = {
          safety: 'safe',
          description: `Write timeout=${asString.trim()} as a number (seconds).`,
          edits: [],
        };
      }
      if (option && fix) {
        const text = fix.safety === 'safe' ? (asString ?? '').trim() : String(canonical);
        fix.edits.push({ start: option.value.startIndex, end: option.value.endIndex, text });
      }
      if (!problem && !multi) continue;
      report({
        range:
          problem && option
            ? { start: option.value.startIndex, end: option.value.endIndex }
            : { start: call.site.callee.startIndex, end: call.site.callee.endIndex },
        severity: problem ? 'warning' : 'info',
        message: problem
          ? `${problem}. timeout=${canonical} (seconds) bounds the connect.${shared}`
          : shared.trim(),
        fix,
      });
    }
  },
});
