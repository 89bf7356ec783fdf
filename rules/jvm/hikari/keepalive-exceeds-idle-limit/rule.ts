import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import { effectiveKeepalive, MIN_KEEPALIVE, setting, versionNote } from '../../_lib/hikari-values';
import { knownIdleLimit } from '../../_lib/idle-limit';
import { SOURCES } from '../../_lib/sources';
import { atLeast, KEEPALIVE_SINCE } from '../../_lib/versions';

export default defineRule({
  id: 'jvm.hikari.keepalive-exceeds-idle-limit',
  title: 'HikariCP keepaliveTime longer than a known idle timeout',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: "Reports a working HikariCP keepalive (explicit, or the implicit 120000 ms of 6.2.1+) that is not at least 10 s shorter than a known idle limit: the middlebox idle timeout stated in the environment, or `idle_session_timeout` passed in the URL's `options`.",
    why: 'Keepalive runs on a fixed schedule per connection, so an idle connection can stay silent for up to keepaliveTime. If that is longer than the shortest idle timeout on the path, the NAT, load balancer or server drops the connection before the keepalive reaches it, and the next borrower finds it dead.',
    example: {
      before: 'spring.datasource.hikari.keepalive-time=300000   # load balancer idle timeout 240 s',
      after: 'spring.datasource.hikari.keepalive-time=210000',
    },
    fixSafety:
      'review: proposes the idle limit minus 30 s (at least 30000 ms); it depends on a timeout outside the file that you stated. More frequent keepalives cost one round trip per idle connection per period. Under a 40 s limit no keepalive can help and only the infrastructure limit can change.',
    sources: [SOURCES.hkReadme, SOURCES.hkRapidRecovery],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      if (atLeast(site.version, KEEPALIVE_SINCE) === false) continue; // no keepalive before 4.0.0
      const limit = knownIdleLimit(doc, environment, site);
      if (!limit) continue;
      const k = effectiveKeepalive(site);
      if (!k || k < limit.ms - 10_000) continue;
      const { entry } = setting(site, 'keepaliveTime');
      const name = site.spell('keepaliveTime');
      const value = Math.max(MIN_KEEPALIVE, limit.ms - 30_000);
      const fixable = limit.ms >= 40_000;
      const edit = !fixable
        ? null
        : entry?.value
          ? entry.value.write(value)
          : site.insert('keepaliveTime', value);
      report({
        range: entry?.range ?? site.range,
        message: `${entry ? `${name}=${k}` : `The implicit keepaliveTime of ${k} ms ${versionNote(site)}`} is not safely below ${limit.source}: an idle connection can stay silent for the whole keepalive period, so it is dropped before the keepalive reaches it. ${fixable ? `${value} ms (30 s under the limit) keeps it alive.` : 'An idle limit under 40 s leaves no valid keepalive (HikariCP minimum 30000 ms): raise the limit.'}`,
        fix: edit ? { safety: 'review', description: `Set ${name} to ${value}.`, edits: [edit] } : null,
      });
    }
  },
});
