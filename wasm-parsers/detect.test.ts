import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

describe('detectFormat from file names', () => {
  it.each([
    ['pgbouncer.ini', '', 'pgbouncer-ini'],
    ['/etc/postgresql/15/main/postgresql.conf', '', 'postgresql-conf'],
    ['postgresql.auto.conf', '', 'postgresql-conf'],
    ['/etc/sysctl.d/99-keepalive.conf', '', 'sysctl'],
    ['sysctl.conf', '', 'sysctl'],
    ['.env.production', '', 'dotenv'],
    ['app/db.py', '', 'python'],
    ['src/pool.mjs', '', 'javascript'],
    ['src\\pool.ts', '', 'typescript'],
    ['App.tsx', '', 'tsx'],
    ['DataSourceConfig.java', '', 'java'],
    ['main.go', '', 'go'],
    ['config/database.yml', '', 'yaml'],
    ['application.properties', '', 'properties'],
    ['alembic.ini', '[alembic]\nsqlalchemy.url = postgresql://app@db/app\n', 'ini'],
    [
      'custom.ini',
      '[databases]\napp = host=db dbname=app\n[pgbouncer]\npool_mode = transaction\n',
      'pgbouncer-ini',
    ],
    ['db.conf', 'tcp_keepalives_idle = 60\nshared_buffers = 128MB\n', 'postgresql-conf'],
    ['net.conf', 'net.ipv4.tcp_keepalive_time = 7200\n', 'sysctl'],
  ])('%s is %s', (filename, text, format) => {
    const detection = detectFormat(text, { filename });
    expect(detection.format).toBe(format);
    expect(detection.source).toBe('filename');
    expect(detection.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('detectFormat from content', () => {
  it.each([
    ['engine = create_engine(\n    DATABASE_URL,\n    pool_size=10,\n)\n', 'python'],
    ['import os\nfrom sqlalchemy import create_engine\n', 'python'],
    ["const { Pool } = require('pg');\nconst pool = new Pool({ max: 10 });\n", 'javascript'],
    [
      "import { Pool } from 'pg';\nconst pool: Pool = new Pool({ idleTimeoutMillis: 30000 });\n",
      'typescript',
    ],
    ['HikariConfig config = new HikariConfig();\nconfig.setJdbcUrl(url);\n', 'java'],
    ['package main\n\nfunc main() {\n\tcfg, err := pgxpool.ParseConfig(dsn)\n}\n', 'go'],
    ['spring:\n  datasource:\n    url: jdbc:postgresql://db/app\n', 'yaml'],
    [
      'spring.datasource.hikari.maximum-pool-size=10\nspring.datasource.url=jdbc:postgresql://db/app\n',
      'properties',
    ],
    ['[pgbouncer]\nlisten_port = 6432\npool_mode = transaction\n', 'pgbouncer-ini'],
    ["listen_addresses = '*'\ntcp_keepalives_idle = 60\n", 'postgresql-conf'],
    ['net.ipv4.tcp_keepalive_time = 600\nnet.ipv4.tcp_keepalive_intvl = 30\n', 'sysctl'],
    ['#!/bin/bash\nexport PGCONNECT_TIMEOUT=10\n', 'shell'],
  ])('recognises %j', (text, format) => {
    const detection = detectFormat(text);
    expect(detection.format).toBe(format);
    expect(detection.source).toBe('content');
    expect(detection.confidence).toBeGreaterThan(0.4);
    expect(detection.confidence).toBeLessThanOrEqual(0.9);
    expect(detection.reason.length).toBeGreaterThan(0);
  });

  it.each(['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 'hello world', '42'])(
    'says unknown instead of guessing for %j',
    (text) => {
      expect(detectFormat(text)).toMatchObject({ format: 'unknown', confidence: 0, source: 'none' });
    },
  );

  it('lets the user override everything', () => {
    expect(detectFormat('hello', { filename: 'x.py', format: 'yaml' })).toMatchObject({
      format: 'yaml',
      source: 'override',
      confidence: 1,
    });
  });
});
