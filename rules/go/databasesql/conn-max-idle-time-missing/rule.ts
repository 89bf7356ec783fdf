import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { timeImportEdit } from '../../_lib/go';
import { insertSetter, setterCalls, sqlDbs, translatedFromDsn, zeroSetter } from '../../_lib/setters';
import { atLeast } from '../../_lib/versions';

export default defineRule({
  id: 'go.databasesql.conn-max-idle-time-missing',
  title: 'database/sql pool keeps idle connections forever',
  severity: 'warning',
  formats: ['go'],
  docs: {
    what: 'Reports a `*sql.DB` from `sql.Open` / `sqlx.Open` (pgx stdlib or lib/pq) in a variable that never gets `SetConnMaxIdleTime` (Go 1.15+), or gets it with 0.',
    why: 'An idle pooled connection is where a silent drop hides: PgBouncer\'s `client_idle_timeout`, a server-side `idle_session_timeout` or a middlebox closes it, and lib/pq does not check a connection before handing it out, so the next query gets "driver: bad connection" or hangs. Closing connections idle for 5 minutes keeps the idle set fresh at the cost of an occasional reconnect.',
    example: {
      before: 'db.SetConnMaxLifetime(30 * time.Minute)',
      after: 'db.SetConnMaxLifetime(30 * time.Minute)\ndb.SetConnMaxIdleTime(5 * time.Minute)',
    },
    fixSafety:
      'safe when the environment gives Go ≥ 1.15 (`--env go=1.22`): the method exists since Go 1.15 and only closes connections nobody is using. Without the Go version it is labelled review, since the call does not compile on older Go. The line goes next to SetConnMaxLifetime when the file has one, else after the `if err != nil` block. Proven on Go 1.19: DB.Stats().MaxIdleTimeClosed counts the closes.',
    sources: [
      'https://pkg.go.dev/database/sql#DB.SetConnMaxIdleTime',
      'https://go.dev/doc/go1.15#database/sql',
      'https://github.com/golang/go/blob/master/src/database/sql/sql.go',
    ],
  },
  check({ doc, environment, report }) {
    const go = atLeast(environment.versions?.go, [1, 15]);
    if (go === false) return;
    const safety = go ? 'safe' : 'review';
    for (const db of sqlDbs(doc)) {
      if (translatedFromDsn(db, 'pool_max_conn_idle_time')) continue;
      if (!db.variable || !db.statement) continue;
      const calls = setterCalls(doc, db, 'SetConnMaxIdleTime');
      const zero = zeroSetter(calls);
      if (calls.length > 0 && !zero) continue;
      const edits: TextEdit[] = [];
      if (zero) edits.push({ start: zero.startIndex, end: zero.endIndex, text: '5 * time.Minute' });
      else {
        const lifetime = setterCalls(doc, db, 'SetConnMaxLifetime')[0]?.call ?? null;
        const edit = insertSetter(doc, db, 'SetConnMaxIdleTime(5 * time.Minute)', lifetime);
        if (edit) edits.push(edit);
      }
      const imp = timeImportEdit(doc);
      if (imp) edits.push(imp);
      report({
        range: zero
          ? { start: zero.startIndex, end: zero.endIndex }
          : { start: db.site.call.startIndex, end: db.site.call.endIndex },
        message: `${db.variable} (${db.site.label}) ${zero ? 'sets SetConnMaxIdleTime(0), which' : 'never gets SetConnMaxIdleTime, so it'} keeps idle connections forever: one closed meanwhile by PgBouncer, the server or a middlebox is handed to the next query, which fails with "driver: bad connection" or hangs.${go ? '' : ' (Needs Go 1.15+; tell staleproof the version with --env go=1.22 to make this fix safe.)'}`,
        fix: { safety, description: `Call ${db.variable}.SetConnMaxIdleTime(5 * time.Minute).`, edits },
      });
    }
  },
});
