import { defineRule } from '../../../define-rule';
import { djangoAtLeast, djangoEntries, healthChecksOn, poolEntries, poolSetting } from '../../_lib/django';
import { removeElementsEdits } from '../../_lib/remove-elements';

/** What Django passes to ConnectionPool itself, and what to write instead of each. */
const RESERVED: Record<string, string> = {
  check:
    'use "CONN_HEALTH_CHECKS": True on the entry instead: Django then passes check=ConnectionPool.check_connection',
  kwargs:
    'Django builds the connection arguments from NAME, USER, HOST, PORT and OPTIONS: put libpq parameters in OPTIONS',
  open: 'Django opens the pool itself on first use',
  configure:
    'Django sets its own configure callback (time zone, role); use a connection_created signal for more',
};

export default defineRule({
  id: 'python.django.pool-reserved-keys',
  title: "Django's pool options repeat an argument Django passes itself (TypeError)",
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports `check`, `kwargs`, `open` and `configure` inside the `OPTIONS["pool"]` dict of a PostgreSQL / PostGIS `DATABASES` entry (Django 5.1+).',
    why: 'Django creates the pool as `ConnectionPool(kwargs=..., open=False, configure=..., check=..., **pool_options)`, so any of these four in the pool dict makes the call fail with "TypeError: ... got multiple values for keyword argument" when the first connection is requested. The popular advice to add `"check": ConnectionPool.check_connection` is exactly this; the health check is switched on with `CONN_HEALTH_CHECKS`.',
    example: {
      before: '"OPTIONS": {"pool": {"min_size": 2, "check": ConnectionPool.check_connection}}',
      after: '"OPTIONS": {"pool": {"min_size": 2}}',
    },
    fixSafety:
      'safe for `check`, `open` and `configure`: removing them turns a TypeError into a working pool, and the check itself comes back through `CONN_HEALTH_CHECKS` (python.django.pool-without-health-checks adds it when missing). review for `kwargs`: its parameters would be dropped; move the libpq ones into OPTIONS yourself.',
    sources: [
      'https://github.com/django/django/blob/main/django/db/backends/postgresql/base.py',
      'https://docs.djangoproject.com/en/stable/ref/databases/#postgresql-notes',
    ],
  },
  check({ doc, text, environment, report }) {
    if (djangoAtLeast(environment, [5, 1]) === false) return;
    for (const entry of djangoEntries(doc)) {
      if (entry.backend !== 'postgresql' && entry.backend !== 'postgis') continue;
      const pool = poolSetting(doc, entry);
      if (pool.kind !== 'on' || !pool.dict) continue;
      const { container, style } = pool.dict;
      const checksOn = healthChecksOn(entry) === true;
      for (const item of poolEntries(container, style)) {
        const advice = RESERVED[item.key];
        if (!advice) continue;
        const health =
          item.key === 'check' && !checksOn
            ? ' (python.django.pool-without-health-checks adds CONN_HEALTH_CHECKS: True)'
            : '';
        report({
          range: { start: item.node.startIndex, end: item.node.endIndex },
          message: `${entry.label}: the pool dict sets "${item.key}", which Django already passes to ConnectionPool, so the first query fails with "TypeError: got multiple values for keyword argument '${item.key}'". Remove it; ${advice}${health}.`,
          fix: {
            safety: item.key === 'kwargs' ? 'review' : 'safe',
            description: `Remove "${item.key}" from the pool options.`,
            edits: removeElementsEdits(text, container, [item.node]),
          },
        });
      }
    }
  },
});
