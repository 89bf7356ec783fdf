/** The CLI contract, exercised through the real executable as outside test suites will call it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

const BIN = new URL('./staleproof.mjs', import.meta.url).pathname;
const SNIPPET = 'engine = create_engine(\n    DATABASE_URL,\n    pool_size=10,\n    max_overflow=5,\n)\n';
const FIXED = SNIPPET.replace(
  '    max_overflow=5,\n',
  '    max_overflow=5,\n    pool_pre_ping=True,\n    pool_recycle=200,\n',
);
/** An engine that every rule is happy with. */
const RESILIENT = `engine = create_engine(
    "postgresql+psycopg2://app@db.internal/app",
    pool_pre_ping=True,
    pool_recycle=200,
    connect_args={"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
                  "tcp_user_timeout": 30000, "connect_timeout": 10},
)
`;

function run(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'staleproof-cli-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('staleproof check', () => {
  it('runs the opt-in advisories only with --opt-in, and reads presets and host names', () => {
    // Transaction mode on PgBouncer 1.18 (no protocol-level prepared statements before 1.21), with a
    // tuned keepalive and user timeout, behind an Aurora writer named in [databases].
    const ini = [
      '[databases]',
      'app = host=app.cluster-abc123xyz.eu-west-1.rds.amazonaws.com dbname=app',
      '',
      '[pgbouncer]',
      'pool_mode = transaction',
      'tcp_keepidle = 30',
      'tcp_keepintvl = 10',
      'tcp_keepcnt = 3',
      'tcp_user_timeout = 30000',
      '',
    ].join('\n');
    const file = tempFile('pgbouncer.ini', ini);
    const ids = (args: string[]) => {
      const { stdout, stderr } = run([
        'check',
        '--format',
        'json',
        '--env',
        'pgbouncerVersion=1.18.0',
        ...args,
        file,
      ]);
      expect(stderr).toBe('');
      return (JSON.parse(stdout)[0].findings as { ruleId: string }[]).map((f) => f.ruleId);
    };
    const plain = ids([]);
    // The Aurora host name alone makes it failover-prone: the login retry is too slow for that.
    expect(plain).toContain('pgbouncer.server-login-retry-long');
    expect(plain).not.toContain('pgbouncer.prepared-statements-transaction');
    const all = ids(['--opt-in', '--env', 'preset=none']);
    expect(all).toContain('pgbouncer.prepared-statements-transaction');
    // A preset that says "no managed failover" outranks the host name.
    expect(all).not.toContain('pgbouncer.server-login-retry-long');
  }, 60_000);

  it('prints the documented JSON and exits 1 when there are findings', () => {
    const file = tempFile('db.py', SNIPPET);
    const { code, stdout, stderr } = run(['check', '--format', 'json', file]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const [document] = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['file', 'format', 'readWith', 'findings']);
    expect(document.readWith).toEqual([]);
    expect(document).toMatchObject({ file, format: 'python' });
    for (const f of document.findings) {
      expect(Object.keys(f)).toEqual([
        'ruleId',
        'severity',
        'line',
        'column',
        'endLine',
        'endColumn',
        'message',
        'fix',
        'crossFile',
      ]);
    }
    expect(document.findings).toEqual(
      expect.arrayContaining([
        {
          ruleId: 'python.sqlalchemy.pre-ping-missing',
          severity: 'warning',
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 23,
          message: expect.stringContaining('pool_pre_ping'),
          fix: { safety: 'safe', description: expect.stringContaining('pool_pre_ping=True') },
          crossFile: false,
        },
      ]),
    );
  });

  it('reads the files named together as one deployment: a pgbouncer.ini changes how the app is read', () => {
    // Fine on its own: libpq startup options to PostgreSQL itself.
    const app = tempFile(
      'db.py',
      RESILIENT.replace(
        '"connect_timeout": 10}',
        '"connect_timeout": 10, "options": "-c statement_timeout=5000"}',
      ),
    );
    const ini = tempFile(
      'pgbouncer.ini',
      '[databases]\r\napp = host=db.internal dbname=app\r\n\r\n[pgbouncer]\r\nclient_idle_timeout = 120\r\n',
    );
    expect(run(['check', app]).code).toBe(0);
    const { code, stdout } = run(['check', '--format', 'json', app, ini]);
    expect(code).toBe(1);
    const [appDocument] = JSON.parse(stdout);
    expect(appDocument.readWith).toEqual([
      { file: ini, line: 4, fact: expect.stringContaining('connect through PgBouncer') },
      { file: ini, line: 5, fact: expect.stringContaining('idle for 120 s') },
    ]);
    expect(appDocument.findings).toEqual([
      expect.objectContaining({ ruleId: 'python.libpq.options-through-pgbouncer', crossFile: true }),
    ]);
    const text = run(['check', app, ini]).stdout;
    expect(text).toContain(`${app}: read with PgBouncer closes application connections idle for 120 s`);
    expect(text).toMatch(/options-through-pgbouncer: .*\[from the other files\]/);
    // fix reads them together too: without pre-ping, the recycle it adds stays under PgBouncer's limit.
    const bare = tempFile('db.py', SNIPPET);
    run(['fix', bare, ini]);
    expect(readFileSync(bare, 'utf8')).toContain('pool_recycle=80');
    const alone = tempFile('db.py', SNIPPET);
    run(['fix', alone]);
    expect(readFileSync(alone, 'utf8')).toBe(FIXED);
  });

  it('exits 0 with no findings, in text', () => {
    const file = tempFile('db.py', RESILIENT);
    const { code, stdout } = run(['check', file]);
    expect(code).toBe(0);
    expect(stdout).toBe('no findings\n');
  });

  it('prints file:line:column findings in text', () => {
    const file = tempFile('db.py', SNIPPET);
    const { code, stdout } = run(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:10: warning python\\.sqlalchemy\\.pre-ping-missing: `,
      ),
    );
    expect(stdout).toMatch(/\n\d+ findings, \d+ with a fix \(staleproof fix\)\n$/);
  });

  it('reads standard input, named by --filename or detected from content', () => {
    const named = run(['check', '--format', 'json', '--filename', 'app/db.py', '-'], SNIPPET);
    expect(named.code).toBe(1);
    expect(JSON.parse(named.stdout)[0]).toMatchObject({ file: 'app/db.py', format: 'python' });
    const detected = run(['check', '--format', 'json', '-'], SNIPPET);
    expect(JSON.parse(detected.stdout)[0]).toMatchObject({ file: '<stdin>', format: 'python' });
  });

  it.each([
    [['check'], /no FILE given/],
    [['lint', 'x.py'], /unknown command "lint"/],
    [['check', '--format', 'xml', 'x.py'], /--format must be text or json/],
    [['check', '--env', 'colour=blue', 'x.py'], /unknown environment name "colour"/],
    [['check', '--env', 'failoverProne=maybe', 'x.py'], /true or false/],
    [['check', '--env', 'preset=moon', 'x.py'], /preset: "moon" must be one of none, aws-nlb/],
    [['check', '--as', 'cobol', 'x.py'], /--as must be one of/],
    [['check', '--bogus', 'x.py'], /Unknown option '--bogus'/],
    [['fix', '--stdout', 'a.py', 'b.py'], /--stdout takes one FILE/],
  ])('exits 2 on the usage error %j with one line on stderr', (args, message) => {
    const { code, stderr, stdout } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('accepts every documented --env name', () => {
    const file = tempFile('db.py', RESILIENT);
    const env = [
      'preset=aws-nlb',
      'middleboxIdleSeconds=350',
      'failoverProne=true',
      'behindPgbouncer=false',
      'platform=rds',
      'os=linux',
      'pgMajor=15',
      'pgbouncerVersion=1.18.0',
      'sqlalchemy=2.0.36',
      'psycopg=3.1.7',
      'psycopg2=2.9.5',
      'asyncpg=0.27.0',
      'django=4.2',
      'pg=8.11.3',
      'pgPool=3.6.1',
      'postgresjs=3.4.4',
      'sequelize=6.37.3',
      'knex=3.1.0',
      'typeorm=0.3.20',
      'prisma=5.22.0',
      'pgx=5.7.1',
      'go=1.22',
      'rails=7.1.3',
      'pgjdbc=42.5.0',
      'hikariCP=5.1.0',
      'springBoot=3.3.4',
      'tomcatJdbc=9.0.85',
      'dbcp2=2.9.0',
      'c3p0=0.9.5.5',
      'quarkus=3.15.1',
    ];
    const { code, stderr } = run(['check', ...env.flatMap((e) => ['--env', e]), file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  describe('unusable input exits 2 with a clear message', () => {
    it('a missing file', () => {
      const { code, stderr } = run(['check', '/nonexistent/db.py']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/\/nonexistent\/db\.py: cannot read: ENOENT/);
    });

    it('binary bytes', () => {
      const file = tempFile('blob.py', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      const { code, stderr } = run(['check', file]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/binary/);
    });

    it('10 MB of text', () => {
      const file = tempFile('huge.py', `${SNIPPET}${'# padding\n'.repeat(1_000_000)}`);
      const { code, stderr } = run(['check', file]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/MiB/);
    });

    it('an unknown format, which --as resolves', () => {
      const file = tempFile('notes.txt', SNIPPET.replace(/\n/g, ' '));
      const unknown = run(['check', tempFile('notes.txt', 'just some words')]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/Cannot tell what kind of config/);
      const chosen = run(['check', '--as', 'python', file]);
      expect(chosen.code).toBe(1);
    });
  });

  it('empty input is not an error: a note, and no findings', () => {
    const { code, stderr, stdout } = run(['check', tempFile('empty.py', '')]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/empty/);
    expect(stdout).toBe('no findings\n');
  });

  it('a file that does not parse: a warning with the line, and the findings it could make', () => {
    const file = tempFile('db.py', `${SNIPPET}\ndef broken(:\n`);
    const { code, stderr, stdout } = run(['check', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/syntax error.*line 7/);
    expect(stdout).toMatch(/pre-ping-missing/);
  });
});

describe('staleproof fix', () => {
  it('rewrites the file in place, keeping CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${SNIPPET.replace(/\n/g, '\r\n')}`;
    const file = tempFile('db.py', crlf);
    const { code, stderr } = run(['fix', file]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/applied \d+ fix/);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n')}`);
    const again = run(['fix', file]);
    expect(again.stderr).toMatch(/nothing to fix/);
  });

  it('prints the patched text with --stdout and leaves the file alone', () => {
    const file = tempFile('db.py', SNIPPET);
    const { code, stdout } = run(['fix', '--stdout', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(FIXED);
    expect(readFileSync(file, 'utf8')).toBe(SNIPPET);
  });

  it('reads standard input and prints the result', () => {
    expect(run(['fix', '--filename', 'db.py', '-'], SNIPPET).stdout).toBe(FIXED);
  });
});

describe('staleproof redact', () => {
  const text = 'url = "postgresql://app:fake-cli-pw@db/app"\ndsn = "host=db user=app password=fake-dsn-pw"\n';

  it('prints the redacted text', () => {
    const { code, stdout } = run(['redact', tempFile('settings.py', text)]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'url = "postgresql://app:REDACTED_PASSWORD_1@db/app"\ndsn = "host=db user=app password=REDACTED_PASSWORD_2"\n',
    );
  });

  it('prints JSON with positions of each redaction', () => {
    const { stdout } = run(['redact', '--format', 'json', tempFile('settings.py', text)]);
    const body = JSON.parse(stdout);
    expect(body.text).not.toMatch(/fake-(cli|dsn)-pw/);
    expect(body.redactions).toEqual([
      { kind: 'password', line: 1, column: 25, length: 11 },
      { kind: 'password', line: 2, column: 34, length: 11 },
    ]);
  });
});

describe('--help and --version', () => {
  it('prints usage and the package version, exit 0', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/staleproof check/);
    expect(help.stdout).toMatch(/--env NAME=VALUE/);
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(packageJson.version);
  });
});
