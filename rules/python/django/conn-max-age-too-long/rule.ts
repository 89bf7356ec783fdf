import { idleBoundSeconds } from '../../../../core/canonical';
import { effectiveIdleLimit } from '../../../../core/environment';
import { defineRule } from '../../../define-rule';
import {
  connMaxAge,
  djangoEntries,
  healthChecksOn,
  healthChecksSupported,
  isPostgres,
  poolSetting,
  replaceValueEdit,
  writeRange,
} from '../../_lib/django';
import { recycleBasis } from '../../_lib/sqlalchemy';

export default defineRule({
  id: 'python.django.conn-max-age-too-long',
  title: 'Django keeps unchecked connections longer than a middlebox keeps them idle',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `DATABASES` entries on the PostgreSQL / PostGIS backend (or one the file does not name) whose `CONN_MAX_AGE` is `None` (never closed) or at least the middlebox idle timeout (240 s unless the environment says otherwise), with `CONN_HEALTH_CHECKS` off and no `OPTIONS["pool"]`; also dj-database-url\'s `conn_max_age=`. It writes a value only where health checks are not available (the profile states a Django before 4.1); elsewhere `python.django.health-checks-missing` is the fix and this finding goes away once health checks are on.',
    why: 'Django closes a persistent connection at the start or end of a request once it is older than `CONN_MAX_AGE`. A connection is idle for at most its age, so a value under the tightest NAT / load-balancer idle timeout means no connection that a middlebox may have dropped in silence is ever reused; with a longer or unlimited age the next request after a quiet spell gets a dead socket and fails, or hangs until TCP gives up.',
    example: {
      before:
        'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": None}}  # Django 3.2',
      after:
        'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 200}}  # Django 3.2',
    },
    fixSafety:
      'safe where it writes one: connections are replaced a little more often (one reconnect per worker every few minutes at most), nothing else changes. It never edits a value it cannot read (an environment lookup), and never where health checks can be turned on instead: there it only explains (as info), so the health-check fix is the one applied and this finding disappears with it.',
    sources: [
      'https://docs.djangoproject.com/en/stable/ref/settings/#conn-max-age',
      'https://docs.djangoproject.com/en/stable/ref/databases/#persistent-database-connections',
      'https://github.com/django/django/blob/main/django/db/backends/base/base.py',
    ],
  },
  check({ doc, environment, report }) {
    const idle = effectiveIdleLimit(environment);
    const limit = idle.seconds;
    const bound = idleBoundSeconds(environment);
    for (const entry of djangoEntries(doc)) {
      if (!isPostgres(entry.backend) && entry.backend !== 'unknown') continue;
      const age = connMaxAge(entry);
      if (age === undefined || (age !== null && age < limit)) continue;
      if (poolSetting(doc, entry).kind === 'on') continue;
      if (healthChecksOn(entry) !== false) continue;
      if (entry.hidden && !entry.get('CONN_HEALTH_CHECKS')) continue;
      const write = entry.get('CONN_MAX_AGE');
      if (!write?.value) continue;
      const checks = healthChecksSupported(environment);
      const edit = checks === false ? replaceValueEdit(write, String(bound)) : null;
      const name = write.via === 'dj_database_url' ? 'conn_max_age' : 'CONN_MAX_AGE';
      const what =
        age === null
          ? `${name}=None keeps a connection forever`
          : `${name}=${age} keeps a connection up to ${age} s`;
      report({
        range: writeRange(entry, write),
        // Where health checks can be turned on, python.django.health-checks-missing carries the fix.
        severity: edit ? 'warning' : 'info',
        message: `${entry.label}: ${what}, while ${idle.clean ? `${idle.label} closes a connection idle that long` : `a NAT or load balancer may drop a connection idle for ${limit} s`}; without health checks the next request after a quiet spell gets the dead connection and fails. ${
          checks === false
            ? `Django ${environment.versions?.django} has no CONN_HEALTH_CHECKS (4.1+), so set ${name}=${bound}: ${recycleBasis(environment)}.`
            : `CONN_HEALTH_CHECKS: True (python.django.health-checks-missing) fixes this on Django 4.1+; on older Django set ${name} to ${bound}.`
        }`,
        fix: edit ? { safety: 'safe', description: `Set ${name} to ${bound} s.`, edits: [edit] } : null,
      });
    }
  },
});
