import { defineRule } from '../../../define-rule';
import {
  connMaxAge,
  djangoAtLeast,
  djangoEntries,
  poolSetting,
  replaceValueEdit,
  writeRange,
} from '../../_lib/django';

export default defineRule({
  id: 'python.django.pool-with-conn-max-age',
  title: "Django's connection pool combined with persistent connections (startup error)",
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports `DATABASES` entries on the PostgreSQL / PostGIS backend that turn on Django\'s pool (`OPTIONS["pool"]`, Django 5.1+) and also set `CONN_MAX_AGE` to anything but 0 — a number or `None` — in the dict, in a later assignment, or through dj-database-url\'s `conn_max_age=`.',
    why: 'Django refuses the combination when it creates the pool, that is on the first query, not at startup: "ImproperlyConfigured: Pooling doesn\'t support persistent connections." The pool already keeps connections open (psycopg_pool `max_lifetime` / `max_idle` bound their age), so CONN_MAX_AGE has nothing to add.',
    example: {
      before:
        '"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 600, "OPTIONS": {"pool": True}}',
      after:
        '"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 0, "OPTIONS": {"pool": True}}',
    },
    fixSafety:
      'safe: it turns a configuration Django rejects on the first query into the one it accepts; with a pool, connections are reused through the pool whatever CONN_MAX_AGE says. A value the file does not show (an environment lookup) is reported, not rewritten.',
    sources: [
      'https://docs.djangoproject.com/en/stable/ref/databases/#postgresql-notes',
      'https://github.com/django/django/blob/main/django/db/backends/postgresql/base.py',
    ],
  },
  check({ doc, environment, report }) {
    if (djangoAtLeast(environment, [5, 1]) === false) return;
    for (const entry of djangoEntries(doc)) {
      if (entry.backend !== 'postgresql' && entry.backend !== 'postgis') continue;
      if (poolSetting(doc, entry).kind !== 'on') continue;
      const age = connMaxAge(entry);
      if (age === 0) continue;
      const write = entry.get('CONN_MAX_AGE');
      if (!write?.value) continue;
      const edit = age === undefined ? null : replaceValueEdit(write, '0');
      const name = write.via === 'dj_database_url' ? 'conn_max_age' : 'CONN_MAX_AGE';
      report({
        range: writeRange(entry, write),
        message: `${entry.label} uses Django's connection pool with ${name}=${write.value.text}: Django raises "ImproperlyConfigured: Pooling doesn't support persistent connections." on the first query. Set ${name} to 0; the pool keeps connections open itself.${age === undefined ? ' The value comes from elsewhere, so staleproof does not rewrite it: make sure it is 0 wherever it is set.' : ''}`,
        fix: edit
          ? { safety: 'safe', description: `Set ${name} to 0 (the pool reuses connections).`, edits: [edit] }
          : null,
      });
    }
  },
});
