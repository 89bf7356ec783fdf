import { defineRule } from '../../../define-rule';
import { poolSites } from '../../_lib/pools';
import { SOURCES } from '../../_lib/sources';

const TIMEOUT_MS = 30_000;

export default defineRule({
  id: 'jvm.c3p0.checkout-timeout',
  title: 'c3p0 checkoutTimeout waits forever or is far too short',
  severity: 'warning',
  formats: ['properties', 'java', 'kotlin'],
  docs: {
    what: 'Reports a c3p0 `checkoutTimeout` that is unset or 0 (wait forever) or between 1 and 999.',
    why: 'checkoutTimeout is in milliseconds and defaults to 0, which waits forever for a connection: when the database is gone every request thread parks. A value under a second was almost always meant as seconds (30 is 30 ms) and makes checkouts fail under ordinary load ("An attempt by a client to checkout a Connection has timed out.").',
    example: {
      before: 'c3p0.checkoutTimeout=30',
      after: 'c3p0.checkoutTimeout=30000',
    },
    fixSafety:
      "review: 30000 ms matches the other pools' defaults; how long a caller may wait is an application decision.",
    sources: [SOURCES.c3p0Doc, SOURCES.c3p0Defaults],
  },
  check({ doc, environment, report }) {
    for (const site of poolSites(doc, environment)) {
      if (site.kind !== 'c3p0') continue;
      const entry = site.get('checkoutTimeout');
      const value = entry?.value?.number;
      if (entry && typeof value !== 'number') continue;
      if (typeof value === 'number' && value >= 1000) continue;
      if (!entry && (!site.ownsMissing || site.partial)) continue;
      const name = site.spell('checkoutTimeout');
      const edit = entry?.value
        ? entry.value.write(TIMEOUT_MS)
        : entry
          ? null
          : site.insert('checkoutTimeout', TIMEOUT_MS);
      const problem =
        typeof value === 'number' && value > 0
          ? `${name}=${value} is ${value} milliseconds (c3p0 reads it in ms; ${value} seconds would be ${value * 1000}): checkouts fail as soon as the pool is briefly busy.`
          : `${name} ${entry ? '= 0' : 'is unset (default 0)'}: a checkout waits forever, so when the database is unreachable every request thread parks instead of failing.`;
      report({
        range: entry?.range ?? site.range,
        message: `${problem} Proposed: ${TIMEOUT_MS}.`,
        fix: edit ? { safety: 'review', description: `Set ${name} to ${TIMEOUT_MS}.`, edits: [edit] } : null,
      });
    }
  },
});
