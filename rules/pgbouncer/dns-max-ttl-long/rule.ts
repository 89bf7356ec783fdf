import { keyRule, SRC, shown, type ThresholdContext } from '../_lib/kit';

/** Primary source for the record TTL rule: AWS asks client-side caches not to outlast Aurora's 5 s TTL. */
const AURORA_DNS =
  'https://docs.aws.amazon.com/whitepapers/latest/amazon-aurora-mysql-db-admin-handbook/dns-caching.html';

/**
 * Without a known record TTL: above 30 s, back to the default 15. With the endpoint's record TTL
 * (environment `dnsTtlSeconds`): above it too, down to it, since PgBouncer's cache then only adds
 * to the time the record's own TTL allows.
 */
function limits({ environment }: ThresholdContext): { above: number; to: number; ttl?: number } {
  const ttl = environment.dnsTtlSeconds;
  if (ttl === undefined) return { above: 30, to: 15 };
  return { above: Math.min(30, ttl), to: Math.min(15, ttl), ttl };
}

export default keyRule({
  id: 'pgbouncer.dns-max-ttl-long',
  title: 'PgBouncer caches DNS answers too long',
  key: 'dns_max_ttl',
  safety: 'safe',
  docs: {
    what: "Reports `dns_max_ttl` above 30 s (the default is 15), or above the TTL of the database endpoint's DNS record when the environment gives it (`dnsTtlSeconds`; the Aurora preset sets 5), even when the default applies.",
    why: "PgBouncer ignores the record's own TTL and keeps an answer for `dns_max_ttl`; it looks the name up again only when it opens a new server connection after that. A failover that moves a DNS name (RDS, Aurora) stays invisible to the pool for that long. When the record's TTL is known, a longer cache in PgBouncer only adds to the wait: AWS asks that client-side caches not outlast Aurora's 5 s TTL.",
    example: { before: 'dns_max_ttl = 300', after: 'dns_max_ttl = 15' },
    fixSafety:
      "safe: back to PgBouncer's default (or down to the record's TTL when the environment gives it); the only cost is one more DNS lookup, at most once per that many seconds per host, when a server connection is opened.",
    sources: [SRC.config, SRC.dns, SRC.i383, AURORA_DNS],
  },
  applies: (ctx) => ctx.n > limits(ctx).above,
  target: (ctx) => String(limits(ctx).to),
  message: (ctx) => {
    const { ttl, to } = limits(ctx);
    if (ttl !== undefined && ctx.n > ttl) {
      return `${shown('dns_max_ttl', ctx)}: PgBouncer keeps a DNS answer this long whatever its TTL, ${ctx.n - ttl} s longer than the endpoint record's TTL of ${ttl} s (environment), so after a failover that moves the name new server connections can go to the old address for up to ${ctx.n} s. Set dns_max_ttl = ${to}.`;
    }
    return `dns_max_ttl = ${ctx.n}: PgBouncer keeps a DNS answer this long whatever its TTL, so a failover that moves the database's DNS name is not seen for up to ${ctx.n} s. Set dns_max_ttl = ${to}.`;
  },
});
