import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import {
  effectiveKeepalive,
  effectiveMaxLifetime,
  MIN_MAX_LIFETIME,
  setting,
} from '../../_lib/hikari-values';
import { knownIdleLimit } from '../../_lib/idle-limit';
import { SOURCES } from '../../_lib/sources';

export default defineRule({
  id: 'jvm.hikari.max-lifetime-too-long',
  title: 'HikariCP maxLifetime longer than a known idle limit, with keepalive off',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: "Reports HikariCP pools with keepalive off (explicitly, below its minimum, or by the version's default) whose maxLifetime is not at least 5 s below a known idle limit (stated middlebox idle timeout, or `idle_session_timeout` in the URL's `options`); maxLifetime 0 counts as infinite.",
    why: "Without keepalive nothing touches an idle connection, so only maxLifetime bounds how long it can sit idle. HikariCP's README asks for maxLifetime several seconds below any database or infrastructure limit; above it, connections die in the pool and the next borrower pays for it.",
    example: {
      before: 'maxLifetime=1800000   # load balancer idle timeout 240 s, keepalive off',
      after: 'maxLifetime=210000',
    },
    fixSafety:
      'review: proposes the idle limit minus 30 s (at least 30000 ms), which depends on a limit you stated and on your longest transaction (an in-use connection is retired only when returned). Turning keepalive on (jvm.hikari.keepalive-missing) is usually the better fix.',
    sources: [SOURCES.hkReadme, SOURCES.hkRapidRecovery],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      const limit = knownIdleLimit(doc, environment, site);
      if (!limit || effectiveKeepalive(site) !== 0) continue;
      const ml = effectiveMaxLifetime(site);
      if (ml === null || (ml !== 0 && ml <= limit.ms - 5_000)) continue;
      const { entry } = setting(site, 'maxLifetime');
      if (!entry && (site.partial || !site.ownsMissing)) continue;
      const name = site.spell('maxLifetime');
      const value = Math.max(MIN_MAX_LIFETIME, limit.ms - 30_000);
      const edit = entry?.value ? entry.value.write(value) : site.insert('maxLifetime', value);
      report({
        range: entry?.range ?? site.range,
        message: `Keepalive is off for ${site.label}, so only ${name} (${ml === 0 ? 'infinite' : `${ml} ms`}${entry ? '' : ', the default'}) bounds how long a connection idles, and that is not below ${limit.source}: connections die in the pool and the next borrower finds them dead. ${value} ms retires them first; turning keepalive on is usually better.`,
        fix: edit ? { safety: 'review', description: `Set ${name} to ${value}.`, edits: [edit] } : null,
      });
    }
  },
});
