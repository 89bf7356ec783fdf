/**
 * What the fixture harness cannot say: the reference's vectors run through the FULL rule set (their
 * lists of firing rules are exhaustive), and behaviour that depends on the environment profile.
 */
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../../core/environment';
import { engine, host } from '../../../tests/support/engine';
import { asyncpgCalls } from '../_lib/asyncpg';

async function run(text: string, environment: EnvironmentProfile = {}, unsafe = false) {
  const result = await engine.analyse(text, { format: 'python', environment, unsafe });
  return { ids: result.findings.map((f) => f.ruleId).sort(), result };
}

const asyncpgOnly = (ids: string[]) => ids.filter((id) => id.startsWith('python.asyncpg.'));

const V3 = `engine = create_async_engine(
    "postgresql+asyncpg://app:pw@db:5432/app",
    pool_pre_ping=True,
    connect_args={"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3},
)
`;
const V4 = `DB_URL = "postgresql+asyncpg://u:p@h/db?sslmode=require&connect_timeout=10"
engine = create_async_engine(DB_URL, pool_pre_ping=True, pool_recycle=200)
`;
const V10 = `pool = await asyncpg.create_pool(
    dsn=os.environ["PG_DSN"],
    min_size=5, max_size=20,
    max_inactive_connection_lifetime=0,   # keep connections forever
    server_settings={"application_name": "api", "tcp_keepalives_idle": 60},
)
`;
const V11 = `conn = await asyncpg.connect("postgresql://u:p@h:5432/db?keepalives=1&tcp_user_timeout=10000", connect_timeout=5)
`;
const V18 = `url = URL.create("postgresql+asyncpg", username="u", password=pw, host="h", database="db",
                 query={"command_timeout": "30", "timeout": "10"})
engine = create_async_engine(url, pool_pre_ping=True, pool_recycle=200)
`;

describe('reference vectors with the full rule set', () => {
  it('V3: asyncpg.no-keepalive joins the SQLAlchemy findings', async () => {
    expect(asyncpgOnly((await run(V3)).ids)).toEqual(['python.asyncpg.no-keepalive']);
  });

  it('V4 and V18: pool_recycle=200 bounds idle age, so no asyncpg finding', async () => {
    expect(asyncpgOnly((await run(V4)).ids)).toEqual([]);
    expect(asyncpgOnly((await run(V18)).ids)).toEqual([]);
  });

  it('V10: exactly the four asyncpg findings, and the safe patch of the reference', async () => {
    const { ids, result } = await run(V10);
    expect(ids).toEqual([
      'python.asyncpg.acquire-timeout-missing',
      'python.asyncpg.command-timeout-missing',
      'python.asyncpg.inactive-lifetime',
      'python.asyncpg.server-settings-non-string',
    ]);
    const by = (id: string) => result.findings.find((f) => f.ruleId === id);
    expect(by('python.asyncpg.command-timeout-missing')?.fix?.safety).toBe('review');
    expect(by('python.asyncpg.acquire-timeout-missing')?.fix).toBeNull();
    expect(result.patched).toBe(
      V10.replace('lifetime=0,', 'lifetime=200,').replace(
        '"tcp_keepalives_idle": 60',
        '"tcp_keepalives_idle": "60"',
      ),
    );
  });

  it('V11: exactly asyncpg.libpq-kwargs, with the patch of the reference', async () => {
    const { ids, result } = await run(V11);
    expect(ids).toEqual(['python.asyncpg.libpq-kwargs']);
    expect(result.patched).toBe('conn = await asyncpg.connect("postgresql://u:p@h:5432/db", timeout=5)\n');
  });
});

describe('environment profile', () => {
  const pool = 'pool = await asyncpg.create_pool("postgresql://app@pg1:5432,pg2:5432/app", min_size=1)\n';

  it('writes target_session_attrs only when asyncpg may be 0.28+', async () => {
    const fix = async (environment: EnvironmentProfile) =>
      (await run(pool, environment)).result.findings.find(
        (f) => f.ruleId === 'python.asyncpg.multihost-without-target-session-attrs',
      );
    expect((await fix({}))?.fix?.safety).toBe('review');
    expect((await fix({ versions: { asyncpg: '0.29.0' } }))?.fix?.safety).toBe('review');
    const old = await fix({ versions: { asyncpg: '0.27.0' } });
    expect(old?.fix).toBeNull();
    expect(old?.message).toContain('0.28');
  });

  it('bounds idle lifetime by the middlebox timeout the profile gives', async () => {
    const lifetime = async (text: string, environment: EnvironmentProfile) =>
      (await run(text, environment)).result.findings.filter(
        (f) => f.ruleId === 'python.asyncpg.inactive-lifetime',
      );
    const bare = 'pool = await asyncpg.create_pool(dsn)\n';
    // AWS NLB: 350 s. asyncpg's 300 s default is below it; 400 s is not, and becomes 350 − 40.
    expect(await lifetime(bare, { middleboxIdleSeconds: 350 })).toEqual([]);
    const azure = await lifetime(bare, {});
    expect(azure[0]?.fix?.edits[0]?.text).toBe(', max_inactive_connection_lifetime=200');
    const long = await lifetime(
      'pool = await asyncpg.create_pool(dsn, max_inactive_connection_lifetime=400)\n',
      {
        middleboxIdleSeconds: 350,
      },
    );
    expect(long[0]?.fix?.edits[0]?.text).toBe('310');
  });
});

describe('asyncpgCalls', () => {
  it('knows asyncpg calls by module, alias and from-import, and nothing else', async () => {
    const doc = await host.parse(
      'python',
      `import asyncpg as pg
from asyncpg import create_pool as make_pool, connect
import psycopg2

a = await pg.connect(dsn)
b = await make_pool(dsn, **OPTS)
c = await connect(dsn)
d = psycopg2.connect(dsn)
e = await asyncpg.pool.create_pool(dsn)
async with asyncpg.create_pool(dsn) as self.pool:
    pass
f = await other.connect(dsn)
`,
    );
    try {
      expect(asyncpgCalls(doc).map((c) => [c.label, c.kind, c.binding, c.hiddenOptions])).toEqual([
        ['pg.connect()', 'connect', 'a', false],
        ['make_pool()', 'pool', 'b', true],
        ['connect()', 'connect', 'c', false],
        ['asyncpg.pool.create_pool()', 'pool', 'e', false],
        ['asyncpg.create_pool()', 'pool', 'self.pool', false],
      ]);
    } finally {
      doc.dispose();
    }
  });
});
