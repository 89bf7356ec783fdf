import { defineRule } from '../../define-rule';
import { numberOf, reportRange } from '../_lib/config';
import { mainConfig, SRC } from '../_lib/kit';

export default defineRule({
  id: 'pgbouncer.idle-transaction-timeout-disabled',
  title: 'No limit on clients idle inside a transaction',
  severity: 'info',
  formats: ['pgbouncer-ini'],
  optIn: true,
  docs: {
    what: 'Opt-in advisory: reports `idle_transaction_timeout` 0 or unset (the default is 0, no limit).',
    why: 'A client that dies or hangs in the middle of a transaction keeps its server connection, and the locks of that transaction, for as long as its socket looks alive. A limit frees both and returns the connection to the pool.',
    example: { before: 'idle_transaction_timeout = 0', after: 'idle_transaction_timeout = 60' },
    fixSafety:
      'none: an advisory. A suggested 60 s also ends legitimately slow interactive transactions (a person at a psql prompt, an app doing remote calls inside a transaction).',
    sources: [SRC.config],
  },
  check({ doc, report }) {
    const config = mainConfig(doc);
    if (!config || numberOf(config, 'idle_transaction_timeout') !== 0) return;
    report({
      range: reportRange(config, 'idle_transaction_timeout'),
      message:
        "idle_transaction_timeout is 0 (no limit): a client that stalls or vanishes mid-transaction pins its server connection and the transaction's locks. Consider idle_transaction_timeout = 60.",
      fix: null,
    });
  },
});
