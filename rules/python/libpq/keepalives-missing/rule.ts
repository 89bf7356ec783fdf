import { CANONICAL } from '../../../../core/canonical';
import { getParam, isUnixSocket, parseUri, setParamEdit } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import {
  describeEntries,
  keepaliveEntries,
  keepalivesMissing,
  libpqSites,
  uncertainDriverNote,
} from '../../_lib/libpq';
import { driverFamily } from '../../_lib/sqlalchemy';
import { iniEngineSections } from '../../_lib/sqlalchemy-ini';

const T_KA = CANONICAL.keepaliveIdleSeconds + CANONICAL.keepaliveIntervalSeconds * CANONICAL.keepaliveCount;

export default defineRule({
  id: 'python.libpq.keepalives-missing',
  title: 'libpq connection without TCP keepalives',
  severity: 'warning',
  formats: ['python', 'ini'],
  docs: {
    what: 'Reports libpq-family connections (SQLAlchemy engines on psycopg2 / psycopg, `psycopg2.connect`, `psycopg.connect`, psycopg_pool pools) over TCP that set no `keepalives_idle`, or switch keepalives off with `keepalives=0`; also `sqlalchemy.url` in a PasteDeploy / Pyramid `[app:…]` INI section, where the keys go into the URL query (SQLAlchemy passes query parameters to the driver as keyword arguments, and an INI file cannot hold a `connect_args` dict). Unix-socket connections are left alone; psycopg2.pool pools are reported by `python.psycopg2_pool.no-validation`.',
    why: 'Without it libpq leaves keepalives to the operating system, whose first probe comes after 2 hours of silence on Linux: long after a NAT gateway or load balancer has forgotten the flow (Azure 4 min, AWS 350 s). The next query on that connection then hangs or fails with "server closed the connection unexpectedly". A probe every 30 s keeps the flow open, and a dead peer is noticed within 60 s, so the pool\'s check fails at once and reconnects.',
    example: {
      before: 'engine = create_engine("postgresql+psycopg2://app@db/app", pool_pre_ping=True)',
      after:
        'engine = create_engine("postgresql+psycopg2://app@db/app", pool_pre_ping=True, connect_args={"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3})',
    },
    fixSafety:
      'safe: libpq has accepted these keys since 9.0 and ignores them on Unix sockets; the only change is a small probe packet every 30 s on an idle connection. The fix writes only the keys that are missing (or `keepalives=0`), keeps the values you set, and puts them where the connection keeps its parameters: an existing key in place, else `connect_args` / `kwargs` / the connection string, else a new `connect_args={...}`. When the driver is not certain (a URL from the environment, `create_async_engine` without `+driver`) or a `**name` the file does not show could already hold `connect_args`, it only suggests: libpq keys crash asyncpg and pg8000.',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-KEEPALIVES',
      'https://man7.org/linux/man-pages/man7/tcp.7.html',
      'https://docs.sqlalchemy.org/en/20/core/engines.html#custom-dbapi-connect-arguments-on-connect-routines',
    ],
  },
  check({ doc, report }) {
    for (const section of iniEngineSections(doc)) {
      const setting = section.get('url');
      const url = setting ? parseUri(setting.value) : null;
      // `%(here)s` interpolation or an unreadable URL: nothing certain to edit.
      if (!setting || !url || setting.value.includes('%(')) continue;
      if (driverFamily(url, false).family !== 'libpq' || isUnixSocket(url)) continue;
      if (url.hosts.every((h) => h.host === '')) continue; // libpq's default: the Unix socket
      const idle = getParam(url, 'keepalives_idle');
      const off = getParam(url, 'keepalives')?.value === '0';
      if (idle && !off) continue;
      const entries = (
        [
          ['keepalives', 1],
          ['keepalives_idle', CANONICAL.keepaliveIdleSeconds],
          ['keepalives_interval', CANONICAL.keepaliveIntervalSeconds],
          ['keepalives_count', CANONICAL.keepaliveCount],
        ] as const
      ).filter(([key]) => (key === 'keepalives' && off) || !getParam(url, key));
      const at = setting.valueStart;
      const existing = entries.filter(([key]) => getParam(url, key));
      const added = entries.filter(([key]) => !getParam(url, key));
      const edits = existing.map(([key, value]) => {
        const edit = setParamEdit(url, key, String(value));
        return { start: at + edit.start, end: at + edit.end, text: edit.text };
      });
      if (added.length > 0) {
        const separator = url.hasQuery ? (url.params.length > 0 ? '&' : '') : '?';
        const body = added.map(([key, value]) => `${key}=${value}`).join('&');
        edits.push({ start: at + url.queryEnd, end: at + url.queryEnd, text: `${separator}${body}` });
      }
      report({
        range: { start: setting.valueStart, end: setting.valueEnd },
        message: `[${section.name}] sqlalchemy.url ${off ? 'turns TCP keepalives off (keepalives=0)' : 'sets no TCP keepalives, so libpq uses the OS defaults (Linux: first probe after 7200 s)'}: a connection a NAT or load balancer dropped while idle is only found when a query hangs on it. With ${describeEntries(entries)} in the URL query a dead idle connection is noticed within ${T_KA} s.`,
        fix: {
          safety: 'safe',
          description: `Add ${describeEntries(entries)} to the URL query.`,
          edits,
        },
      });
    }
    for (const site of libpqSites(doc)) {
      if (site.kind === 'psycopg2_pool' || site.transport === 'unix') continue;
      if (site.family !== 'libpq' && site.family !== 'unknown') continue;
      if (!keepalivesMissing(site)) continue;
      const entries = keepaliveEntries(site);
      const off = site.get('keepalives')?.value === '0';
      const problem = off
        ? `${site.label} turns TCP keepalives off (keepalives=0)`
        : `${site.label} sets no TCP keepalives, so libpq uses the OS defaults (Linux: first probe after 7200 s)`;
      const effect = `a connection a NAT or load balancer dropped while idle is only found when a query hangs on it. With ${describeEntries(entries)} a dead idle connection is noticed within ${T_KA} s.`;
      if (site.family === 'unknown') {
        report({
          range: site.range,
          severity: 'info',
          message: `${problem}: ${effect} Not written here: ${uncertainDriverNote(site)}.`,
          fix: null,
        });
        continue;
      }
      const edits = site.setEdits(entries);
      report({
        range: site.range,
        message: edits
          ? `${problem}: ${effect}`
          : `${problem}: ${effect} Add them yourself: staleproof cannot see all of ${site.hidden ?? 'the call'}, so it offers no edit.`,
        fix: edits
          ? {
              safety: 'safe',
              description: `Set ${describeEntries(entries)}.`,
              edits,
            }
          : null,
      });
    }
  },
});
