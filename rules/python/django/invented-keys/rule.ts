import { defineRule } from '../../../define-rule';
import { DJANGO_ENTRY_KEYS, djangoEntries, isPostgres } from '../../_lib/django';

/** Keys about connection lifetime and pooling that people add to an entry, and what Django reads instead. */
const INSTEAD: ReadonlyArray<readonly [RegExp, string]> = [
  [/^CONN_HEALTH_CHECK$|HEALTH/, 'Django reads CONN_HEALTH_CHECKS (plural, Django 4.1+)'],
  [/PRE_?PING|PING/, 'the Django equivalent is CONN_HEALTH_CHECKS: True (Django 4.1+)'],
  [
    /RECYCLE|LIFETIME|MAX_AGE/,
    'Django bounds a persistent connection\'s age with CONN_MAX_AGE (or, with its pool, OPTIONS["pool"]["max_lifetime"])',
  ],
  [
    /POOL|OVERFLOW/,
    'Django 5.1+ pools with OPTIONS["pool"] (psycopg 3): True or a dict of psycopg_pool options such as min_size, max_size, timeout',
  ],
  [/KEEPALIVE|CONNECT_TIMEOUT|TCP_USER_TIMEOUT/, 'libpq parameters go inside OPTIONS, in lower case'],
  [/TIMEOUT|IDLE|RECONNECT|RETRY|PERSIST/, 'Django has no such setting for the connection'],
];

export default defineRule({
  id: 'python.django.invented-keys',
  title: 'DATABASES entry sets a pool or lifetime key Django does not read',
  severity: 'info',
  formats: ['python'],
  docs: {
    what: "Reports keys in a `DATABASES` entry of Django's own PostgreSQL / PostGIS backend that look like connection-lifetime or pooling settings but that Django never reads: `POOL_PRE_PING`, `POOL_RECYCLE`, `POOL_SIZE`, `POOL_TIMEOUT`, `POOL_OPTIONS`, `MAX_OVERFLOW`, the singular typo `CONN_HEALTH_CHECK`, `KEEPALIVES` at the top level, and the like. Third-party ENGINEs (which may read such keys) are left alone.",
    why: 'They are copied from SQLAlchemy or from third-party pooling backends (django-db-connection-pool, django-postgrespool2) and do nothing with the stock backend: the app believes it pings or recycles connections while it does neither, and dead connections still reach requests.',
    example: {
      before: '"default": {"ENGINE": "django.db.backends.postgresql", "POOL_PRE_PING": True}',
      after: '"default": {"ENGINE": "django.db.backends.postgresql", "CONN_HEALTH_CHECKS": True}',
    },
    fixSafety:
      'none: the key is a no-op, and what to write instead depends on the Django version and on what was meant, so the finding names the setting Django reads.',
    sources: [
      'https://docs.djangoproject.com/en/stable/ref/settings/#databases',
      'https://github.com/django/django/blob/main/django/db/utils.py',
    ],
  },
  check({ doc, report }) {
    for (const entry of djangoEntries(doc)) {
      if (!isPostgres(entry.backend)) continue;
      for (const write of entry.writes) {
        if (write.via === 'dj_database_url' || DJANGO_ENTRY_KEYS.has(write.key)) continue;
        const advice = INSTEAD.find(([pattern]) => pattern.test(write.key.toUpperCase()))?.[1];
        if (!advice) continue;
        const node = write.style === 'statement' ? write.value : write.element;
        if (!node) continue;
        report({
          range: { start: node.startIndex, end: node.endIndex },
          message: `${entry.label}["${write.key}"] is not a Django setting: the stock PostgreSQL backend ignores it, so it changes nothing. ${advice}.`,
          fix: null,
        });
      }
    }
  },
});
