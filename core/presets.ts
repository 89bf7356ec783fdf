import type { EnvironmentProfile, Platform } from './environment';

/**
 * The middleboxes and managed services a database path commonly crosses, as environment presets
 * (reference server-network.md §1.4). Each preset sets only what its documentation states; every
 * value carries the source it comes from. Rules never read this table directly: a preset expands
 * into ordinary profile values, which rules read, and the page and CLI offer the names.
 */
export const PRESET_IDS = [
  'none',
  'aws-nlb',
  'aws-nat',
  'azure-lb',
  'gcp',
  'rds',
  'aurora',
  'cloudsql',
  'azure-flexible',
  'patroni-vip',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetFact {
  /** One sentence, in our words. */
  text: string;
  /** A primary source (https). */
  source: string;
}

export interface EnvironmentPreset {
  id: PresetId;
  label: string;
  /** The profile values the preset sets; explicit values given after it win. */
  profile: Pick<EnvironmentProfile, 'middleboxIdleSeconds' | 'dnsTtlSeconds' | 'failoverProne' | 'platform'>;
  /** What the values rest on, and the related facts rules mention in messages. */
  facts: readonly PresetFact[];
}

const SRC = {
  nlbIdle: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/update-idle-timeout.html',
  nlbConn:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#connection-idle-timeout',
  nlbHealth:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html',
  nat: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html',
  azLbIdle: 'https://learn.microsoft.com/azure/load-balancer/load-balancer-tcp-idle-timeout',
  azLbReset: 'https://learn.microsoft.com/azure/load-balancer/load-balancer-tcp-reset',
  gcpFirewall: 'https://cloud.google.com/compute/docs/troubleshooting/general-tips',
  gcpNat: 'https://cloud.google.com/compute/docs/reference/rest/v1/routers',
  rdsFailover: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html',
  rdsCluster:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts-failover.html',
  jvmTtl: 'https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/jvm-ttl-dns.html',
  rdsJvmTtl:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts-failover.html#multi-az-db-clusters-concepts-failover-java-dns',
  auroraDns:
    'https://docs.aws.amazon.com/whitepapers/latest/amazon-aurora-mysql-db-admin-handbook/dns-caching.html',
  auroraDead:
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Appendix.PostgreSQL.CommonDBATasks.DeadConnectionHandling.html',
  auroraBlog: 'https://aws.amazon.com/blogs/database/improve-application-availability-on-amazon-aurora/',
  cloudSqlHa: 'https://cloud.google.com/sql/docs/postgres/high-availability',
  azFlexTcp:
    'https://learn.microsoft.com/azure/postgresql/flexible-server/param-connections-authentication-tcp-settings',
  patroniHaproxy: 'https://github.com/patroni/patroni/blob/master/haproxy.cfg',
} as const;

export const PRESETS: Readonly<Record<PresetId, EnvironmentPreset>> = {
  none: {
    id: 'none',
    label: 'No middlebox, no managed failover',
    profile: { failoverProne: false, platform: 'self-hosted' },
    facts: [
      {
        text: 'Without a NAT, load balancer or firewall on the path, Linux still waits 7200 s before the first keepalive probe and gives up on unacknowledged data after about 924.6 s (tcp_retries2 = 15).',
        source: 'https://docs.kernel.org/networking/ip-sysctl.html',
      },
    ],
  },
  'aws-nlb': {
    id: 'aws-nlb',
    label: 'AWS Network Load Balancer',
    profile: { middleboxIdleSeconds: 350 },
    facts: [
      {
        text: 'A TCP listener forgets an idle flow after 350 s by default (configurable from 60 to 6000 s); TLS listeners stay at 350 s.',
        source: SRC.nlbIdle,
      },
      {
        text: 'After the flow is forgotten, the next packet from either side is answered with a reset; keepalive packets restart the idle timer.',
        source: SRC.nlbConn,
      },
      {
        text: 'With no healthy target the load balancer fails open and sends new connections to every target.',
        source: SRC.nlbHealth,
      },
    ],
  },
  'aws-nat': {
    id: 'aws-nat',
    label: 'AWS NAT gateway',
    profile: { middleboxIdleSeconds: 350 },
    facts: [
      {
        text: 'A NAT gateway drops a flow idle for 350 s without telling either side; later packets get a reset.',
        source: SRC.nat,
      },
    ],
  },
  'azure-lb': {
    id: 'azure-lb',
    label: 'Azure Load Balancer',
    profile: { middleboxIdleSeconds: 240 },
    facts: [
      {
        text: 'The idle timeout is 4 minutes by default (4 to 100 minutes).',
        source: SRC.azLbIdle,
      },
      {
        text: 'An expired flow is dropped silently unless TCP reset on idle is enabled.',
        source: SRC.azLbReset,
      },
    ],
  },
  gcp: {
    id: 'gcp',
    label: 'Google Cloud VPC',
    profile: { middleboxIdleSeconds: 600 },
    facts: [
      {
        text: 'The VPC firewall stops tracking a connection idle for 10 minutes; return traffic then hits the implied deny rule and is dropped. Google advises keepalives below 600 s.',
        source: SRC.gcpFirewall,
      },
      {
        text: 'Cloud NAT keeps an established TCP mapping for 1200 s by default.',
        source: SRC.gcpNat,
      },
    ],
  },
  rds: {
    id: 'rds',
    label: 'Amazon RDS for PostgreSQL (Multi-AZ)',
    profile: { failoverProne: true, platform: 'rds' },
    facts: [
      {
        text: 'A Multi-AZ instance fails over by pointing the endpoint CNAME at the standby, typically within 60 to 120 s; clients must reconnect.',
        source: SRC.rdsFailover,
      },
      { text: 'A Multi-AZ DB cluster typically fails over in under 35 s.', source: SRC.rdsCluster },
      { text: 'The RDS guide advises a JVM DNS cache TTL of at most 60 s.', source: SRC.rdsJvmTtl },
      {
        text: 'The AWS SDK for Java guide now advises 5 s for AWS resources whose addresses change.',
        source: SRC.jvmTtl,
      },
    ],
  },
  aurora: {
    id: 'aurora',
    label: 'Amazon Aurora PostgreSQL',
    profile: { failoverProne: true, platform: 'aurora', dnsTtlSeconds: 5 },
    facts: [
      {
        text: 'AWS asks that the network, the operating system and runtimes such as the JVM not keep Aurora DNS answers longer than that 5 s TTL.',
        source: SRC.auroraDns,
      },
      {
        text: 'The cluster endpoint is a DNS name with a 5 s TTL that moves to the new writer; the fenced old writer sends nothing, so clients rely on their own timeouts.',
        source: SRC.auroraBlog,
      },
      {
        text: 'The server side probes idle clients with tcp_keepalives_idle = 300, interval = 30, count = 2.',
        source: SRC.auroraDead,
      },
    ],
  },
  cloudsql: {
    id: 'cloudsql',
    label: 'Google Cloud SQL (HA)',
    profile: { failoverProne: true, platform: 'cloudsql' },
    facts: [
      {
        text: 'The standby takes over the shared static IP (no DNS step) after the primary has been unresponsive for about 60 s; clients must reconnect.',
        source: SRC.cloudSqlHa,
      },
    ],
  },
  'azure-flexible': {
    id: 'azure-flexible',
    label: 'Azure Database for PostgreSQL flexible server',
    profile: { failoverProne: true, platform: 'azure' },
    facts: [
      {
        text: 'Server keepalives default to 120 / 30 / 9, tcp_user_timeout to 0, and client_connection_check_interval is read-only 0.',
        source: SRC.azFlexTcp,
      },
    ],
  },
  'patroni-vip': {
    id: 'patroni-vip',
    label: 'Patroni with a VIP or HAProxy',
    profile: { failoverProne: true, platform: 'patroni' },
    facts: [
      {
        text: "Patroni's sample HAProxy config uses client and server timeouts of 30 minutes and shuts a server's sessions down once it is marked down.",
        source: SRC.patroniHaproxy,
      },
    ],
  },
};

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as readonly string[]).includes(value);
}

/**
 * The managed platform a database host name belongs to, when its name says so: RDS and Aurora
 * endpoints, Azure flexible servers, Cloud SQL's Unix-socket path. Undefined for anything else.
 */
export function platformOfHost(host: string): Platform | undefined {
  const h = host.trim().toLowerCase();
  if (/\.rds\.amazonaws\.com\.?$/.test(h)) {
    return /(^|\.)cluster-(ro-|custom-)?[a-z0-9]+\./.test(h) ? 'aurora' : 'rds';
  }
  if (/\.postgres\.database\.azure\.com\.?$/.test(h)) return 'azure';
  if (/^\/cloudsql\//.test(h)) return 'cloudsql';
  return undefined;
}

/**
 * Whether a failover can move the database under a running client: stated in the profile, implied
 * by a managed or Patroni platform, or by a host name of a managed service.
 */
export function isFailoverProne(profile: EnvironmentProfile, hosts: readonly string[] = []): boolean {
  if (profile.failoverProne !== undefined) return profile.failoverProne;
  if (profile.platform !== undefined && profile.platform !== 'self-hosted') return true;
  return hosts.some((h) => platformOfHost(h) !== undefined);
}
