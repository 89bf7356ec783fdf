import { defineRule } from '../../../define-rule';
import { jvmFlags } from '../../_lib/jvm-flags';
import { SOURCES } from '../../_lib/sources';

const REPLACEMENT: Record<string, string> = {
  'networkaddress.cache.ttl': 'sun.net.inetaddr.ttl',
  'networkaddress.cache.negative.ttl': 'sun.net.inetaddr.negative.ttl',
};

export default defineRule({
  id: 'jvm.jvm.dns-ttl-wrong-mechanism',
  title: 'networkaddress.cache.ttl as a -D flag is ignored',
  severity: 'warning',
  formats: ['dotenv', 'shell', 'yaml', 'properties'],
  docs: {
    what: 'Reports `-Dnetworkaddress.cache.ttl=…` (or `-Dnetworkaddress.cache.negative.ttl=…`) in JVM options.',
    why: 'networkaddress.cache.ttl is a Security property (java.security), not a system property: passed with -D the JVM never reads it and keeps its own DNS cache time (30 s without a SecurityManager, forever with one). A DNS-based failover then reaches new connections later than the flag promises. The system property the JVM does read is sun.net.inetaddr.ttl (same value, in seconds).',
    example: {
      before: 'JAVA_OPTS="-Xmx1g -Dnetworkaddress.cache.ttl=10"',
      after: 'JAVA_OPTS="-Xmx1g -Dsun.net.inetaddr.ttl=10"',
    },
    fixSafety:
      'safe: the flag as written has no effect, and the renamed one applies the value that was intended. A -1 (cache forever) is reported without an edit, since making it effective would pin DNS answers for the life of the JVM.',
    sources: [SOURCES.jdkNetProperties, SOURCES.jdkInetAddress],
  },
  check({ doc, report }) {
    const flags = jvmFlags(doc);
    for (const flag of flags) {
      const replacement = REPLACEMENT[flag.name];
      if (!replacement) continue;
      const forever = flag.value.trim() === '-1';
      const duplicate = flags.some((f) => f.name === replacement);
      report({
        range: flag.range,
        message: `-D${flag.name} is a Security property passed as a system property: the JVM ignores it and keeps its default DNS cache time (30 s, or forever under a SecurityManager). ${forever ? 'The value -1 would cache forever; leave it out, or set a finite TTL.' : duplicate ? `-D${replacement} is already set: remove this flag.` : `Use -D${replacement}=${flag.value}, which the JVM reads.`}`,
        fix:
          forever || duplicate
            ? null
            : {
                safety: 'safe',
                description: `Rename -D${flag.name} to -D${replacement}.`,
                edits: [{ ...flag.nameRange, text: replacement }],
              },
      });
    }
  },
});
