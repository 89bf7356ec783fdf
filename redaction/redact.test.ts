import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ANYWHERE, RedactionMap, unredact } from './placeholders';
import { redact } from './redact';

const WITH_INFRA = { categories: { secrets: true, infrastructure: true } };

/** Each case: the text, and the exact secrets that must be gone from the output. */
const TRUE_POSITIVES: Array<[string, string, string[]]> = [
  ['URI userinfo', 'DATABASE_URL = "postgresql://app:s3cr3t-pw@db.internal:5432/app"', ['s3cr3t-pw']],
  [
    'driver in the scheme',
    'create_async_engine("postgresql+asyncpg://app:Fake_Pw_123@db/app")',
    ['Fake_Pw_123'],
  ],
  ['password containing @', 'url = "postgres://app:p@ss@db:5432/app"', ['p@ss']],
  [
    'other schemes',
    'redis://:fakeRedisPw@cache:6379/0 amqp://guest:fakeAmqpPw@mq//',
    ['fakeRedisPw', 'fakeAmqpPw'],
  ],
  ['mongodb+srv', 'mongodb+srv://svc:fakeMongoPw@cluster0.example.net/db', ['fakeMongoPw']],
  ['JDBC query', 'jdbc:postgresql://db:5432/app?user=app&password=fakeJdbcPw&ssl=true', ['fakeJdbcPw']],
  ['libpq DSN, bare', 'dsn = "host=db port=5432 dbname=app user=app password=fakeDsnPw"', ['fakeDsnPw']],
  ['libpq DSN, quoted with spaces', "conninfo = \"password='fake pw \\' x' host=db\"", ["fake pw \\' x"]],
  ['PGPASSWORD', 'export PGPASSWORD=fakePgPw\n', ['fakePgPw']],
  ['Python kwarg', 'psycopg2.connect(host="db", password="fakeKwargPw")', ['fakeKwargPw']],
  ['dict entry', "DATABASES = {'default': {'PASSWORD': 'fakeDjangoPw'}}", ['fakeDjangoPw']],
  ['YAML', 'datasource:\n  password: "fakeYamlPw"\n', ['fakeYamlPw']],
];

/** Text that mentions passwords without containing one: it must come out unchanged. */
const FALSE_POSITIVES: Array<[string, string]> = [
  ['env reference in a URI', 'postgresql://app:${DB_PASSWORD}@db/app'],
  ['f-string field', 'f"postgresql://{user}:{password}@{host}/app"'],
  ['template', 'postgresql://app:{{ .Values.password }}@db/app'],
  ['angle placeholder', 'postgresql://app:<password>@db/app'],
  ['shell variable', 'postgresql://app:$PGPASSWORD@db/app'],
  ['no password in URI', 'postgresql://app@db:5432/app'],
  ['variable as kwarg', 'psycopg2.connect(host=HOST, password=db_password)'],
  ['environment lookup', 'password=os.environ["DB_PASSWORD"]'],
  ['process.env', 'const pool = new Pool({ password: process.env.PGPASSWORD });'],
  ['already redacted', 'postgresql://app:REDACTED_PASSWORD_1@db/app'],
  ['legacy placeholder', 'postgresql://app:<redacted>@db/app'],
  ['URL with port only', 'http://localhost:8080/health'],
  [
    'changeme',
    'password: changeme\nPGPASSWORD=changeme\npassword = "your-password"\ntoken: xxxx\nsecret: "****"',
  ],
  [
    'hosts that identify no one',
    'a = "postgresql://localhost/app"\nb = "host=127.0.0.1 port=5432 user=postgres"\nc = "http://[::1]:8080"\n' +
      'd: db.example.com\ne: pg.example\nf: pg.test\ng: pg.invalid\nh: pg.local\nhost: 0.0.0.0\n',
  ],
  [
    'placeholder words',
    'password: example\nsecret: secret\napi_key: "<api-key>"\npassword: "xxx"\ntoken: "..."',
  ],
];

