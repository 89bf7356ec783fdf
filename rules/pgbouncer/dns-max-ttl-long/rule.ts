import { keyRule, SRC } from '../_lib/kit';

export default keyRule({
  id: 'pgbouncer.dns-max-ttl-long',
  title: 'PgBouncer caches DNS answers too long',
  key: 'dns_max_ttl',
  safety: 'safe',
  docs: {
    what: 'Reports `dns_max_ttl` above 30 s (the default is 15).',
    why: "PgBouncer ignores the record's own TTL and keeps an answer for `dns_max_ttl`; it looks the name up again only when it opens a new server connection after that. A failover that moves a DNS name (RDS, Aurora) stays invisible to the pool for that long.",
    example: { before: 'dns_max_ttl = 300', after: 'dns_max_ttl = 15' },
    fixSafety:
      "safe: back to PgBouncer's default; the only cost is a DNS lookup every 15 s at most per host.",
    sources: [SRC.config, SRC.dns, SRC.i383],
  },
  applies: ({ n }) => n > 30,
  target: () => '15',
  message: ({ n }) =>
    `dns_max_ttl = ${n}: PgBouncer keeps a DNS answer this long whatever its TTL, so a failover that moves the database's DNS name is not seen for up to ${n} s. Set dns_max_ttl = 15.`,
});
