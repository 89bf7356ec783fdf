/**
 * Credentials and identifiers inside connection strings: URIs of every scheme, libpq key=value
 * DSNs, JDBC and ADO.NET-style `key=value;` strings, `.pgpass` and pgbouncer `userlist.txt` lines,
 * stored password hashes and SQL password literals.
 */
import type { RedactionKind, Rule } from '../types';
import { isIPv4 } from '../values';

/** libpq keywords that mark a `key=value key=value` DSN (see libpq "Parameter Key Words"). */
const LIBPQ_KEYS =
  'host|hostaddr|port|dbname|user|password|passfile|sslmode|sslcert|sslkey|sslrootcert|sslpassword|connect_timeout|application_name|fallback_application_name|options|target_session_attrs|channel_binding|gssencmode|keepalives|keepalives_idle|keepalives_interval|keepalives_count|tcp_user_timeout|load_balance_hosts|service|require_auth|client_encoding|krbsrvname|sslnegotiation';
const LIBPQ_VALUE = String.raw`(?:'(?:[^'\\\r\n]|\\.){0,500}'|[^\s'"\\,()]{1,500}(?:,[^\s'"\\,()]{1,500}){0,20})`;
const LIBPQ_NEIGHBOUR_BEFORE = new RegExp(
  String.raw`(?:^|[\s'"])(?:${LIBPQ_KEYS})[ \t]{0,40}=[ \t]{0,40}${LIBPQ_VALUE}[ \t]{1,40}$`,
);
const LIBPQ_NEIGHBOUR_AFTER = new RegExp(String.raw`^[ \t]{1,40}(?:${LIBPQ_KEYS})[ \t]{0,40}=`);

/**
 * A libpq DSN separates pairs by spaces within one line; Python keyword arguments are separated by
 * commas. Only a pair with a libpq neighbour on the same line counts, so `password=db_password` in a
 * call is left alone.
 */
function hasLibpqNeighbour(text: string, matchStart: number, matchEnd: number): boolean {
  if (LIBPQ_NEIGHBOUR_AFTER.test(text.slice(matchEnd, matchEnd + 60))) return true;
  return LIBPQ_NEIGHBOUR_BEFORE.test(text.slice(Math.max(0, matchStart - 200), matchStart));
}

function libpqKind(key: string | undefined): RedactionKind | null {
  switch (key) {
    case 'password':
    case 'sslpassword':
      return 'password';
    case 'host':
    case 'hostaddr':
      return 'host';
    case 'dbname':
      return 'database';
    case 'user':
      return 'user';
    default:
      return null;
  }
}

function queryKind(key: string | undefined): RedactionKind | null {
  const k = (key ?? '').toLowerCase();
  if (/^(?:password|passwd|pass|pwd|sslpassword)$/.test(k)) return 'password';
  if (/^(?:sig|signature|access_token|token|api_key|apikey|secret|client_secret|auth_token)$/.test(k))
    return 'token';
  if (/^(?:user|username)$/.test(k)) return 'user';
  if (/^(?:dbname|database)$/.test(k)) return 'database';
  if (/^(?:host|hostaddr)$/.test(k)) return 'host';
  return null;
}