describe('redact: connection-string secrets', () => {
  it.each(TRUE_POSITIVES)('%s', (_name, text, secrets) => {
    const result = redact(text);
    for (const secret of secrets) expect(result.text).not.toContain(secret);
    expect(result.text).toMatch(PLACEHOLDER_ANYWHERE);
    expect(result.redactions.map((r) => text.slice(r.range.start, r.range.end)).sort()).toEqual(
      [...secrets].sort(),
    );
    for (const r of result.redactions) {
      expect(r.kind).toBe('password');
      expect(r.category).toBe('secret');
      expect(r.placeholder).toMatch(/^REDACTED_PASSWORD_\d+$/);
      expect(r.length).toBe(r.range.end - r.range.start);
    }
  });

  it.each(FALSE_POSITIVES)('leaves alone: %s', (_name, text) => {
    const result = redact(text, WITH_INFRA);
    expect(result.redactions).toEqual([]);
    expect(result.text).toBe(text);
  });

  it('keeps everything around the secret, reports 1-based positions, and is idempotent', () => {
    const text = 'a = 1\r\nurl = "postgresql://app:fakePw@db/app"  # primary\r\n';
    const result = redact(text);
    expect(result.text).toBe('a = 1\r\nurl = "postgresql://app:REDACTED_PASSWORD_1@db/app"  # primary\r\n');
    const column = (text.split('\r\n')[1] ?? '').indexOf('fakePw') + 1;
    expect(result.redactions).toEqual([expect.objectContaining({ line: 2, column, length: 6 })]);
    const twice = redact(result.text);
    expect(twice.text).toBe(result.text);
    expect(twice.redactions).toEqual([]);
  });
});

describe('redact: placeholders', () => {
  it('numbers per kind in order of first appearance, the same value always getting the same placeholder', () => {
    const text = [
      'PRIMARY=postgresql://svc_orders:fakeOne1@orders-db.corp.internal:5432/orders',
      'REPLICA=postgresql://svc_orders:fakeTwo2@10.20.30.40:5432/orders',
      'BACKUP=postgresql://svc_orders:fakeOne1@orders-db.corp.internal:5432/orders',
      'GITHUB_TOKEN=ghp_FakeFakeFakeFakeFakeFakeFakeFake0123',
    ].join('\n');
    const { text: out } = redact(text, WITH_INFRA);
    expect(out.split('\n')).toEqual([
      'PRIMARY=postgresql://REDACTED_USER_1:REDACTED_PASSWORD_1@REDACTED_HOST_1:5432/REDACTED_DATABASE_1',
      'REPLICA=postgresql://REDACTED_USER_1:REDACTED_PASSWORD_2@REDACTED_IP_1:5432/REDACTED_DATABASE_1',
      'BACKUP=postgresql://REDACTED_USER_1:REDACTED_PASSWORD_1@REDACTED_HOST_1:5432/REDACTED_DATABASE_1',
      'GITHUB_TOKEN=REDACTED_TOKEN_1',
    ]);
  });

  it('keeps the URI parseable', () => {
    const { text } = redact(
      'postgresql://app:fake-pw@mydb.abc123xyz.us-east-1.rds.amazonaws.com:5432/app',
      WITH_INFRA,
    );
    expect(text).toBe('postgresql://app:REDACTED_PASSWORD_1@REDACTED_HOST_1:5432/app');
    const url = new URL(text);
    expect(url.password).toBe('REDACTED_PASSWORD_1');
    expect(url.hostname).toBe('REDACTED_HOST_1');
  });

  it('replaces a PEM body with one placeholder line, in files and in JSON strings', () => {
    const pem =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEfakeFAKE0123\nfakeFAKEfake==\n-----END RSA PRIVATE KEY-----\n';
    expect(redact(pem).text).toBe(
      '-----BEGIN RSA PRIVATE KEY-----\nREDACTED_PRIVATE_KEY_1\n-----END RSA PRIVATE KEY-----\n',
    );
    const json = JSON.stringify({ type: 'service_account', private_key: pem }, null, 2);
    const redacted = redact(json).text;
    expect(JSON.parse(redacted).private_key).toBe(
      '-----BEGIN RSA PRIVATE KEY-----\nREDACTED_PRIVATE_KEY_1\n-----END RSA PRIVATE KEY-----\n',
    );
  });

  it('quotes a placeholder that replaces a bare JSON number', () => {
    const json = '{ "aws_account_id": 111122223333, "region": "us-east-1" }';
    const result = redact(json);
    expect(JSON.parse(result.text)).toEqual({ aws_account_id: 'REDACTED_ACCOUNT_ID_1', region: 'us-east-1' });
    expect(unredact(result.text, result.map)).toBe(json);
  });

  it('skips numbers already used by placeholders in the input', () => {
    const text = 'a = "postgresql://u:REDACTED_PASSWORD_1@h/d"\nb = "postgresql://u:fakeNewPw@h/d"';
    const result = redact(text);
    expect(result.text).toContain('REDACTED_PASSWORD_2');
    expect(unredact(result.text, result.map)).toBe(text);
  });
});

