import { defineRule } from '../../../define-rule';
import { hikariSites } from '../../_lib/hikari';
import { effectiveMaxLifetime, keepaliveTarget, setting, versionNote } from '../../_lib/hikari-values';
import { SOURCES } from '../../_lib/sources';
import { atLeast, KEEPALIVE_DEFAULT_SINCE, KEEPALIVE_SINCE } from '../../_lib/versions';

/** With a lifetime this short, connections are replaced before any common idle timeout bites. */
const SHORT_LIFETIME = 150_000;

export default defineRule({
  id: 'jvm.hikari.keepalive-missing',
  title: 'HikariCP pool without keepaliveTime',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin'],
  docs: {
    what: 'Reports HikariCP pools (Spring Boot `spring.datasource.hikari.*`, hikari.properties, Java `HikariConfig` / `HikariDataSource`) that run without keepalive: `keepaliveTime` unset on HikariCP 4.0.0–6.2.0, where it defaults to 0, or set to 0 explicitly on any version. Pools whose `maxLifetime` is 150 s or less are left alone: they replace connections before a typical idle timeout.',
    why: 'keepaliveTime is the only HikariCP setting that touches idle connections: every K ms each idle connection is taken out, validated and put back, which keeps NAT, load-balancer and PgBouncer idle timers from expiring and finds dead sockets in the background. Without it, a connection dropped while idle is found only when a request borrows it, and the borrower pays up to validationTimeout (5 s) per dead connection. HikariCP made 120000 ms its default in 6.2.1.',
    example: {
      before: 'spring.datasource.hikari.maximum-pool-size=10',
      after: 'spring.datasource.hikari.maximum-pool-size=10\nspring.datasource.hikari.keepalive-time=120000',
    },
    fixSafety:
      "safe when the text or the environment says keepaliveTime exists: writes HikariCP's own later default, 120000 ms (shorter when a middlebox idle timeout is stated), in the file's spelling (`keepalive-time`, `keepaliveTime`, `setKeepaliveTime`). Spring keys are safe on any version (Boot ignores keys the pool does not have). In Java and hikari.properties an unknown version makes it review: before HikariCP 4.0.0 `setKeepaliveTime` does not compile and hikari.properties fails at startup. An explicit `keepaliveTime=0` is replaced (or, on 6.2.1+, removed so the default applies). Assumes HikariCP before 6.2.1 when the version is not stated.",
    sources: [SOURCES.hkReadme, SOURCES.hkChanges, SOURCES.hk2394],
  },
  check({ doc, environment, report }) {
    for (const site of hikariSites(doc, environment)) {
      if (atLeast(site.version, KEEPALIVE_SINCE) === false) continue;
      const keepalive = setting(site, 'keepaliveTime');
      if (keepalive.raw !== undefined && keepalive.raw !== 0) continue;
      const newDefault = atLeast(site.version, KEEPALIVE_DEFAULT_SINCE);
      if (keepalive.raw === undefined && (newDefault === true || site.partial || !site.ownsMissing)) continue;
      const ml = effectiveMaxLifetime(site);
      if (ml !== null && ml !== 0 && ml <= SHORT_LIFETIME) continue;
      const value = keepaliveTarget(environment);
      const name = site.spell('keepaliveTime');
      if (keepalive.entry && keepalive.raw === 0) {
        const remove = newDefault === true;
        report({
          range: keepalive.entry.range,
          message: `${site.label} sets ${name} to 0, which switches HikariCP's keepalive off: idle connections are never exercised, so one a NAT, load balancer or PgBouncer dropped is only found when a request borrows it. ${remove ? `Removing the line restores HikariCP's default of 120000 ms ${versionNote(site)}.` : `${value} ms keeps them alive and checks them in the background.`}`,
          fix: {
            safety: 'safe',
            description: remove
              ? `Remove ${name}=0 (HikariCP's default is 120000 ms).`
              : `Set ${name} to ${value}.`,
            edits: remove
              ? keepalive.entry.remove()
              : keepalive.entry.value
                ? [keepalive.entry.value.write(value)]
                : [],
          },
        });
        continue;
      }
      const edit = site.insert('keepaliveTime', value);
      const known = atLeast(site.version, KEEPALIVE_SINCE) === true;
      const safe = site.shape === 'spring' || known;
      report({
        range: site.range,
        message: `${site.label} sets no ${name}; HikariCP before 6.2.1 then never exercises idle connections ${versionNote(site)}, so one a NAT, load balancer or PgBouncer dropped is only found when a request borrows it, costing that request up to validationTimeout. ${name}=${value} validates idle connections every ${value / 1000} s and keeps their flows open.${safe ? '' : ' Review: setKeepaliveTime needs HikariCP 4.0.0 or later (not stated here).'}${ml === null ? ' maxLifetime is an expression here: if it is 150 s or less, keepalive adds little.' : ''}`,
        fix: edit
          ? {
              safety: safe && ml !== null ? 'safe' : 'review',
              description: `Add ${name}=${value}.`,
              edits: [edit],
            }
          : null,
      });
    }
  },
});
