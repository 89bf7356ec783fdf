import { describe, expect, it } from 'vitest';
import { host } from '../../../tests/support/engine';
import { sqlalchemyEngines } from './sqlalchemy';

async function engines(text: string) {
  const doc = await host.parse('python', text);
  try {
    return sqlalchemyEngines(doc).map((e) => ({
      driver: e.driver,
      family: e.family,
      poolclass: e.poolclass,
      hidden: e.hiddenOptions,
      options: e.options.map((o) => o.name),
      insert: e.insertInto.style,
      url: e.url?.value ?? null,
    }));
  } finally {
    doc.dispose();
  }
}

describe('sqlalchemyEngines', () => {
  it('tells the driver family from the URL, and says unknown when the URL is not in the file', async () => {
    const result = await engines(`
URL = "postgresql+asyncpg://u:p@h/db"
a = create_engine("postgresql://u:p@h/db", pool_size=5)
b = create_async_engine(URL)
c = create_engine(os.environ["DATABASE_URL"])
d = create_async_engine(settings.url)
e = create_engine("postgresql+pg8000://u@h/db")
f = create_engine("sqlite://", poolclass=pool.StaticPool)
`);
    expect(result.map((r) => [r.driver, r.family])).toEqual([
      [null, 'libpq'],
      ['asyncpg', 'asyncpg'],
      [null, 'unknown'],
      [null, 'unknown'],
      ['pg8000', 'pg8000'],
      [null, 'other'],
    ]);
    expect(result[1]?.url).toBe('postgresql+asyncpg://u:p@h/db');
    expect(result[5]?.poolclass).toBe('StaticPool');
  });

  it('reads options through **dicts defined in the file, and flags ones it cannot see', async () => {
    const result = await engines(`
OPTS = {"pool_size": 5, "poolclass": NullPool}
KW = dict(pool_recycle=200)
a = create_engine(URL, **OPTS)
b = create_engine(URL, echo=True, **KW)
c = create_engine(URL, **kwargs)
`);
    expect(result.map((r) => [r.options, r.insert, r.hidden, r.poolclass])).toEqual([
      [['pool_size', 'poolclass'], 'dict', false, 'NullPool'],
      [['echo', 'pool_recycle'], 'keyword', false, null],
      [[], 'keyword', true, null],
    ]);
  });
});
