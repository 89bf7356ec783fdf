import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { timeImportEdit } from '../../_lib/go';
import { insertSetter, setterCalls, sqlDbs, translatedFromDsn, zeroSetter } from '../../_lib/setters';

export default defineRule({
  id: 'go.databasesql.conn-max-lifetime-missing',
  title: 'database/sql pool without a connection lifetime',
  severity: 'warning',
  formats: ['go'],
  docs: {
    what: 'Reports a `*sql.DB` from `sql.Open` / `sqlx.Open` (pgx stdlib or lib/pq) in a variable that never gets `SetConnMaxLifetime`, or gets it with 0.',
    why: 'database/sql keeps a connection forever by default. After a failover a connection that reached a node which is alive but demoted keeps failing writes with "cannot execute … in a read-only transaction" (25006); lib/pq does not ping on checkout, and a ping would succeed anyway. A lifetime makes the pool replace every connection regularly, so it also follows DNS changes.',
    example: {
      before: 'db, err := sql.Open("postgres", dsn)\nif err != nil {\n\tlog.Fatal(err)\n}',
      after:
        'db, err := sql.Open("postgres", dsn)\nif err != nil {\n\tlog.Fatal(err)\n}\ndb.SetConnMaxLifetime(30 * time.Minute)',
    },
    fixSafety:
      'safe: available since Go 1.6; a connection past its lifetime is closed when it is next returned or by the pool\'s cleaner, never in the middle of a query, and replaced on demand. The line goes after the `if err != nil` block that follows the open call, with the "time" import. Proven on Go 1.19 with Debian\'s pgx v4.15 stdlib and lib/pq 1.10.7: DB.Stats().MaxLifetimeClosed counts the closes.',
    sources: [
      'https://pkg.go.dev/database/sql#DB.SetConnMaxLifetime',
      'https://github.com/golang/go/blob/master/src/database/sql/sql.go',
    ],
  },
  check({ doc, report }) {
    for (const db of sqlDbs(doc)) {
      if (translatedFromDsn(db, 'pool_max_conn_lifetime')) continue;
      const calls = db.variable ? setterCalls(doc, db, 'SetConnMaxLifetime') : [];
      const zero = zeroSetter(calls);
      if (calls.length > 0 && !zero) continue;
      const range = { start: db.site.call.startIndex, end: db.site.call.endIndex };
      const why =
        'so a connection that reached a demoted primary or an old address after a failover is kept for good.';
      if (zero) {
        const edits: TextEdit[] = [{ start: zero.startIndex, end: zero.endIndex, text: '30 * time.Minute' }];
        const imp = timeImportEdit(doc);
        if (imp) edits.push(imp);
        report({
          range: { start: zero.startIndex, end: zero.endIndex },
          message: `SetConnMaxLifetime(0) keeps every connection of ${db.variable} forever, ${why}`,
          fix: { safety: 'safe', description: 'Set the connection lifetime to 30 minutes.', edits },
        });
        continue;
      }
      const edit = insertSetter(doc, db, 'SetConnMaxLifetime(30 * time.Minute)');
      const edits: TextEdit[] = edit ? [edit] : [];
      const imp = edit ? timeImportEdit(doc) : null;
      if (imp) edits.push(imp);
      report({
        range,
        message: edit
          ? `${db.variable} (${db.site.label}) never gets SetConnMaxLifetime: database/sql keeps connections forever, ${why}`
          : `The *sql.DB from ${db.site.label} is not kept in a variable here, so staleproof cannot add SetConnMaxLifetime: without it connections live forever, ${why} Call db.SetConnMaxLifetime(30 * time.Minute) where the pool is configured.`,
        severity: edit ? undefined : 'info',
        fix: edit
          ? {
              safety: 'safe',
              description: `Call ${db.variable}.SetConnMaxLifetime(30 * time.Minute) after opening.`,
              edits,
            }
          : null,
      });
    }
  },
});
