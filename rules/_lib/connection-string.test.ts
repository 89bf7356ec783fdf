import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../core/edits';
import {
  getParam,
  hostsOf,
  isUnixSocket,
  parseConnectionString,
  parseDsn,
  parseUri,
  removeParamEdit,
  setParamEdit,
} from './connection-string';

describe('URIs', () => {
  it('reads scheme, driver, hosts, database and parameters with their offsets', () => {
    const text = 'postgresql+asyncpg://app:fake-pw@db1:5432,db2:5433/app?sslmode=require&connect_timeout=10';
    const uri = parseUri(text);
    expect(uri).toMatchObject({ dialect: 'postgresql', driver: 'asyncpg', database: 'app' });
    expect(uri?.hosts).toEqual([
      { host: 'db1', port: '5432' },
      { host: 'db2', port: '5433' },
    ]);
    const timeout = uri && getParam(uri, 'connect_timeout');
    expect(timeout?.value).toBe('10');
    expect(text.slice(timeout?.range.start, timeout?.range.end)).toBe('connect_timeout=10');
  });

  it('reads JDBC URLs and SQLAlchemy multi-host query hosts', () => {
    expect(parseUri('jdbc:postgresql://db/app?tcpKeepAlive=true')).toMatchObject({ dialect: 'postgresql' });
    const multi = parseUri('postgresql+psycopg2://u:p@/app?host=pg1:5432&host=pg2:5432');
    expect(multi && hostsOf(multi).map((h) => h.host)).toEqual(['pg1', 'pg2']);
  });

  it('knows a Unix-socket connection', () => {
    const socket = (text: string) => {
      const parsed = parseConnectionString(text);
      if (!parsed) throw new Error(`cannot parse ${text}`);
      return isUnixSocket(parsed);
    };
    expect(socket('postgresql:///app?host=/var/run/postgresql')).toBe(true);
    expect(socket('host=/tmp dbname=app')).toBe(true);
    expect(socket('postgresql://db/app')).toBe(false);
  });

  it.each([
    ['postgresql://u@db/app', 'postgresql://u@db/app?keepalives_idle=30'],
    ['postgresql://u@db/app?', 'postgresql://u@db/app?keepalives_idle=30'],
    ['postgresql://u@db/app?sslmode=require', 'postgresql://u@db/app?sslmode=require&keepalives_idle=30'],
    ['postgresql://u@db/app?keepalives_idle=600&x=1', 'postgresql://u@db/app?keepalives_idle=30&x=1'],
  ])('sets a parameter in %s', (before, after) => {
    const parsed = parseUri(before);
    expect(parsed).not.toBeNull();
    if (parsed) expect(applyEdits(before, [setParamEdit(parsed, 'keepalives_idle', '30')])).toBe(after);
  });

  it.each([
    ['h/db?sslmode=require&connect_timeout=10', 'connect_timeout', 'h/db?sslmode=require'],
    ['h/db?sslmode=require&connect_timeout=10', 'sslmode', 'h/db?connect_timeout=10'],
    ['h/db?a=1&sslmode=require&b=2', 'sslmode', 'h/db?a=1&b=2'],
    ['h/db?sslmode=require', 'sslmode', 'h/db'],
  ])('removes a parameter from %s', (tail, key, expected) => {
    const text = `postgresql://u:p@${tail}`;
    const parsed = parseUri(text);
    const param = parsed && getParam(parsed, key);
    expect(param).toBeDefined();
    if (parsed && param)
      expect(applyEdits(text, [removeParamEdit(parsed, param, text)])).toBe(`postgresql://u:p@${expected}`);
  });
});

describe('libpq key=value DSNs', () => {
  it('reads quoted values with escapes', () => {
    const dsn = parseDsn("host=db password='it\\'s fake' dbname=app");
    expect(dsn?.params.map((p) => [p.key, p.value])).toEqual([
      ['host', 'db'],
      ['password', "it's fake"],
      ['dbname', 'app'],
    ]);
  });

  it('sets, replaces and removes parameters in place', () => {
    const text = 'host=db dbname=app keepalives_idle=600';
    const dsn = parseDsn(text);
    expect(dsn).not.toBeNull();
    if (!dsn) return;
    expect(applyEdits(text, [setParamEdit(dsn, 'keepalives_idle', '30')])).toBe(
      'host=db dbname=app keepalives_idle=30',
    );
    expect(applyEdits(text, [setParamEdit(dsn, 'connect_timeout', '10')])).toBe(`${text} connect_timeout=10`);
    expect(applyEdits(text, [setParamEdit(dsn, 'application_name', 'my app')])).toBe(
      `${text} application_name='my app'`,
    );
    const idle = getParam(dsn, 'keepalives_idle');
    if (idle) expect(applyEdits(text, [removeParamEdit(dsn, idle, text)])).toBe('host=db dbname=app');
    const host = getParam(dsn, 'host');
    if (host)
      expect(applyEdits(text, [removeParamEdit(dsn, host, text)])).toBe('dbname=app keepalives_idle=600');
  });

  it('is not fooled by prose', () => {
    expect(parseDsn('just some words')).toBeNull();
    expect(parseConnectionString('DATABASE_URL')).toBeNull();
  });
});
