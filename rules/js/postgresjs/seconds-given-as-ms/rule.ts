import { getParam } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { lockedReason } from '../../_lib/options';
import { postgresJsSites } from '../../_lib/postgresjs';
import { numericValue } from '../../_lib/syntax';

/**
 * Seconds values from which a number reads as milliseconds. `max_lifetime` in seconds is legitimately
 * in the thousands (its own default is 1800–3600), so only a day or more counts there.
 */
const THRESHOLDS: Record<string, number> = {
  idle_timeout: 1000,
  connect_timeout: 1000,
  keep_alive: 1000,
  max_lifetime: 86_400,
};
/** Node clamps a timer above 2^31 − 1 ms to 1 ms. */
const MAX_TIMER_SECONDS = 2_147_483.647;

function duration(seconds: number): string {
  if (seconds >= 86_400) return `${Math.round((seconds / 86_400) * 10) / 10} days`;
  if (seconds >= 3600) {
    const h = Math.floor(seconds / 3600);
    const m = Math.round((seconds % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  if (seconds >= 60) return `${Math.round((seconds / 60) * 10) / 10} min`;
  return `${seconds} s`;
}

export default defineRule({
  id: 'js.postgresjs.seconds-given-as-ms',
  title: 'postgres.js timeout given in milliseconds',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports postgres.js `idle_timeout`, `connect_timeout` and `keep_alive` of 1000 or more, and `max_lifetime` of a day (86400) or more, in the options or the connection string. postgres.js reads all four in seconds.',
    why: 'Written as milliseconds (as node-postgres wants them) the values are a thousand times too long: `idle_timeout: 30000` keeps idle connections 8 h 20 min, far beyond any NAT or load balancer idle timeout, so they die silently and the next query on them fails or hangs; `connect_timeout: 10000` waits almost 3 hours for a dead host. Above about 24.8 days Node cannot arm the timer at all and fires it after 1 ms, so `max_lifetime: 3600000` closes every connection right after it opens.',
    example: {
      before: 'const sql = postgres(url, { idle_timeout: 30000, connect_timeout: 10000 });',
      after: 'const sql = postgres(url, { idle_timeout: 30, connect_timeout: 10 });',
    },
    fixSafety:
      'review: the fix divides the literal by 1000 when that gives a whole number of seconds (what a millisecond value meant), which makes the timeout a thousand times shorter; if the large value was intended, keep it. Values that do not divide evenly, and values computed at run time, are only reported.',
    sources: [
      'https://github.com/porsager/postgres#connection-details',
      'https://github.com/porsager/postgres/blob/master/src/connection.js',
      'https://nodejs.org/api/timers.html#settimeoutcallback-delay-args',
    ],
  },
  check({ doc, format, report }) {
    for (const site of postgresJsSites(doc, format)) {
      for (const [key, threshold] of Object.entries(THRESHOLDS)) {
        const property = site.options?.properties.get(key);
        let seconds: number | null = null;
        let range: { start: number; end: number } | null = null;
        let editable = false;
        let where = '';
        if (property) {
          seconds = numericValue(doc, property.value);
          range = { start: property.value.startIndex, end: property.value.endIndex };
          editable = property.editable && property.member.kind === 'pair';
          where = `${key}: ${property.value.text}`;
        } else if (site.url && site.url !== 'env' && site.url.parsed && !site.options?.hiddenKeys) {
          const param = getParam(site.url.parsed, key);
          if (param && /^\d+$/.test(param.value)) {
            seconds = Number(param.value);
            const base = site.url.literal.contentStart;
            range = { start: base + param.valueRange.start, end: base + param.valueRange.end };
            editable = site.url.editable;
            where = `${key}=${param.value} in the URL`;
          }
        }
        if (seconds === null || range === null || seconds < threshold) continue;
        const whole = Number.isInteger(seconds / 1000);
        const overflow =
          seconds > MAX_TIMER_SECONDS
            ? ' That is beyond what a Node timer can hold, so Node fires it after 1 ms instead: the timeout hits at once.'
            : '';
        report({
          range,
          message: `${site.label}: postgres.js reads ${key} in seconds, so ${where} means ${duration(seconds)}.${overflow} If you meant milliseconds, that is ${whole ? `${seconds / 1000}` : `${seconds / 1000} (not a whole number; round it yourself)`} seconds.${editable || !whole ? '' : ` Not written: ${property ? lockedReason(property) : 'the connection string is used elsewhere in this file too'}.`}`,
          fix:
            whole && editable
              ? {
                  safety: 'review',
                  description: `Set ${key} to ${seconds / 1000} (seconds).`,
                  edits: [{ ...range, text: String(seconds / 1000) }],
                }
              : null,
        });
      }
    }
  },
});