function semicolonKind(key: string | undefined): RedactionKind | null {
  const k = (key ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (k === 'password' || k === 'pwd') return 'password';
  if (k === 'accountkey' || k === 'sharedaccesskey' || k === 'sharedaccesssignature') return 'cloud-key';
  if (k === 'server' || k === 'data source' || k === 'host' || k === 'address' || k === 'addr') return 'host';
  if (k === 'database' || k === 'initial catalog' || k === 'databasename') return 'database';
  if (k === 'user id' || k === 'uid' || k === 'user' || k === 'username' || k === 'user name') return 'user';
  return null;
}

/** Schemes whose authority and path name a database service (infrastructure, not just any URL). */
const DB_SCHEMES =
  'postgres(?:ql)?|pgsql|cockroachdb|yugabytedb|timescaledb|mysql|mysqlx|mariadb|redis|rediss|valkey|amqps?|mongodb(?:\\+srv)?|mssql|sqlserver|clickhouse|cassandra|memcached|nats|kafka|oracle|db2|neo4j(?:\\+s)?|bolt';
/**
 * A password in userinfo, possibly an interpolation with quotes inside (`#{ENV['PW']}`, `${pw}`):
 * `#` and `$` start plain characters only when no `{` follows, so each character has one reading.
 */
const USERINFO_PASSWORD = String.raw`(?:#\{[^}\r\n]{0,200}\}|\$\{[^}\r\n]{0,200}\}|[^\s/'"\x60#$]|[#$](?!\{)){0,256}`;
const HOST_ITEM = String.raw`(?:\[[0-9A-Fa-f:.%\w-]{2,60}\]|[A-Za-z0-9_.%-]{1,253})(?::\d{1,5})?`;

export const CONNECTION_STRING_RULES: readonly Rule[] = [
  {
    id: 'uri-userinfo',
    description:
      'scheme://user:password@host for any scheme (postgresql+asyncpg, jdbc:postgresql, redis, amqp, mongodb+srv, https…). The password may contain "@": the last one before the host ends it.',
    pattern:
      /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,40}:\/\/(?<user>[^\s:/?#@'"`<>[\]]{0,256}):(?<secret>[^\s/'"`]{1,256})@(?=[A-Za-z0-9_[%$-])/dg,
    captures: [
      { group: 'secret', kind: 'password' },
      { group: 'user', kind: 'user' },
    ],
    keywords: ['://'],
    priority: 80,
    examples: {
      positive: [
        { text: 'DATABASE_URL = "postgresql://app:s3cr3t-pw@db.internal:5432/app"', values: ['s3cr3t-pw'] },
        {
          text: 'create_async_engine("postgresql+asyncpg://svc_orders:Fake_Pw_123@db/app")',
          values: ['Fake_Pw_123', 'svc_orders'],
        },
        { text: 'url = "postgres://app:p@ss@db:5432/app"', values: ['p@ss'] },
        { text: 'REDIS_URL=redis://:fakeRedisPw@cache:6379/0', values: ['fakeRedisPw'] },
        {
          text: 'mongodb+srv://svc:fakeMongoPw@cluster0.abcde.mongodb.net/db',
          values: ['fakeMongoPw', 'svc'],
        },
        {
          text: 'git clone https://deploy:fakeGitPw9@git.corp.internal/repo.git',
          values: ['fakeGitPw9', 'deploy'],
        },
      ],
      negative: [
        'postgresql://app:${DB_PASSWORD}@db/app',
        'f"postgresql://{user}:{password}@{host}/app"',
        'postgresql://app:{{ .Values.password }}@db/app',
        'postgresql://app:<password>@db/app',
        'postgresql://app:$PGPASSWORD@db/app',
        'postgresql://app@db:5432/app',
        'http://localhost:8080/health',
        'postgresql://app:REDACTED_PASSWORD_1@REDACTED_HOST_1:5432/app',
        'postgresql://user:password@localhost/db',
      ],
    },
  },
  {
    id: 'uri-query-parameter',
    description:
      'Credentials and identifiers in query strings: ?user=app&password=… (JDBC, libpq URIs), ?sig= (Azure SAS), ?access_token=.',
    pattern:
      /[?&;](?<key>password|passwd|pass|pwd|sslpassword|sig|signature|access_token|auth_token|token|api_key|apikey|secret|client_secret|user|username|dbname|database|host|hostaddr)=(?<value>[^&\s'"`#;<>]{1,500})/dgi,
    captures: [{ group: 'value', kind: (m) => queryKind(m.groups?.key), hostList: true }],
    keywords: ['pass', 'pwd', 'sig', 'token', 'key', 'secret', 'user', 'db', 'database', 'host'],
    priority: 80,
    examples: {
      positive: [
        {
          text: 'jdbc:postgresql://db:5432/app?user=app&password=fakeJdbcPw&ssl=true',
          values: ['fakeJdbcPw'],
        },
        {
          text: 'https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=FakeSig%2Babc123%3D',
          values: ['FakeSig%2Babc123%3D'],
        },
        {
          text: 'postgresql:///orders?host=10.20.30.40&user=svc_orders',
          values: ['10.20.30.40', 'svc_orders'],
        },
      ],
      negative: [
        'jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}',
        '?host=/var/run/postgresql',
      ],
    },
  },
  {
    id: 'db-uri-authority',
    description:
      'The user, hosts (several with libpq and JDBC failover lists) and database of a database URI.',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9+.-])(?:jdbc:)?(?:${DB_SCHEMES})(?:\+[A-Za-z0-9_]{1,20})?:\/\/(?:(?<user>[^\s:/?#@'"\x60]{1,256})(?::${USERINFO_PASSWORD})?@|:${USERINFO_PASSWORD}@)?(?<hosts>${HOST_ITEM}(?:,${HOST_ITEM}){0,20})?(?:\/(?<db>[A-Za-z0-9_$.-]{1,63}))?`,
      'dgi',
    ),
    captures: [
      { group: 'user', kind: 'user' },
      { group: 'hosts', kind: 'host', hostList: true },
      { group: 'db', kind: 'database' },
    ],
    keywords: ['://'],
    priority: 20,
    examples: {
      positive: [
        {
          text: 'postgresql://svc_orders:x@orders-db.cluster-abc123xyz.us-east-1.rds.amazonaws.com:5432/orders_prod',
          values: ['svc_orders', 'orders-db.cluster-abc123xyz.us-east-1.rds.amazonaws.com', 'orders_prod'],
        },
        {
          text: 'jdbc:postgresql://pg-a.corp.internal:5432,pg-b.corp.internal:5432/billing?targetServerType=primary',
          values: ['pg-a.corp.internal', 'pg-b.corp.internal', 'billing'],
        },
        { text: 'postgresql://app@[fd00:10::5]:5432/ledger', values: ['fd00:10::5', 'ledger'] },
      ],
      negative: [
        'postgresql://postgres@localhost:5432/postgres',
        'postgresql://app@db.example.com/app',
        'https://github.com/org/repo',
        'redis://cache:6379/0',
      ],
    },
  },
  {
    id: 'libpq-keyword',
    description:
      "libpq key=value DSNs: password=… (bare or quoted with spaces and \\' escapes), host=, hostaddr=, dbname=, user=.",
    pattern: new RegExp(
      String.raw`(?<![\w.-])(?<key>host|hostaddr|dbname|user|password|sslpassword)[ \t]{0,40}=[ \t]{0,40}(?<value>${LIBPQ_VALUE})`,
      'dg',
    ),
    captures: [{ group: 'value', kind: (m) => libpqKind(m.groups?.key), hostList: true }],
    keywords: ['host', 'dbname', 'user', 'password'],
    accept: ({ match, text }) => hasLibpqNeighbour(text, match.index, match.index + match[0].length),
    priority: 80,
    examples: {
      positive: [
        { text: 'dsn = "host=db port=5432 dbname=app user=app password=fakeDsnPw"', values: ['fakeDsnPw'] },
        { text: "conninfo = \"password='fake pw \\' x' host=db\"", values: ["fake pw \\' x"] },
        {
          text: "primary_conninfo = 'host=10.1.2.3 port=5432 user=replicator password=fakeReplPw'",
          values: ['10.1.2.3', 'replicator', 'fakeReplPw'],
        },
      ],
      negative: [
        'psycopg2.connect(host=HOST, password=db_password)',
        'password=os.environ["DB_PASSWORD"]',
        'host = db\npassword = db_password',
      ],
    },
  },
  {
    id: 'pgpass-line',
    description: 'A ~/.pgpass line, hostname:port:database:username:password, with \\: escapes.',
    pattern:
      /^(?<host>(?:[^:\\\s#]|\\.)(?:[^:\\\s]|\\.){0,254}):(?:\d{1,5}|\*):(?<db>(?:[^:\\\r\n]|\\.){1,255}):(?<user>(?:[^:\\\r\n]|\\.){1,255}):(?<secret>(?:[^\\\r\n]|\\.){1,1024})(?=\r?$)/dgm,
    captures: [
      { group: 'secret', kind: 'password' },
      { group: 'host', kind: 'host' },
      { group: 'db', kind: 'database' },
      { group: 'user', kind: 'user' },
    ],
    // Timestamps and ratios also chain colons; a real first field is a host name, an address or `*`.
    accept: ({ match }) => /[A-Za-z*]/.test(match.groups?.host ?? '') || isIPv4(match.groups?.host ?? ''),
    priority: 75,
    examples: {
      positive: [
        {
          text: 'orders-db.internal:5432:orders:svc_orders:fakePgpassPw1\n',
          values: ['fakePgpassPw1', 'orders-db.internal', 'orders', 'svc_orders'],
        },
        { text: '*:*:*:replicator:fake\\:colon\\\\pw', values: ['fake\\:colon\\\\pw', 'replicator'] },
      ],
      negative: [
        'url: jdbc:postgresql://db:5432/app',
        'time: 12:30:45',
        '# host:port:db:user:password',
        '12:30:45:67:89',
      ],
    },
  },
  {
    id: 'pgbouncer-userlist',
    description: 'A pgbouncer userlist.txt line: "user" "md5…", "SCRAM-SHA-256$…" or a plain password.',
    pattern: /^"(?<user>(?:[^"\r\n]|""){1,256})"[ \t]{1,40}"(?<secret>(?:[^"\r\n]|""){1,2048})"/dgm,
    captures: [
      { group: 'secret', kind: 'password' },
      { group: 'user', kind: 'user' },
    ],
    keywords: ['"'],
    priority: 75,
    examples: {
      positive: [
        {
          text: '"svc_orders" "md50f1e2d3c4b5a69788796a5b4c3d2e1f0"',
          values: ['md50f1e2d3c4b5a69788796a5b4c3d2e1f0', 'svc_orders'],
        },
        { text: '"app" "fakePlainPw"', values: ['fakePlainPw'] },
      ],
      negative: ['"app" ""', 'echo "a" "b c"x'],
    },
  },
  {
    id: 'postgres-password-hash',
    description: 'Stored PostgreSQL password verifiers anywhere: SCRAM-SHA-256$… and md5 + 32 hex digits.',
    pattern:
      /(?<![A-Za-z0-9])(?<secret>SCRAM-SHA-256\$\d{1,7}:[A-Za-z0-9+/=]{4,128}\$[A-Za-z0-9+/=]{16,128}:[A-Za-z0-9+/=]{16,128}|md5[0-9a-f]{32})(?![A-Za-z0-9])/dg,
    captures: [{ group: 'secret', kind: 'password' }],
    keywords: ['scram-sha-256$', 'md5'],
    priority: 80,
    examples: {
      positive: [
        {
          text: "ALTER ROLE app PASSWORD 'SCRAM-SHA-256$4096:ZmFrZXNhbHQ=$ZmFrZXN0b3JlZGtleWZha2U=:ZmFrZXNlcnZlcmtleWZha2U='",
          values: ['SCRAM-SHA-256$4096:ZmFrZXNhbHQ=$ZmFrZXN0b3JlZGtleWZha2U=:ZmFrZXNlcnZlcmtleWZha2U='],
        },
        {
          text: 'hash = md50123456789abcdef0123456789abcdef',
          values: ['md50123456789abcdef0123456789abcdef'],
        },
      ],
      negative: ['auth_type = md5', 'password_encryption = scram-sha-256'],
    },
  },
  {
    id: 'sql-password-literal',
    description:
      "Passwords inline in SQL: CREATE/ALTER ROLE … PASSWORD '…', MySQL IDENTIFIED BY '…', pgcrypto crypt('…', …).",
    pattern:
      /\b(?:PASSWORD|IDENTIFIED[ \t]{1,40}BY)[ \t]{1,40}(?<secret>'(?:[^'\r\n]|''){1,500}')|\bcrypt\([ \t]{0,40}(?<crypt>'(?:[^'\r\n]|''){1,500}')/dgi,
    captures: [
      { group: 'secret', kind: 'password' },
      { group: 'crypt', kind: 'password' },
    ],
    keywords: ['password', 'identified', 'crypt('],
    priority: 80,
    examples: {
      positive: [
        { text: "CREATE ROLE svc LOGIN PASSWORD 'fakeSqlPw!';", values: ['fakeSqlPw!'] },
        { text: "ALTER USER 'app'@'%' IDENTIFIED BY 'fakeMyPw';", values: ['fakeMyPw'] },
        { text: "UPDATE users SET pw = crypt('fakeCryptPw', gen_salt('bf'));", values: ['fakeCryptPw'] },
      ],
      negative: [
        'auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename=$1',
        'ALTER ROLE app PASSWORD NULL',
        "CREATE ROLE app PASSWORD 'changeme'",
      ],
    },
  },
  {
    id: 'semicolon-connection-string',
    description:
      'key=value; connection strings: ADO.NET and Npgsql (Password=, User ID=, Server=), JDBC SQL Server, Azure Storage and Service Bus (AccountKey=, SharedAccessKey=).',
    pattern:
      /(?<=^|[;"'=`]|;[ \t]{1,5})(?<key>Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature|Server|Data Source|Host|Address|Addr|Database|DatabaseName|Initial Catalog|User ID|User Id|UID|Username|User Name|User)[ \t]{0,40}=[ \t]{0,40}(?<value>[^;"'\r\n]{1,500})(?=;|"|'|\r?$)/dgim,
    captures: [{ group: 'value', kind: (m) => semicolonKind(m.groups?.key), hostList: true }],
    keywords: [';'],
    accept: ({ match, text }) => {
      const end = match.index + match[0].length;
      return (
        text[end] === ';' || /;[ \t]{0,40}$/.test(text.slice(Math.max(0, match.index - 20), match.index))
      );
    },
    priority: 80,
    examples: {
      positive: [
        {
          text: '"Server=tcp:fake-sql.database.windows.net,1433;Initial Catalog=ledger;User ID=svc_ledger;Password=fakeAdoPw;"',
          values: ['fake-sql.database.windows.net', 'ledger', 'svc_ledger', 'fakeAdoPw'],
        },
        {
          text: 'DefaultEndpointsProtocol=https;AccountName=fakeacct;AccountKey=ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZQ==;EndpointSuffix=core.windows.net',
          values: ['ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZQ=='],
        },
      ],
      negative: [
        'Host=localhost;Username=postgres;Password=changeme',
        'password = x',
        'SELECT * FROM users WHERE password = $1 AND token = $2;',
      ],
    },
  },
];
