import { CANONICAL } from '../../../../core/canonical';
import { effectiveMiddleboxIdleSeconds } from '../../../../core/environment';
import { defineRule } from '../../../define-rule';
import { type KeyValue, libpqSites, numericValue } from '../../_lib/libpq';

/** Linux's own interval and count, which libpq uses when a key is unset. */
const OS_INTERVAL = 75;
const OS_COUNT = 9;
/** Detection slower than this leaves a dead connection in the pool for more than 10 minutes. */
const MAX_DETECTION_SECONDS = 600;
/** Interval and count up to these stay as the user wrote them. */
const KEEP_INTERVAL = 10;
const KEEP_COUNT = 5;

export default defineRule({
  id: 'python.libpq.keepalives-idle-too-long',
  title: 'libpq keepalives start too late or take too long to notice a dead peer',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports libpq-family connections whose `keepalives_idle` is at or above the middlebox idle timeout (240 s unless you state yours), or whose keepalives take more than 600 s to declare a silent peer dead (`keepalives_idle + keepalives_interval × keepalives_count`, counted when interval or count is set).',
    why: 'A load balancer or NAT that forgets an idle flow after 240 s (Azure) or 350 s (AWS) has already dropped the connection when a 600 s keepalive probe is sent; the probe then only discovers the damage instead of preventing it. A slow detection window keeps dead connections in the pool for many minutes.',
    example: {
      before: 'create_engine("postgresql+psycopg2://u@h/db?keepalives_idle=600")',
      after: 'create_engine("postgresql+psycopg2://u@h/db?keepalives_idle=30")',
    },
    fixSafety:
      'safe: a smaller idle time or interval only sends a small probe more often on idle connections. The fix edits the values in place (URL query, connection string, connect_args or kwargs, keeping quotes and types): `keepalives_idle` above 30 s becomes 30, an interval above 10 s becomes 10 and a count above 5 becomes 3; values already at or below those stay, and keys you did not write are not added.',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES-IDLE',
      'https://man7.org/linux/man-pages/man7/tcp.7.html',
      'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset',
    ],
  },
  check({ doc, environment, report }) {
    const middlebox = effectiveMiddleboxIdleSeconds(environment);
    const targetIdle =
      middlebox > CANONICAL.keepaliveIdleSeconds
        ? CANONICAL.keepaliveIdleSeconds
        : Math.max(1, Math.floor(middlebox / 2));
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq' || site.transport === 'unix') continue;
      if (site.get('keepalives')?.value === '0') continue;
      const idleSetting = site.get('keepalives_idle');
      const intervalSetting = site.get('keepalives_interval');
      const countSetting = site.get('keepalives_count');
      const idle = numericValue(idleSetting);
      if (!idleSetting || idle === null) continue;
      const interval = numericValue(intervalSetting);
      const count = numericValue(countSetting);
      if ((intervalSetting && interval === null) || (countSetting && count === null)) continue;
      const detection =
        intervalSetting || countSetting ? idle + (interval ?? OS_INTERVAL) * (count ?? OS_COUNT) : null;
      const lateStart = idle >= middlebox;
      const slow = detection !== null && detection > MAX_DETECTION_SECONDS;
      if (!lateStart && !slow) continue;
      const entries: KeyValue[] = [];
      if (idle > targetIdle) entries.push(['keepalives_idle', targetIdle]);
      if (interval !== null && interval > KEEP_INTERVAL)
        entries.push(['keepalives_interval', CANONICAL.keepaliveIntervalSeconds]);
      if (count !== null && count > KEEP_COUNT) entries.push(['keepalives_count', CANONICAL.keepaliveCount]);
      const reasons = [
        lateStart
          ? `keepalives_idle=${idle} s is not below the ${middlebox} s after which a load balancer or NAT may drop an idle flow`
          : null,
        slow ? `a silent peer is declared dead only after ${detection} s (idle + interval × count)` : null,
      ].filter(Boolean);
      const edits = entries.length > 0 ? site.setEdits(entries) : null;
      const range = idleSetting.range;
      report({
        range,
        message: `${site.label}: ${reasons.join(', and ')}.${edits ? '' : ' Lower keepalives_idle / keepalives_interval yourself.'}`,
        fix: edits
          ? {
              safety: 'safe',
              description: `Set ${entries.map(([k, v]) => `${k}=${v}${k === 'keepalives_count' ? '' : ' s'}`).join(', ')}.`,
              edits,
            }
          : null,
      });
    }
  },
});
