import { defineRule } from '../../../define-rule';
import {
  addEntryKeyEdit,
  connMaxAge,
  djangoEntries,
  entryRange,
  healthChecksOn,
  healthChecksSupported,
  isPostgres,
  poolSetting,
  replaceValueEdit,
  writeRange,
} from '../../_lib/django';

export default defineRule({
  id: 'python.django.health-checks-missing',
  title: 'Django reuses database connections without checking them first',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `DATABASES` entries on the PostgreSQL / PostGIS backend (or a backend the file does not name) that keep connections between requests (`CONN_MAX_AGE` above 0, or `None`) without `CONN_HEALTH_CHECKS`, and `dj_database_url.config(conn_max_age=...)` / `parse(...)` without `conn_health_checks=True`. Entries with `OPTIONS["pool"]` are `python.django.pool-without-health-checks`. Targets Django 4.1 and later; silent when the profile states an older Django, where `python.django.conn-max-age-too-long` offers the fix.',
    why: 'A persistent connection that the server closed (restart, failover, `pg_terminate_backend`) or that a load balancer dropped while idle is handed to the next request as if it were alive: its first query fails with "server closed the connection unexpectedly", and Django only discards the connection at the end of that failed request, once per worker. With `CONN_HEALTH_CHECKS` Django runs a cheap test query before the first use of a reused connection in each request and reconnects when it fails, so the request never sees the dead one. Celery workers and management commands are outside the request cycle and get neither the check nor CONN_MAX_AGE.',
    example: {
      before: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 600}}',
      after:
        'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True}}',
    },
    fixSafety:
      'safe in a `DATABASES` dict: one extra round trip per request on a reused connection; Django before 4.1 ignores the key. The key goes right after `CONN_MAX_AGE` (or a `DATABASES[...]["CONN_HEALTH_CHECKS"] = True` line after a `DATABASES[...]["CONN_MAX_AGE"] = ...` assignment); an explicit `False` is turned to `True`. review when it has to be a new dj-database-url keyword argument: `conn_health_checks=` exists in `parse()` since dj-database-url 1.1.0 and in `config()` since 1.2.0 (December 2022); older versions (0.5.0 was current until 2022) fail at settings import with "unexpected keyword argument".',
    sources: [
      'https://docs.djangoproject.com/en/stable/ref/settings/#conn-health-checks',
      'https://docs.djangoproject.com/en/stable/ref/databases/#persistent-database-connections',
      'https://github.com/django/django/blob/main/django/db/backends/base/base.py',
      'https://github.com/jazzband/dj-database-url/blob/master/CHANGELOG.md',
    ],
  },
  check({ doc, text, environment, report }) {
    for (const entry of djangoEntries(doc)) {
      if (!isPostgres(entry.backend) && entry.backend !== 'unknown') continue;
      if (healthChecksSupported(environment) === false) continue;
      const age = connMaxAge(entry);
      if (typeof age === 'number' && age <= 0) continue;
      if (poolSetting(doc, entry).kind === 'on') continue;
      if (healthChecksOn(entry) !== false) continue;
      const write = entry.get('CONN_HEALTH_CHECKS');
      if (entry.hidden && !write) continue;
      const ageWrite = entry.get('CONN_MAX_AGE');
      const ageText =
        age === null
          ? 'CONN_MAX_AGE=None, never closed'
          : age === undefined
            ? `CONN_MAX_AGE=${ageWrite?.value?.text}`
            : `CONN_MAX_AGE=${age}`;
      let edit = write?.value ? { edit: replaceValueEdit(write, 'True'), viaDj: false } : null;
      if (!edit) edit = addEntryKeyEdit(text, entry, 'CONN_HEALTH_CHECKS', 'True', 'CONN_MAX_AGE');
      const dj = entry.dj ? `dj_database_url.${entry.dj.fn}()` : '';
      const version =
        healthChecksSupported(environment) === true ? '' : ' (Django 4.1+; older versions ignore it)';
      const djNote = edit?.viaDj
        ? ` Review: ${dj} accepts conn_health_checks= only since dj-database-url ${entry.dj?.fn === 'parse' ? '1.1.0' : '1.2.0'}; older versions fail at settings import with "unexpected keyword argument".`
        : '';
      const range = ageWrite?.value ? writeRange(entry, ageWrite) : entryRange(entry);
      report({
        range,
        message: `${entry.label} keeps connections between requests (${ageText}) without health checks: one closed by a restart, a failover or an idle timeout reaches the next request, whose first query fails with "server closed the connection unexpectedly". ${edit?.viaDj ? `conn_health_checks=True in ${dj}` : 'CONN_HEALTH_CHECKS: True'}${version} makes Django test a reused connection before the request uses it and reconnect when it is dead.${age === undefined ? ' (Only matters when CONN_MAX_AGE is non-zero; the key is harmless otherwise.)' : ''}${djNote}`,
        fix: edit?.edit
          ? {
              safety: edit.viaDj ? 'review' : 'safe',
              description: edit.viaDj
                ? 'Add conn_health_checks=True (dj-database-url 1.2.0+).'
                : 'Set CONN_HEALTH_CHECKS to True.',
              edits: [edit.edit],
            }
          : null,
      });
    }
  },
});
