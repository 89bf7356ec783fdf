/** The Django model, and the rules' use of the environment profile (fixtures run without one). */
import { describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../../core/environment';
import { engine, host } from '../../../tests/support/engine';
import { connMaxAge, djangoEntries, healthChecksOn, poolSetting } from './django';

async function entries(text: string) {
  const doc = await host.parse('python', text);
  try {
    return djangoEntries(doc).map((e) => ({
      alias: e.alias,
      backend: e.backend,
      host: e.host,
      age: connMaxAge(e),
      checks: healthChecksOn(e),
      pool: poolSetting(doc, e).kind,
      options: e.options.kind,
      dj: e.dj?.fn ?? null,
    }));
  } finally {
    doc.dispose();
  }
}

async function run(text: string, environment: EnvironmentProfile, unsafe = false) {
  const result = await engine.analyse(text, { filename: 'settings.py', environment, unsafe });
  return {
    ids: result.findings.map((f) => `${f.ruleId.replace('python.django.', '')}:${f.fix?.safety ?? 'none'}`),
    patched: result.patched,
    messages: result.findings.map((f) => f.message),
  };
}

const V13 = `DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("DB_NAME"), "HOST": env("DB_HOST"),
        "CONN_MAX_AGE": None,
    }
}
`;

describe('djangoEntries', () => {
  it('reads later assignments, update() calls (mapping first, then keywords) and OPTIONS writes', async () => {
    const text = `DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db"}}
DATABASES["default"]["CONN_MAX_AGE"] = 600
DATABASES["default"].update({"CONN_HEALTH_CHECKS": True}, CONN_HEALTH_CHECKS=False)
DATABASES["default"]["OPTIONS"] = {"pool": {}}
`;
    expect(await entries(text)).toEqual([
      {
        alias: 'default',
        backend: 'postgresql',
        host: 'db',
        age: 600,
        checks: false,
        pool: 'empty-dict',
        options: 'visible',
        dj: null,
      },
    ]);
  });

  it('lets a dj-database-url update() replace the literal keys and hide OPTIONS and HOST', async () => {
    const text = `import dj_database_url as dburl
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "", "CONN_MAX_AGE": 60, "OPTIONS": {}}}
from_env = dburl.config(conn_max_age=None)
DATABASES["default"].update(from_env)
`;
    expect(await entries(text)).toEqual([
      {
        alias: 'default',
        backend: 'unknown',
        host: null,
        age: null,
        checks: false,
        pool: 'unknown',
        options: 'hidden',
        dj: 'config',
      },
    ]);
  });

  it('reads the backend of dj_database_url.parse() from a literal URL and of config() from engine=', async () => {
    const text = `from dj_database_url import parse, config
DATABASES = {
    "default": parse("postgis://geo@db/geo", conn_max_age=60),
    "other": config(engine="django.db.backends.mysql"),
    "old": {"ENGINE": "django.db.backends.postgresql_psycopg2"},
}
`;
    expect((await entries(text)).map((e) => [e.alias, e.backend])).toEqual([
      ['default', 'postgis'],
      ['other', 'other'],
      ['old', 'postgresql'],
    ]);
  });
});

describe('Django rules and the environment profile', () => {
  it('V13 on a stated Django 3.2: no CONN_HEALTH_CHECKS, so CONN_MAX_AGE gets the bound', async () => {
    const { ids, patched } = await run(V13, { versions: { django: '3.2.25' } });
    expect(ids).toEqual(['conn-max-age-too-long:safe', 'options-keepalives-missing:safe']);
    expect(patched).toContain('"CONN_MAX_AGE": 200,');
    expect(patched).not.toContain('CONN_HEALTH_CHECKS');
  });

  it('V13 on Django 4.2: the health-check fix, and CONN_MAX_AGE left as written', async () => {
    const { ids, patched, messages } = await run(V13, { versions: { django: '4.2' } });
    expect(ids).toEqual([
      'health-checks-missing:safe',
      'conn-max-age-too-long:none',
      'options-keepalives-missing:safe',
    ]);
    expect(patched).toContain('"CONN_MAX_AGE": None,\n        "CONN_HEALTH_CHECKS": True,');
    expect(messages[0]).not.toContain('older versions ignore it');
  });

  it('follows the stated middlebox timeout', async () => {
    const text = V13.replace('None', '600');
    expect((await run(text, { middleboxIdleSeconds: 900 })).ids).not.toContain('conn-max-age-too-long:none');
    const old = await run(text, { middleboxIdleSeconds: 300, versions: { django: '3.2' } });
    expect(old.patched).toContain('"CONN_MAX_AGE": 260,');
  });

  const POOL = `DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "CONN_MAX_AGE": 600,
        "OPTIONS": {"pool": {"min_size": 2, "check": check_connection}},
    }
}
`;

  it('a pool on a stated Django 4.2 is no Django setting: pool-misc only', async () => {
    const { ids, messages } = await run(POOL, { versions: { django: '4.2' } });
    expect(ids).toEqual(['pool-misc:none']);
    expect(messages[0]).toContain('invalid connection option "pool"');
  });

  it('a pool with psycopg2 and no psycopg stated: pool-misc says psycopg 3 is needed', async () => {
    const { ids, messages } = await run(POOL, { versions: { django: '5.1', psycopg2: '2.9.9' } });
    expect(ids).toContain('pool-misc:none');
    expect(messages.join('\n')).toContain('Database pooling requires psycopg >= 3');
  });
});
