import { defineRule } from '../../../define-rule';
import { jvmFlags } from '../../_lib/jvm-flags';
import { propertyEntries } from '../../_lib/properties';
import { SOURCES } from '../../_lib/sources';

/** The proposal when the record's TTL is unknown (reference jvm.md §3.8). */
const DEFAULT_TTL = 30;

/**
 * The JVM cache TTL to propose: 30 s, or the TTL of the endpoint's DNS record when the environment
 * gives a shorter one (the Aurora preset: 5 s). AWS asks that runtimes not cache its DNS answers longer
 * than the record allows, and its SDK guide for Java advises 5 s for AWS resources.
 */
function proposedTtl(dnsTtlSeconds: number | undefined): number {
  return dnsTtlSeconds === undefined ? DEFAULT_TTL : Math.min(DEFAULT_TTL, dnsTtlSeconds);
}

export default defineRule({
  id: 'jvm.jvm.dns-cache-forever',
  title: 'JVM caches DNS answers forever',
  severity: 'warning',
  formats: ['dotenv', 'shell', 'yaml', 'properties'],
  docs: {
    what: 'Reports `networkaddress.cache.ttl=-1` (a java.security file), `-Dsun.net.inetaddr.ttl=-1`, and `-Djava.security.manager` with no DNS TTL set anywhere in the file.',
    why: 'With a TTL of -1, or under a SecurityManager without an explicit TTL, the JVM resolves each host name once and keeps the answer until it exits. When failover moves a DNS name (RDS / Aurora endpoints, Patroni with DNS, Kubernetes services) every new connection keeps going to the old primary.',
    example: {
      before: 'JAVA_OPTS="-Djava.security.manager"',
      after: 'JAVA_OPTS="-Djava.security.manager -Dsun.net.inetaddr.ttl=30"',
    },
    fixSafety:
      "review: only a problem when the database host is a DNS name that moves on failover, which the file cannot show; -Dsun.net.inetaddr.ttl beats the SecurityManager default but loses to a networkaddress.cache.ttl security property. The proposal is 30 s, or the endpoint record's TTL when the environment gives a shorter one (`dnsTtlSeconds`; Aurora: 5 s).",
    sources: [
      SOURCES.jdkNetProperties,
      SOURCES.jdkInetAddress,
      'https://docs.aws.amazon.com/whitepapers/latest/amazon-aurora-mysql-db-admin-handbook/dns-caching.html',
      'https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/jvm-ttl-dns.html',
    ],
  },
  check({ doc, environment, report }) {
    const flags = jvmFlags(doc);
    const TTL = proposedTtl(environment.dnsTtlSeconds);
    const basis =
      environment.dnsTtlSeconds !== undefined && TTL < DEFAULT_TTL
        ? ` (the endpoint record's TTL, from the environment)`
        : '';
    const why = `the JVM keeps the first DNS answer for its whole life, so after a DNS-based failover new connections still go to the old primary. Proposed: ${TTL} s${basis}.`;
    for (const flag of flags) {
      if (flag.name !== 'sun.net.inetaddr.ttl' && flag.name !== 'networkaddress.cache.ttl') continue;
      if (flag.value.trim() !== '-1') continue;
      report({
        range: flag.range,
        message: `-D${flag.name}=-1: ${why}`,
        fix:
          flag.name === 'sun.net.inetaddr.ttl'
            ? {
                safety: 'review',
                description: `Cache DNS answers for ${TTL} s.`,
                edits: [{ ...flag.valueRange, text: String(TTL) }],
              }
            : null,
      });
    }
    for (const entry of propertyEntries(doc)) {
      if (entry.name !== 'networkaddress.cache.ttl' || entry.value?.literal?.value.trim() !== '-1') continue;
      report({
        range: entry.range,
        message: `networkaddress.cache.ttl=-1: ${why}`,
        fix: entry.value
          ? {
              safety: 'review',
              description: `Cache DNS answers for ${TTL} s.`,
              edits: [entry.value.write(TTL)],
            }
          : null,
      });
    }
    const manager = flags.find(
      (f) => f.name === 'java.security.manager' && f.value !== 'disallow' && f.value !== 'allow',
    );
    const ttlSet =
      flags.some((f) =>
        /^(sun\.net\.inetaddr\.ttl|networkaddress\.cache\.ttl|java\.security\.properties)$/.test(f.name),
      ) || propertyEntries(doc).some((e) => e.name === 'networkaddress.cache.ttl');
    if (manager && !ttlSet) {
      report({
        range: manager.range,
        message: `-Djava.security.manager without a DNS TTL: under a SecurityManager ${why}`,
        fix: {
          safety: 'review',
          description: `Add -Dsun.net.inetaddr.ttl=${TTL}.`,
          edits: [
            { start: manager.range.end, end: manager.range.end, text: ` -Dsun.net.inetaddr.ttl=${TTL}` },
          ],
        },
      });
    }
  },
});
