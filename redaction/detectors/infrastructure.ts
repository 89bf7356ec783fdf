/**
 * Infrastructure identifiers found by shape alone: IP addresses anywhere, and host names under cloud
 * database endpoints or internal-only suffixes. Hosts, users and databases in URIs, DSNs and
 * configuration keys come from the connection-string and assignment rules.
 */
import type { Rule } from '../types';

/** Managed-database and cloud endpoints whose leftmost labels name an account, cluster or project. */
const CLOUD_SUFFIXES = [
  String.raw`(?:rds|redshift|redshift-serverless|cache|docdb|dax|neptune|memorydb|elb|es|mq|kafka|compute|compute-1)\.amazonaws\.com(?:\.cn)?`,
  String.raw`(?:postgres\.|mysql\.)?database\.azure\.com`,
  String.raw`database\.windows\.net`,
  String.raw`documents\.azure\.com`,
  String.raw`(?:redis\.cache|servicebus|(?:blob|queue|table|file)\.core)\.windows\.net`,
  String.raw`supabase\.(?:co|com)`,
  String.raw`neon\.tech`,
  String.raw`cockroachlabs\.cloud`,
  String.raw`aivencloud\.com`,
  String.raw`mongodb\.net`,
  String.raw`tsdb\.cloud\.timescale\.com`,
  String.raw`psdb\.cloud`,
  String.raw`(?:render|railway)\.(?:com|app|internal)`,
];
/** Names that only resolve inside someone's network (RFC 8375 home.arpa, common private TLDs). */
const INTERNAL_SUFFIXES = ['internal', 'corp', 'lan', 'intranet', 'intra', 'private', 'home\\.arpa', 'svc'];

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

export const INFRASTRUCTURE_RULES: readonly Rule[] = [
  {
    id: 'ipv4-address',
    description: 'IPv4 addresses; loopback, 0.0.0.0 and the documentation ranges (RFC 5737) are left alone.',
    pattern: /(?<![\w.-])(?<ip>(?:\d{1,3}\.){3}\d{1,3})(?![\w-]|\.\d)/dg,
    captures: [{ group: 'ip', kind: 'ip' }],
    priority: 15,
    examples: {
      positive: [
        { text: 'host: 10.20.30.40', values: ['10.20.30.40'] },
        { text: 'hostaddr=172.31.5.9 port=5432', values: ['172.31.5.9'] },
        { text: 'host    all  all  10.0.0.0/8  scram-sha-256', values: ['10.0.0.0'] },
      ],
      negative: [
        'listen_addr = 0.0.0.0',
        'host: 127.0.0.1',
        'server 192.0.2.10',
        'version: 1.2.3.4.5',
        'sqlalchemy==2.0.36',
        'v1.2.3.4',
        '999.1.1.1',
      ],
    },
  },
  {
    id: 'ipv6-bracketed',
    description: 'IPv6 addresses in brackets, as URIs and many configs write them; ::1 is left alone.',
    pattern: /\[(?<ip>[0-9A-Fa-f:.]{2,45}(?:%[\w.-]{1,20})?)\]/dg,
    captures: [{ group: 'ip', kind: 'ip' }],
    keywords: [':'],
    priority: 15,
    examples: {
      positive: [{ text: 'http://[fd12:3456:789a::10]:8080/', values: ['fd12:3456:789a::10'] }],
      negative: ['http://[::1]:8080/', 'items[0:1]', 'a[:]'],
    },
  },
  {
    id: 'cloud-hostname',
    description:
      'Host names of managed databases (RDS, Azure Database, Cloud SQL, Supabase, Neon, Atlas…) and internal-only names (.internal, .corp, .lan, .svc…), wherever they appear.',
    pattern: new RegExp(
      String.raw`(?<![\w.-])(?<host>(?:${LABEL}\.){1,12}(?:${CLOUD_SUFFIXES.join('|')}|${INTERNAL_SUFFIXES.join('|')}))(?![\w-]|\.[A-Za-z0-9])`,
      'dgi',
    ),
    captures: [{ group: 'host', kind: 'host' }],
    keywords: [
      'amazonaws.com',
      'azure.com',
      'windows.net',
      'supabase',
      'neon.tech',
      'cockroachlabs',
      'aivencloud',
      'mongodb.net',
      'timescale',
      'psdb.cloud',
      'render.',
      'railway.',
      '.internal',
      '.corp',
      '.lan',
      '.intra',
      '.private',
      'home.arpa',
      '.svc',
    ],
    priority: 15,
    examples: {
      positive: [
        {
          text: '# primary: mydb.abc123xyz.us-east-1.rds.amazonaws.com',
          values: ['mydb.abc123xyz.us-east-1.rds.amazonaws.com'],
        },
        { text: 'see db.internal for the replica', values: ['db.internal'] },
        { text: 'Endpoint=sb://fake-ns.servicebus.windows.net/', values: ['fake-ns.servicebus.windows.net'] },
      ],
      negative: [
        'db.internal.example.com',
        'host.docker.internal',
        's3.amazonaws.com',
        'metadata.google.internal',
        'postgres.default.svc.cluster.local',
      ],
    },
  },
  {
    id: 'gcp-service-account-email',
    description: 'The client_email of a GCP service-account file: it names the project.',
    pattern: /"client_email"[ \t]{0,40}:[ \t]{0,40}"(?<user>[^"@\s]{1,100}@[^"\s]{1,200})"/dg,
    captures: [{ group: 'user', kind: 'user' }],
    keywords: ['client_email'],
    priority: 20,
    examples: {
      positive: [
        {
          text: '"client_email": "fake-sa@fake-project-123.iam.gserviceaccount.com",',
          values: ['fake-sa@fake-project-123.iam.gserviceaccount.com'],
        },
      ],
      negative: ['"client_email": ""'],
    },
  },
];
