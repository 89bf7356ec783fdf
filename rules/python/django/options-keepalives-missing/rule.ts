import { CANONICAL } from '../../../../core/canonical';
import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import {
  addOptionsEdit,
  djangoEntries,
  entryRange,
  isPostgres,
  replaceValueEdit,
  writeRange,
} from '../../_lib/django';
import { describeEntries } from '../../_lib/libpq';
import { stringLiteralValue } from '../../_lib/syntax';

export default defineRule({
  id: 'python.django.options-keepalives-missing',
  title: 'Django PostgreSQL connection without TCP keepalives',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `DATABASES` entries on the PostgreSQL / PostGIS backend (`postgresql`, its old name `postgresql_psycopg2`, `postgis`) that reach the server over TCP (a `HOST` that is not empty and not a socket directory, or one from the environment) and set no `keepalives_idle` in `OPTIONS`, or switch keepalives off with `"keepalives": 0`. Entries whose OPTIONS come from dj-database-url\'s URL (its query string) or from a name the file does not show are left alone.',
    why: 'Django hands `OPTIONS` to psycopg2 / psycopg as libpq connection parameters. Without keepalives libpq leaves them to the operating system, whose first probe comes after 2 hours on Linux: long after a NAT gateway or load balancer forgot the flow. A persistent (CONN_MAX_AGE) or pooled connection then dies in silence and its next query hangs or fails. A probe every 30 s keeps the flow alive and lets a dead peer be noticed within 60 s, so the health check fails at once and Django reconnects.',
    example: {
      before:
        '"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db.internal", "CONN_MAX_AGE": 60}',
      after:
        '"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db.internal", "CONN_MAX_AGE": 60, "OPTIONS": {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}}',
    },
    fixSafety:
      "safe: libpq (9.0+) accepts these keys with psycopg2 and psycopg 3 alike, and they also reach the connections of Django 5.1's pool; the cost is one small probe per idle connection every 30 s. Only missing keys are added (and `keepalives: 0` set to 1), into the existing `OPTIONS` dict or a new one at the end of the entry.",
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES',
      'https://docs.djangoproject.com/en/stable/ref/databases/#postgresql-connection-settings',
      'https://github.com/django/django/blob/main/django/db/backends/postgresql/base.py',
    ],
  },
  check({ doc, text, report }) {
    for (const entry of djangoEntries(doc)) {
      if (!isPostgres(entry.backend)) continue;
      const options = entry.options;
      if (options.kind === 'hidden') continue;
      const get = (key: string) => (options.kind === 'visible' ? options.get(key) : undefined);
      // Without HOST, libpq takes the host from OPTIONS (`host`, or a `service` file) if given there.
      let host = entry.host;
      const optionHost = get('host') ?? get('hostaddr');
      if (host === '' && (optionHost || get('service')))
        host = optionHost?.value ? stringLiteralValue(optionHost.value) : null;
      if (host !== null && (host === '' || host.startsWith('/'))) continue;
      const keepalives = get('keepalives');
      const off =
        keepalives?.value?.text === '0' ||
        keepalives?.value?.text === 'False' ||
        /^["']0["']$/.test(keepalives?.value?.text ?? '');
      if (get('keepalives_idle') && !off) continue;
      const added: Array<readonly [string, string]> = [];
      const edits: TextEdit[] = [];
      if (!keepalives) added.push(['keepalives', '1']);
      else if (off) {
        const edit = replaceValueEdit(keepalives, '1');
        if (edit) edits.push(edit);
      }
      if (!get('keepalives_idle')) added.push(['keepalives_idle', String(CANONICAL.keepaliveIdleSeconds)]);
      if (!get('keepalives_interval'))
        added.push(['keepalives_interval', String(CANONICAL.keepaliveIntervalSeconds)]);
      if (!get('keepalives_count')) added.push(['keepalives_count', String(CANONICAL.keepaliveCount)]);
      const addEdit = added.length > 0 ? addOptionsEdit(text, entry, added) : null;
      const complete = addEdit !== null || added.length === 0;
      if (addEdit) edits.push(addEdit);
      const described = describeEntries([
        ...(off ? [['keepalives', 1] as const] : []),
        ...added.map(([k, v]) => [k, Number(v)] as const),
      ]);
      report({
        range: off ? writeRange(entry, keepalives) : entryRange(entry),
        message: `${entry.label} ${off ? 'switches TCP keepalives off' : 'sets no TCP keepalives in OPTIONS'}: libpq leaves them to the OS (first probe after 2 h on Linux), long after a NAT or load balancer forgets an idle connection, so a persistent or pooled connection dies in silence and its next query hangs or fails. Add ${described} to OPTIONS: the flow stays alive and a dead peer is noticed within 60 s.${host === null ? ' (HOST is not in this file; on a Unix socket the keys are ignored.)' : ''}`,
        fix:
          complete && edits.length > 0
            ? { safety: 'safe', description: `Add ${described} to OPTIONS.`, edits }
            : null,
      });
    }
  },
});
