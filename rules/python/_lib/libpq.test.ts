/**
 * What the libpq rules decide from the environment the user states, and how their fixes compose
 * when several rules write to the same place in one file.
 */
import { describe, expect, it } from 'vitest';
import { engine } from '../../../tests/support/engine';

const POOL =
  'from psycopg_pool import ConnectionPool\n\npool = ConnectionPool("host=db.internal dbname=app")\n';

async function checkFix(environment: object) {
  const result = await engine.analyse(POOL, {
    filename: 'pool.py',
    rules: ['python.psycopg_pool.check-missing'],
    environment,
  });
  return result.findings[0]?.fix?.safety ?? null;
}

describe('version-gated fixes follow the stated versions', () => {
  it('writes check= as review when the psycopg version is unknown, safe from psycopg 3.2', async () => {
    expect(await checkFix({})).toBe('review');
    expect(await checkFix({ versions: { psycopg: '3.2.1' } })).toBe('safe');
  });

  it('offers no check= at all when the stated psycopg is older than 3.2', async () => {
    expect(await checkFix({ versions: { psycopg: '3.1.7' } })).toBeNull();
  });

  it('never writes tcp_user_timeout as safe, and not at all for a stated libpq older than 12', async () => {
    const text = 'import psycopg2\n\nconn = psycopg2.connect("host=db.internal dbname=app")\n';
    const options = { filename: 'c.py', rules: ['python.libpq.tcp-user-timeout-missing'] };
    const unknown = await engine.analyse(text, options);
    expect(unknown.findings[0]?.fix?.safety).toBe('review');
    const old = await engine.analyse(text, { ...options, environment: { pgMajor: 11 } });
    expect(old.findings[0]?.fix).toBeNull();
  });

  it('silences psycopg.multihost-old once psycopg 3.1.13 or later is stated', async () => {
    const text = 'import psycopg\n\nconn = psycopg.connect("host=pg1,pg2 dbname=app")\n';
    const options = { filename: 'c.py', rules: ['python.psycopg.multihost-old'] };
    expect((await engine.analyse(text, options)).findings).toHaveLength(1);
    const fixed = await engine.analyse(text, {
      ...options,
      environment: { versions: { psycopg: '3.1.13' } },
    });
    expect(fixed.findings).toEqual([]);
  });
});

describe('libpq fixes compose', () => {
  it('writes one connect_args: keepalives first, review keys added into it on the next pass', async () => {
    const text =
      'from sqlalchemy import create_engine\n\nengine = create_engine("postgresql+psycopg2://app@db.internal/app")\n';
    const result = await engine.analyse(text, { filename: 'e.py', unsafe: true });
    expect(result.patched.match(/connect_args=/g)).toHaveLength(1);
    expect(result.patched).toContain(
      'connect_args={"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3, "tcp_user_timeout": 30000, "connect_timeout": 10}',
    );
  });

  it('never writes load_balance_hosts, whatever it fixes', async () => {
    const text = 'import psycopg\n\nconn = psycopg.connect("host=pg1,pg2 dbname=app")\n';
    const result = await engine.analyse(text, { filename: 'c.py', unsafe: true });
    expect(result.patched).not.toContain('load_balance_hosts');
    expect(result.patched).toContain('target_session_attrs=read-write');
  });
});
