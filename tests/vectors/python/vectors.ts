import type { Vector } from '../vector';

/**
 * The test vectors of reference/python.md §5, each input exactly as the reference gives it (V14's
 * fragment wrapped in its DATABASES dict). `fires` is every rule the full catalog reports on it, with
 * the fix each offers; the `.fixed` file beside the input is the reference's patch of the safe fixes,
 * written by hand, not generated. Where staleproof knowingly differs, `differs` says how and why.
 */
export const PYTHON_VECTORS: readonly Vector[] = [
  {
    id: 'V1',
    file: 'v01-env-url.py',
    fires: {
      'python.sqlalchemy.pre-ping-missing': 'safe',
      'python.sqlalchemy.recycle-disabled': 'safe',
      'python.libpq.keepalives-missing': 'none',
    },
  },
  {
    id: 'V2',
    file: 'v02-multiline-comments.py',
    fires: {
      'python.sqlalchemy.pre-ping-missing': 'safe',
      'python.sqlalchemy.recycle-too-long': 'safe',
      'python.libpq.keepalives-missing': 'safe',
      'python.libpq.tcp-user-timeout-missing': 'review',
      'python.libpq.connect-timeout-missing': 'review',
    },
  },
  {
    id: 'V3',
    file: 'v03-asyncpg-libpq-keepalives.py',
    fires: {
      'python.sqlalchemy.libpq-args-on-non-libpq-driver': 'safe',
      'python.sqlalchemy.recycle-disabled': 'safe',
      'python.sqlalchemy.asyncpg-ping-unbounded': 'review',
      'python.asyncpg.no-keepalive': 'none',
      'python.sqlalchemy.version-advisories': 'none',
    },
    differs:
      'Also reports python.sqlalchemy.version-advisories (info, no fix): the SQLAlchemy version is not stated, and asyncpg engines before 2.0.50 reuse connections killed mid-transaction (#13241).',
  },
  {
    id: 'V4',
    file: 'v04-asyncpg-url-libpq-params.py',
    fires: {
      'python.sqlalchemy.libpq-args-on-non-libpq-driver': 'safe',
      'python.sqlalchemy.asyncpg-ping-unbounded': 'review',
      'python.sqlalchemy.version-advisories': 'none',
    },
    differs: 'Also reports python.sqlalchemy.version-advisories (info), as in V3.',
  },
  {
    id: 'V5',
    file: 'v05-kwargs-from-dict.py',
    fires: {
      'python.sqlalchemy.pre-ping-missing': 'safe',
      'python.sqlalchemy.recycle-disabled': 'safe',
      'python.sqlalchemy.pool-timeout-unbounded': 'review',
      'python.libpq.keepalives-missing': 'none',
    },
    differs:
      'Also suggests python.libpq.keepalives-missing without an edit: the URL comes from settings, so the driver is unknown, exactly the V1 case, which the reference answers with a suggestion.',
  },
  {
    id: 'V6',
    file: 'v06-nullpool-pool-kwargs.py',
    fires: {
      'python.sqlalchemy.pool-kwargs-on-nullpool': 'safe',
      'python.libpq.keepalives-missing': 'none',
    },
    differs:
      'Also suggests python.libpq.keepalives-missing without an edit: URL is a name, driver unknown (as V1).',
  },
  {
    id: 'V7',
    file: 'v07-engine-from-config.ini',
    fires: {
      'python.sqlalchemy.config-bool-string': 'safe',
      'python.sqlalchemy.pre-ping-missing': 'safe',
      'python.sqlalchemy.recycle-disabled': 'safe',
      'python.libpq.keepalives-missing': 'safe',
    },
  },
  {
    id: 'V7 variant',
    file: 'v07b-pre-ping-false.ini',
    fires: { 'python.sqlalchemy.config-bool-string': 'none' },
  },
  {
    id: 'V8',
    file: 'v08-flask-legacy-keys.py',
    fires: { 'python.flask_sqlalchemy.legacy-pool-keys': 'safe' },
  },
  {
    id: 'V9',
    file: 'v09-partial-keepalives.py',
    fires: {
      'python.libpq.keepalives-idle-too-long': 'safe',
      'python.libpq.tcp-user-timeout-unit': 'review',
      'python.libpq.connect-timeout-missing': 'review',
    },
    differs:
      'Also offers python.libpq.connect-timeout-missing (review): the URL sets no connect_timeout, as in V2 where the reference lists it.',
  },
  {
    id: 'V10',
    file: 'v10-asyncpg-pool.py',
    fires: {
      'python.asyncpg.inactive-lifetime': 'safe',
      'python.asyncpg.server-settings-non-string': 'safe',
      'python.asyncpg.command-timeout-missing': 'review',
      'python.asyncpg.acquire-timeout-missing': 'none',
    },
  },
  {
    id: 'V11',
    file: 'v11-asyncpg-libpq-keys.py',
    fires: { 'python.asyncpg.libpq-kwargs': 'safe' },
  },
  {
    id: 'V12',
    file: 'v12-psycopg-pool-no-check.py',
    fires: {
      'python.psycopg_pool.check-missing': 'review',
      'python.libpq.keepalives-missing': 'safe',
      'python.psycopg_pool.lifetime-misread': 'none',
      'python.libpq.tcp-user-timeout-missing': 'review',
      'python.libpq.connect-timeout-missing': 'review',
    },
    differs:
      "check= is review, not in the safe patch: the reference's own §3.4 makes it safe only on psycopg_pool 3.2+ (older pools raise TypeError), and the snippet does not say the version; stating psycopg=3.2 makes it safe. tcp_user_timeout and connect_timeout are offered as review, as in V2.",
  },
  {
    id: 'V13',
    file: 'v13-django-persistent.py',
    fires: {
      'python.django.health-checks-missing': 'safe',
      'python.django.options-keepalives-missing': 'safe',
      'python.django.conn-max-age-too-long': 'none',
    },
  },
  {
    id: 'V14',
    file: 'v14-django-pool-conflicts.py',
    fires: {
      'python.django.pool-with-conn-max-age': 'safe',
      'python.django.pool-reserved-keys': 'safe',
      'python.django.pool-without-health-checks': 'safe',
    },
  },
  {
    id: 'V15',
    file: 'v15-dj-database-url.py',
    fires: {
      'python.django.health-checks-missing': 'review',
      'python.django.conn-max-age-too-long': 'none',
    },
    differs:
      'conn_health_checks= is review, so the safe patch leaves the file alone: dj-database-url added it to parse() in 1.1.0 and to config() in 1.2.0 (its changelog; the reference says 1.0), and older versions crash at settings import on the unknown keyword. conn-max-age-too-long also reports (info): its own When clause matches (600 s ≥ the 240 s middlebox bound, checks off), and it steps aside for the health-check fix.',
  },
  {
    id: 'V16',
    file: 'v16-multihost-psycopg2.py',
    fires: {
      'python.libpq.multihost-without-target-session-attrs': 'review',
      'python.libpq.connect-timeout-missing': 'review',
      'python.libpq.keepalives-missing': 'safe',
      'python.libpq.tcp-user-timeout-missing': 'review',
    },
    differs: 'Also offers python.libpq.tcp-user-timeout-missing (review), as in V2.',
  },
  { id: 'V17', file: 'v17-already-resilient.py', fires: {} },
  {
    id: 'V18',
    file: 'v18-url-create-asyncpg.py',
    fires: {
      'python.sqlalchemy.asyncpg-url-timeout-string': 'safe',
      'python.sqlalchemy.asyncpg-ping-unbounded': 'review',
      'python.sqlalchemy.version-advisories': 'none',
    },
    differs:
      'Also reports python.sqlalchemy.asyncpg-ping-unbounded (review) and version-advisories (info): the same asyncpg engine settings as V4, where the reference lists the first.',
  },
];
