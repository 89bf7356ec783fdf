import { defineRule } from '../../define-rule';
import { hasVersion, numberOf, poolMode, reportRange } from '../_lib/config';
import { mainConfig, SRC } from '../_lib/kit';

export default defineRule({
  id: 'pgbouncer.prepared-statements-transaction',
  title: 'Transaction pooling without prepared-statement support',
  severity: 'info',
  formats: ['pgbouncer-ini'],
  optIn: true,
  docs: {
    what: 'Opt-in advisory: reports transaction or statement pooling when PgBouncer cannot track protocol-level prepared statements: a version before 1.21, `max_prepared_statements = 0`, or the key unset on 1.21–1.23 (whose default is 0).',
    why: 'Drivers that prepare statements at the protocol level (pgJDBC, asyncpg, Npgsql, pgx) then see "prepared statement does not exist" once a transaction lands on another server connection, which typically shows up right after a reconnect or failover. With max_prepared_statements > 0 (PgBouncer 1.21+) PgBouncer re-prepares them on the server it hands out.',
    example: {
      before: 'pool_mode = transaction\nmax_prepared_statements = 0',
      after: 'pool_mode = transaction\nmax_prepared_statements = 200',
    },
    fixSafety:
      'none: an advisory. Suggested max_prepared_statements = 200 (the default since 1.24) costs memory per server connection, and a DDL change can raise "cached plan must not change result type" until a RECONNECT.',
    sources: [SRC.config, SRC.features, SRC.news],
  },
  check({ doc, environment, report }) {
    const config = mainConfig(doc);
    if (!config) return;
    const mode = poolMode(config);
    if (mode !== 'transaction' && mode !== 'statement') return;
    const has121 = hasVersion(environment, '1.21');
    const has124 = hasVersion(environment, '1.24');
    const set = config.effective.has('max_prepared_statements');
    const n = set ? numberOf(config, 'max_prepared_statements') : null;
    let why: string;
    if (has121 === false)
      why = 'this PgBouncer (before 1.21) cannot track protocol-level prepared statements';
    else if (set && n === 0) why = 'max_prepared_statements = 0 switches prepared-statement tracking off';
    else if (!set && has124 === false)
      why = 'max_prepared_statements defaults to 0 (off) before PgBouncer 1.24';
    else if (!set && has121 === null)
      why =
        'max_prepared_statements is unset and its default depends on the version (0 before 1.24, none before 1.21)';
    else return;
    report({
      range: reportRange(config, set ? 'max_prepared_statements' : 'pool_mode'),
      message: `${mode} pooling and ${why}: drivers that prepare statements at the protocol level get "prepared statement does not exist" when a transaction lands on another server connection, often right after a reconnect. Consider max_prepared_statements = 200 (PgBouncer 1.21 or later).`,
      fix: null,
    });
  },
});
