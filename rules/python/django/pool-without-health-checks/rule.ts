import { defineRule } from '../../../define-rule';
import {
  addEntryKeyEdit,
  djangoAtLeast,
  djangoEntries,
  entryRange,
  healthChecksOn,
  poolSetting,
  replaceValueEdit,
} from '../../_lib/django';

export default defineRule({
  id: 'python.django.pool-without-health-checks',
  title: "Django's connection pool hands out connections without checking them",
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `DATABASES` entries on the PostgreSQL / PostGIS backend whose `OPTIONS["pool"]` turns on Django\'s built-in pool (Django 5.1+, psycopg 3) while `CONN_HEALTH_CHECKS` is absent or false. Silent when the profile states a Django older than 5.1 (there `pool` is no Django setting: `python.django.pool-misc`).',
    why: 'Django builds the psycopg_pool `ConnectionPool` itself and passes `check=ConnectionPool.check_connection` only when `CONN_HEALTH_CHECKS` is true; otherwise the pool hands out whatever it holds, and a connection closed by a restart, a failover or an idle timeout fails the request that gets it. Putting `"check"` into the pool dict instead is a TypeError (`python.django.pool-reserved-keys`): the setting is the only switch.',
    example: {
      before: '"default": {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"pool": True}}',
      after:
        '"default": {"ENGINE": "django.db.backends.postgresql", "CONN_HEALTH_CHECKS": True, "OPTIONS": {"pool": True}}',
    },
    fixSafety:
      "safe: the pool runs a short check query when it hands out a connection and replaces a dead one. `check_connection` needs psycopg_pool 3.2+, which Django's pool needs anyway (Django 5.1+ always passes `check=`, which older pools reject). The key goes after `CONN_MAX_AGE` when the entry has one, else at the end of the entry; an explicit `False` is turned to `True`; a new dj-database-url keyword argument is review (dj-database-url 1.2.0+).",
    sources: [
      'https://docs.djangoproject.com/en/stable/ref/databases/#postgresql-notes',
      'https://github.com/django/django/blob/main/django/db/backends/postgresql/base.py',
      'https://www.psycopg.org/psycopg3/docs/advanced/pool.html#connection-quality',
    ],
  },
  check({ doc, text, environment, report }) {
    if (djangoAtLeast(environment, [5, 1]) === false) return;
    for (const entry of djangoEntries(doc)) {
      if (entry.backend !== 'postgresql' && entry.backend !== 'postgis') continue;
      const pool = poolSetting(doc, entry);
      if (pool.kind !== 'on') continue;
      if (healthChecksOn(entry) !== false) continue;
      const write = entry.get('CONN_HEALTH_CHECKS');
      if (entry.hidden && !write) continue;
      let edit = write?.value ? { edit: replaceValueEdit(write, 'True'), viaDj: false } : null;
      if (!edit) edit = addEntryKeyEdit(text, entry, 'CONN_HEALTH_CHECKS', 'True', 'CONN_MAX_AGE');
      const poolNode = pool.write.element ?? pool.write.value;
      report({
        range: poolNode ? { start: poolNode.startIndex, end: poolNode.endIndex } : entryRange(entry),
        message: `${entry.label} uses Django's connection pool without CONN_HEALTH_CHECKS, so the pool gets no check= and hands out connections closed by a restart, a failover or an idle timeout; the request that gets one fails. CONN_HEALTH_CHECKS: True makes Django pass check=ConnectionPool.check_connection (never put "check" in the pool dict: TypeError).${edit?.viaDj ? ' Review: conn_health_checks= needs dj-database-url 1.2.0+.' : ''}`,
        fix: edit?.edit
          ? {
              safety: edit.viaDj ? 'review' : 'safe',
              description:
                'Set CONN_HEALTH_CHECKS to True: the pool then checks each connection it hands out.',
              edits: [edit.edit],
            }
          : null,
      });
    }
  },
});
