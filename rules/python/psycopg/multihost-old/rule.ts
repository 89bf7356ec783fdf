import { defineRule } from '../../../define-rule';
import { libpqSites, versionAtLeast } from '../../_lib/libpq';

const FIXED_IN = [3, 1, 13] as const;

export default defineRule({
  id: 'python.psycopg.multihost-old',
  title: 'psycopg 3 before 3.1.13 does not move on to the next host',
  severity: 'info',
  formats: ['python'],
  docs: {
    what: 'Reports psycopg 3 connections (`psycopg.connect`, psycopg_pool pools, SQLAlchemy `postgresql+psycopg://`) that list several hosts, unless you state psycopg 3.1.13 or later.',
    why: 'psycopg 3 before 3.1.13 waited for the whole host list with one connect timeout: when the first host is black-holed (a failed-over primary), the attempt fails with "connection timeout expired" and the next host is never tried (reproduced with 3.1.7; psycopg issue #674, fixed in 3.1.13). Debian 12 ships 3.1.7.',
    example: {
      before: 'psycopg.connect("host=pg1,pg2 dbname=app connect_timeout=10")  # psycopg 3.1.7',
      after: '# pip install "psycopg>=3.1.13"',
    },
    fixSafety: 'none: the fix is an upgrade, not a config edit. State psycopg=3.1.13 or later to silence it.',
    sources: [
      'https://www.psycopg.org/psycopg3/docs/news.html',
      'https://github.com/psycopg/psycopg/issues/674',
      'https://github.com/psycopg/psycopg/blob/master/psycopg/psycopg/_conninfo_attempts.py',
    ],
  },
  check({ doc, environment, report }) {
    const version = environment.versions?.psycopg;
    const fixed = versionAtLeast(version, FIXED_IN);
    if (fixed === true) return;
    for (const site of libpqSites(doc)) {
      if (site.driver !== 'psycopg' || site.hosts.length < 2) continue;
      report({
        range: site.range,
        severity: fixed === false ? 'warning' : 'info',
        message: `${site.label} lists ${site.hosts.length} hosts: psycopg 3 before 3.1.13 ${fixed === false ? `(you stated ${version}) ` : '(Debian 12 ships 3.1.7) '}spends one connect timeout on the whole list, so a black-holed first host fails the connection and the next host is never tried. Use psycopg 3.1.13 or later${fixed === null ? ', or state your psycopg version' : ''}.`,
        fix: null,
      });
    }
  },
});
