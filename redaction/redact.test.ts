import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, redact } from './redact';

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
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell-style reference, on purpose
  ['env reference in a URI', 'postgresql://app:${DB_PASSWORD}@db/app'],
  ['f-string field', 'f"postgresql://{user}:{password}@{host}/app"'],
  ['template', 'postgresql://app:{{ .Values.password }}@db/app'],
  ['angle placeholder', 'postgresql://app:<password>@db/app'],
  ['shell variable', 'postgresql://app:$PGPASSWORD@db/app'],
  ['no password in URI', 'postgresql://app@db:5432/app'],
  ['variable as kwarg', 'psycopg2.connect(host=HOST, password=db_password)'],
  ['environment lookup', 'password=os.environ["DB_PASSWORD"]'],
  ['process.env', 'const pool = new Pool({ password: process.env.PGPASSWORD });'],
  ['already redacted', `postgresql://app:${PLACEHOLDER}@db/app`],
  ['URL with port only', 'http://localhost:8080/health'],
];

describe('redact: connection-string secrets', () => {
  it.each(TRUE_POSITIVES)('%s', (_name, text, secrets) => {
    const result = redact(text);
    for (const secret of secrets) expect(result.text).not.toContain(secret);
    expect(result.text).toContain(PLACEHOLDER);
    expect(result.redactions.map((r) => text.slice(r.range.start, r.range.end)).sort()).toEqual(
      [...secrets].sort(),
    );
    for (const r of result.redactions) {
      expect(r.kind).toBe('password');
      expect(r.length).toBe(r.range.end - r.range.start);
    }
  });

  it.each(FALSE_POSITIVES)('leaves alone: %s', (_name, text) => {
    const result = redact(text);
    expect(result.redactions).toEqual([]);
    expect(result.text).toBe(text);
  });

  it('keeps everything around the secret, reports 1-based positions, and is idempotent', () => {
    const text = 'a = 1\r\nurl = "postgresql://app:fakePw@db/app"  # primary\r\n';
    const result = redact(text);
    expect(result.text).toBe(`a = 1\r\nurl = "postgresql://app:${PLACEHOLDER}@db/app"  # primary\r\n`);
    const column = (text.split('\r\n')[1] ?? '').indexOf('fakePw') + 1;
    expect(result.redactions).toEqual([expect.objectContaining({ line: 2, column, length: 6 })]);
    const twice = redact(result.text);
    expect(twice.text).toBe(result.text);
    expect(twice.redactions).toEqual([]);
  });
});
