import { defineRule } from '../../../define-rule';
import { JS_VALUES } from '../../_lib/constants';
import { lockedReason, typedAsPg } from '../../_lib/options';
import {
  addOptionsEdits,
  hiddenReason,
  optionsUnseen,
  pendingUrlKeys,
  pgSites,
  spreadNote,
} from '../../_lib/pg';
import { valueKind } from '../../_lib/syntax';

const TIMEOUT = JS_VALUES.connectTimeoutMs;

export default defineRule({
  id: 'js.pg.connection-timeout-unbounded',
  title: 'node-postgres waits forever for a connection',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports node-postgres pools and clients (and `new PrismaPg({...})`) whose `connectionTimeoutMillis` is missing or 0 (also `null`, `false`, `NaN`). Values computed at run time are reported as a note.',
    why: 'With the default 0, a connect to a host that vanished in a failover waits for the kernel to give up on its SYN retries (about 2 minutes on Linux), and a pool caller waiting for a free client waits with no limit at all: when dead connections hold every slot, requests pile up instead of failing. One option bounds both. Beware `Number(process.env.X)` / `parseInt(...)` of an unset variable: NaN counts as 0 here.',
    example: {
      before: 'const pool = new Pool({ host: "db.internal", max: 20 });',
      after: 'const pool = new Pool({ host: "db.internal", max: 20, connectionTimeoutMillis: 10000 });',
    },
    fixSafety:
      'review: after the fix a caller that waits 10 s for a connection or a free pool slot gets "timeout exceeded when trying to connect" (or "Connection terminated due to connection timeout") instead of waiting on; a slow but healthy handshake over 10 s would fail too. The fix adds the key (before a spread the file does not show) or replaces a literal 0; it never rewrites a value computed at run time. `connect_timeout` in the URL is ignored by the JavaScript client; js.pg.options-in-url-ignored moves it, and this rule then stays silent.',
    sources: [
      'https://github.com/brianc/node-postgres/blob/master/packages/pg-pool/index.js',
      'https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/client.js',
      'https://node-postgres.com/apis/pool',
    ],
  },
  check({ doc, text, format, report }) {
    const done = new Set<number>();
    for (const site of pgSites(doc, format)) {
      if (optionsUnseen(site)) continue;
      const view = site.options;
      if (view) {
        if (done.has(view.object.startIndex)) continue;
        done.add(view.object.startIndex);
      }
      if (pendingUrlKeys(doc, site).has('connectionTimeoutMillis')) continue;
      const property = view?.properties.get('connectionTimeoutMillis');
      const kind = property ? valueKind(doc, property.value) : null;
      const effect = `a connect to a host that vanished in a failover waits for TCP to give up (about 2 minutes)${site.kind === 'pool' ? ', and callers waiting for a free client wait forever while dead connections hold the slots' : ''}. connectionTimeoutMillis: ${TIMEOUT} bounds ${site.kind === 'pool' ? 'both' : 'it'}.`;
      if (kind && (kind.kind === 'env' || kind.kind === 'unknown')) {
        if (kind.kind === 'unknown') continue;
        report({
          range: site.range,
          severity: 'info',
          message: `${site.label} takes connectionTimeoutMillis from ${property?.value.text.slice(0, 60)}: if that variable is unset, Number(undefined) / parseInt(undefined) is NaN, which node-postgres treats as 0 (no limit), so ${effect} Give it a default in code. Not rewritten: the value is computed at run time.`,
          fix: null,
        });
        continue;
      }
      const disabled =
        !kind ||
        kind.kind === 'null' ||
        kind.kind === 'nan' ||
        (kind.kind === 'boolean' && !kind.value) ||
        (kind.kind === 'number' && kind.value === 0);
      if (!disabled) continue;
      const problem = kind
        ? `${site.label} sets connectionTimeoutMillis: ${property?.value.text}, which means no limit`
        : `${site.label} sets no connectionTimeoutMillis, so the default 0 means no limit`;
      let edits = null;
      let blocked: string | null = null;
      if (property) {
        if (property.editable && property.member.kind === 'pair')
          edits = [{ start: property.value.startIndex, end: property.value.endIndex, text: String(TIMEOUT) }];
        else blocked = lockedReason(property);
      } else if (view && !typedAsPg(view)) {
        blocked = `the options literal is typed ${view.typedAs}; add connectionTimeoutMillis to that type first`;
      } else {
        edits = addOptionsEdits(text, site, [`connectionTimeoutMillis: ${TIMEOUT}`]);
        if (!edits) blocked = hiddenReason(site) ?? 'the options are not visible here';
      }
      report({
        range: site.range,
        message: `${problem}: ${effect}${edits ? (property ? '' : spreadNote(view)) : ` Not written: ${blocked}.`}`,
        fix: edits
          ? {
              safety: 'review',
              description: `Set connectionTimeoutMillis: ${TIMEOUT} (callers then fail after 10 s instead of waiting forever).`,
              edits,
            }
          : null,
      });
    }
  },
});