describe('redact: options', () => {
  const text = 'url = "postgresql://svc_orders:fakeOptPw@orders.corp.internal/orders"';

  it('redacts secrets only by default, infrastructure on request, and nothing when both are off', () => {
    expect(redact(text).redactions.map((r) => r.kind)).toEqual(['password']);
    expect(redact(text, WITH_INFRA).redactions.map((r) => [r.kind, r.category])).toEqual([
      ['user', 'infrastructure'],
      ['password', 'secret'],
      ['host', 'infrastructure'],
      ['database', 'infrastructure'],
    ]);
    expect(
      redact(text, { categories: { secrets: false, infrastructure: true } }).redactions.map((r) => r.kind),
    ).toEqual(['user', 'host', 'database']);
    expect(redact(text, { categories: { secrets: false, infrastructure: false } }).text).toBe(text);
  });

  it('leaves values the person un-redacted, everywhere', () => {
    const result = redact(`${text}\n# host orders.corp.internal`, {
      ...WITH_INFRA,
      exclude: ['orders.corp.internal'],
    });
    expect(result.text).toContain('@orders.corp.internal/');
    expect(result.text).toContain('# host orders.corp.internal');
    expect(result.text).not.toContain('fakeOptPw');
  });

  it('redacts ranges selected by hand, and other occurrences of the same value', () => {
    const input = 'pool_name = "orders-blue"\napplication_name = "orders-blue"\n';
    const start = input.indexOf('orders-blue');
    const result = redact(input, { extra: [{ start, end: start + 'orders-blue'.length }] });
    expect(result.text).toBe('pool_name = "REDACTED_VALUE_1"\napplication_name = "REDACTED_VALUE_1"\n');
    expect(result.redactions.map((r) => [r.kind, r.detector])).toEqual([
      ['manual', 'manual'],
      ['manual', 'same-value'],
    ]);
  });

  it('merges a hand-picked range that overlaps a detected secret into one redaction', () => {
    const input = 'password = "fakeOverlapPw"';
    const start = input.indexOf('Overlap');
    const result = redact(input, { extra: [{ start, end: input.length }] });
    expect(result.text).not.toContain('Overlap');
    expect(result.text).not.toContain('fake');
    expect(result.redactions).toHaveLength(1);
  });

  it('hides other occurrences of a found secret, but not dictionary words', () => {
    const input =
      'password: fakeRepeat9\n# old password was fakeRepeat9, rotate it\npassword2: postgres\nimage: postgres:16\n';
    const out = redact(input).text;
    expect(out).not.toContain('fakeRepeat9');
    expect(out).toContain('image: postgres:16');
  });
});

describe('RedactionMap and unredact', () => {
  const text = [
    'DATABASE_URL=postgresql://svc:fakeMapPw@10.1.2.3:5432/orders',
    'API_TOKEN="sk_live_FakeFakeFakeFakeFake1234"',
    '-----BEGIN PRIVATE KEY-----',
    'MIIEfakeFAKEfake',
    '-----END PRIVATE KEY-----',
  ].join('\n');

  it('round-trips, and puts real values into an edited text', () => {
    const result = redact(text, WITH_INFRA);
    expect(unredact(result.text, result.map)).toBe(text);
    const edited = `${result.text}\nPOOL_PRE_PING=true`;
    expect(unredact(edited, result.map)).toBe(`${text}\nPOOL_PRE_PING=true`);
  });

  it('maps placeholders to values in memory and never serialises the values', () => {
    const { map } = redact(text);
    expect(map).toBeInstanceOf(RedactionMap);
    expect(map.get('REDACTED_PASSWORD_1')).toBe('fakeMapPw');
    const serialised = JSON.stringify(redact(text));
    expect(serialised).not.toContain('fakeMapPw');
    expect(serialised).not.toContain('sk_live_');
    expect(serialised).toContain('REDACTED_PASSWORD_1');
  });

  it('leaves placeholders it does not know alone', () => {
    expect(unredact('x = REDACTED_TOKEN_9', new RedactionMap())).toBe('x = REDACTED_TOKEN_9');
  });
});
