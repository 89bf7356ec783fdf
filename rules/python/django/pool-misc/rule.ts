import { defineRule } from '../../../define-rule';
import { djangoAtLeast, djangoEntries, isPostgres, poolSetting, writeRange } from '../../_lib/django';

export default defineRule({
  id: 'python.django.pool-misc',
  title: "Django's pool setting does not do what it looks like",
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `OPTIONS["pool"]` on a PostgreSQL / PostGIS `DATABASES` entry when it cannot work as written: an empty dict `{}` (false, so no pool); a pool on a Django before 5.1 (as the profile states); a pool where the profile names psycopg2 and not psycopg 3.',
    why: 'Django enables its pool only when the value is truthy: `{}` silently means "no pool", so every request opens a new connection. Before Django 5.1 `pool` is no Django setting at all: Django hands it to the driver with the other OPTIONS and the first connection fails with `invalid dsn: invalid connection option "pool"`. With psycopg2, Django 5.1+ refuses it: "ImproperlyConfigured: Database pooling requires psycopg >= 3".',
    example: {
      before: '"OPTIONS": {"pool": {}}',
      after: '"OPTIONS": {"pool": True}',
    },
    fixSafety:
      'none: each case needs a decision staleproof cannot make for you (turn pooling on with `True`, upgrade Django, or install psycopg 3 and psycopg_pool), so it only reports.',
    sources: [
      'https://github.com/django/django/blob/main/django/db/backends/postgresql/base.py',
      'https://docs.djangoproject.com/en/stable/ref/databases/#postgresql-notes',
      'https://docs.djangoproject.com/en/stable/releases/5.1/',
    ],
  },
  check({ doc, environment, report }) {
    const versions = environment.versions ?? {};
    const before51 = djangoAtLeast(environment, [5, 1]) === false;
    const psycopg2Only = versions.psycopg2 !== undefined && versions.psycopg === undefined;
    for (const entry of djangoEntries(doc)) {
      if (!isPostgres(entry.backend)) continue;
      const pool = poolSetting(doc, entry);
      if (pool.kind === 'empty-dict') {
        report({
          range: writeRange(entry, pool.write),
          message: `${entry.label}: "pool": {} is false to Django, so it does not pool at all and every request opens a new connection. Use "pool": True for psycopg_pool's defaults, or give the options you want (min_size, max_size, timeout...).`,
          fix: null,
        });
        continue;
      }
      if (pool.kind !== 'on') continue;
      if (before51) {
        report({
          range: writeRange(entry, pool.write),
          severity: 'error',
          message: `${entry.label}: OPTIONS["pool"] is a Django 5.1+ setting; you stated Django ${versions.django}, which passes it to the driver like any other option, so the first connection fails with 'invalid connection option "pool"'. Upgrade Django, or remove it and use CONN_MAX_AGE (with CONN_HEALTH_CHECKS on 4.1+) or PgBouncer.`,
          fix: null,
        });
      } else if (psycopg2Only) {
        report({
          range: writeRange(entry, pool.write),
          severity: 'error',
          message: `${entry.label}: Django's pool needs psycopg 3 (with psycopg_pool); you stated psycopg2 ${versions.psycopg2} and no psycopg, and with psycopg2 Django raises "ImproperlyConfigured: Database pooling requires psycopg >= 3". Install psycopg[pool] (3.2+), or remove the pool option.`,
          fix: null,
        });
      }
    }
  },
});
