import { keyRule, SRC } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.dns-nxdomain-ttl-long',
  title: 'PgBouncer caches failed DNS lookups too long',
  key: 'dns_nxdomain_ttl',
  safety: 'safe',
  docs: {
    what: 'Reports `dns_nxdomain_ttl` above 30 s (the default is 15).',
    why: 'A lookup that fails while a managed service flips its DNS record is remembered for this long, and every connection attempt in that window fails without asking DNS again.',
    example: { before: 'dns_nxdomain_ttl = 120', after: 'dns_nxdomain_ttl = 15' },
    fixSafety: "safe: back to PgBouncer's default; a failed name is asked again after 15 s.",
    sources: [SRC.config, SRC.dns],
  },
  applies: ({ n }) => n > 30,
  target: () => '15',
  message: ({ n }) =>
    `dns_nxdomain_ttl = ${n}: a DNS lookup that fails during a failover is cached for ${n} s, and new server connections fail until it expires. Set dns_nxdomain_ttl = 15.`,
});
