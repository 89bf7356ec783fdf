import { defineRule } from '../../../define-rule';
import { JS_VALUES, MIN_KEEPALIVE_DELAY_MS } from '../../_lib/constants';
import { lockedReason, typedAsPg } from '../../_lib/options';
import {
  addOptionsEdits,
  endpoint,
  hiddenReason,
  optionsUnseen,
  pendingUrlKeys,
  pgSites,
  spreadNote,
} from '../../_lib/pg';
import { valueKind } from '../../_lib/syntax';

const DELAY = JS_VALUES.keepAliveDelayMs;

export default defineRule({
  id: 'js.pg.keepalive-missing',
  title: 'node-postgres pool or client without TCP keepalive',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: "Reports node-postgres `new Pool(...)` / `new Client(...)` (and Prisma 7's `new PrismaPg({...})`) over TCP whose options do not set `keepAlive: true`, or set it with `keepAliveInitialDelayMillis` missing or below 1000.",
    why: 'node-postgres leaves TCP keepalive off by default. An idle pooled client whose flow a NAT gateway or load balancer forgot (Azure 4 min, AWS NLB 350 s), or whose server vanished in a failover, looks healthy until a query is sent on it; then the query waits for TCP retransmissions to give up (about 15 min on Linux). With keepalive on and a first probe after 30 s, the middlebox sees traffic and a dead peer is noticed about 10 s later: the socket errors, and the pool drops the client. Node converts the delay to whole seconds, so a value under 1000 ms means the OS default of 2 hours.',
    example: {
      before: 'const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });',
      after:
        'const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, keepAlive: true, keepAliveInitialDelayMillis: 30000 });',
    },
    fixSafety:
      'safe: both options exist since pg 7.11 and only turn on a probe packet after 30 s of silence. The fix adds the missing keys to the options literal (before a spread the file does not show, so values it holds still win), replaces `keepAlive: false` and delays under 1000 ms, and keeps every other value. Values computed at run time (`process.env…`) are reported, never rewritten; a literal typed with your own interface is reported too (a key that type lacks would fail `tsc`). The libpq names `keepalives` / `keepalives_idle` and URL parameters are ignored by the JavaScript client, so they are never written.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/connection.js',
      'https://node-postgres.com/apis/client',
      'https://nodejs.org/api/net.html#socketsetkeepaliveenable-initialdelay',
      'https://github.com/brianc/node-postgres/issues/2362',
    ],
  },
  check({ doc, text, format, report }) {
    const done = new Set<number>();
    for (const site of pgSites(doc, format)) {
      if (optionsUnseen(site)) continue;
      if (endpoint(doc, site).host === 'socket') continue;
      const view = site.options;
      if (view) {
        if (done.has(view.object.startIndex)) continue;
        done.add(view.object.startIndex);
      }
      const pending = pendingUrlKeys(doc, site);
      const ka = view?.properties.get('keepAlive');
      const delay = view?.properties.get('keepAliveInitialDelayMillis');
      const kaKind = ka ? valueKind(doc, ka.value) : null;
      const delayKind = delay ? valueKind(doc, delay.value) : null;

      const kaState =
        pending.get('keepAlive') === 'true'
          ? 'on'
          : !kaKind
            ? 'missing'
            : kaKind.kind === 'boolean' && kaKind.value
              ? 'on'
              : kaKind.kind === 'boolean' ||
                  kaKind.kind === 'null' ||
                  kaKind.kind === 'undefined' ||
                  kaKind.kind === 'number'
                ? 'off'
                : 'unknown';
      const pendingDelay = pending.get('keepAliveInitialDelayMillis');
      const delayState =
        pendingDelay !== undefined
          ? Number(pendingDelay) >= MIN_KEEPALIVE_DELAY_MS
            ? 'ok'
            : 'low'
          : !delayKind
            ? 'missing'
            : delayKind.kind === 'number'
              ? delayKind.value >= MIN_KEEPALIVE_DELAY_MS
                ? 'ok'
                : 'low'
              : delayKind.kind === 'null' || delayKind.kind === 'undefined' || delayKind.kind === 'boolean'
                ? 'low'
                : 'unknown';

      if (
        kaState === 'on' &&
        (delayState === 'ok' || (delayState === 'unknown' && delayKind?.kind !== 'env'))
      )
        continue;
      if (kaState === 'unknown' && (delayState === 'ok' || delayState === 'unknown')) continue;

      const edits = [];
      const props: string[] = [];
      const notes: string[] = [];
      let blocked: string | null = null;
      const problem =
        kaState === 'off'
          ? `${site.label} turns TCP keepalive off (keepAlive: ${ka?.value.text})`
          : kaState === 'missing'
            ? `${site.label} does not turn on TCP keepalive`
            : kaState === 'unknown'
              ? `${site.label} takes keepAlive from ${ka?.value.text.slice(0, 60)}, and if that is true the first probe waits for`
              : `${site.label} turns keepalive on, but the first probe waits for`;

      if (kaState === 'off') {
        if (ka?.editable && ka.member.kind === 'pair')
          edits.push({ start: ka.value.startIndex, end: ka.value.endIndex, text: 'true' });
        else if (ka) blocked = lockedReason(ka);
      } else if (kaState === 'missing') {
        props.push('keepAlive: true');
      }
      let delayProblem = '';
      if (delayState === 'missing') {
        if (kaState !== 'unknown') props.push(`keepAliveInitialDelayMillis: ${DELAY}`);
        delayProblem = 'the OS default (2 hours on Linux) because keepAliveInitialDelayMillis is not set';
      } else if (delayState === 'low') {
        delayProblem = `the OS default (2 hours on Linux) because keepAliveInitialDelayMillis ${delay?.value.text} is under 1000 ms (Node counts whole seconds)`;
        if (delay?.editable && delay.member.kind === 'pair')
          edits.push({ start: delay.value.startIndex, end: delay.value.endIndex, text: String(DELAY) });
        else if (delay) blocked = lockedReason(delay);
      } else if (delayState === 'unknown') {
        delayProblem = `${delay?.value.text.slice(0, 60)} ms; if that is unset, NaN or under 1000, Node uses the OS default (2 hours on Linux)`;
        notes.push('Not rewritten: the delay is computed at run time.');
        blocked = blocked ?? 'the delay is computed at run time';
      }
      if (kaState === 'unknown') blocked = blocked ?? 'keepAlive is computed at run time';

      if (props.length > 0 && !blocked) {
        if (view && !typedAsPg(view))
          blocked = `the options literal is typed ${view.typedAs}; add the keys to that type first`;
        else {
          const added = addOptionsEdits(text, site, props);
          if (added) edits.push(...added);
          else blocked = hiddenReason(site) ?? 'the options are not visible here';
        }
      }
      const fixable = !blocked && edits.length > 0;
      const head = kaState === 'on' || kaState === 'unknown' ? `${problem} ${delayProblem}` : problem;
      const setting = [
        ...(kaState === 'missing' || kaState === 'off' ? ['keepAlive: true'] : []),
        ...(delayState === 'missing' || delayState === 'low'
          ? [`keepAliveInitialDelayMillis: ${DELAY}`]
          : []),
      ].join(', ');
      const priority = priorityNote(doc, site);
      report({
        range: site.range,
        severity: kaState === 'unknown' || delayState === 'unknown' ? 'info' : undefined,
        message: `${head}: a client whose connection a NAT or load balancer dropped while idle, or whose server vanished in a failover, looks healthy until a query hangs on it for up to 15 minutes. ${setting ? `With ${setting} ` : 'With keepalive on and a 30 s delay '}a dead idle client is noticed within about 40 s and dropped.${priority}${fixable ? spreadNote(view) : ` Not written: ${blocked ?? 'nothing to edit here'}.`}${notes.length && fixable ? ` ${notes.join(' ')}` : ''}`,
        fix: fixable ? { safety: 'safe', description: `Set ${setting}.`, edits } : null,
      });
    }
  },
});

function priorityNote(
  doc: Parameters<typeof valueKind>[0],
  site: ReturnType<typeof pgSites>[number],
): string {
  const view = site.options;
  if (!view || site.kind !== 'pool') return '';
  const min = view.properties.get('min');
  const idle = view.properties.get('idleTimeoutMillis');
  const minKind = min ? valueKind(doc, min.value) : null;
  const idleKind = idle ? valueKind(doc, idle.value) : null;
  if (minKind?.kind === 'number' && minKind.value > 0)
    return ` This pool keeps ${minKind.value} idle client(s) open (min), which is where dead connections wait.`;
  if (
    idleKind &&
    (idleKind.kind === 'null' ||
      (idleKind.kind === 'number' && (idleKind.value === 0 || idleKind.value >= 240_000)))
  )
    return ' Idle clients stay open a long time here (idleTimeoutMillis), which is where dead connections wait.';
  return '';
}
