import { describe, expect, it } from 'vitest';
import { engine } from '../tests/support/engine';
import { crossFileFindingIds, environmentForFile, type ProjectFile, readProjectFacts } from './project';

const APP: ProjectFile = {
  id: 'app',
  label: 'db.py',
  format: 'python',
  text: 'engine = create_engine(\n    DATABASE_URL,\n    pool_pre_ping=True,\n    pool_recycle=200,\n)\n',
};

function pgbouncer(body: string, eol = '\n'): ProjectFile {
  const text = ['[databases]', 'app = host=db.internal dbname=app', '', '[pgbouncer]', body, '']
    .join('\n')
    .replace(/\n/g, eol);
  return { id: 'pgb', label: 'pgbouncer.ini', format: 'pgbouncer-ini', text };
}

function postgres(body: string): ProjectFile {
  return { id: 'pg', label: 'postgresql.conf', format: 'postgresql-conf', text: body };
}

describe('facts read from server-side files', () => {
  it('pgbouncer.ini: PgBouncer in front, and its client_idle_timeout with its line (CRLF, last occurrence wins)', () => {
    const file = pgbouncer(
      'listen_port = 6432\r\n;client_idle_timeout = 30\r\nclient_idle_timeout = 900\r\nclient_idle_timeout = 120 ',
      '\r\n',
    );
    const facts = readProjectFacts([APP, file]);
    expect(facts).toEqual([
      expect.objectContaining({ kind: 'behind-pgbouncer', fileId: 'pgb', line: 4 }),
      expect.objectContaining({
        kind: 'idle-limit',
        key: 'client_idle_timeout',
        seconds: 120,
        line: 8,
        closes: 'pgbouncer-clients',
      }),
    ]);
    expect(facts[1]?.summary).toContain('pgbouncer.ini line 8');
  });

  it('pgbouncer.ini: a client_idle_timeout of 0 (off) or a file without [pgbouncer] states no idle limit', () => {
    expect(readProjectFacts([pgbouncer('client_idle_timeout = 0')]).map((f) => f.kind)).toEqual([
      'behind-pgbouncer',
    ]);
    const noSection: ProjectFile = { ...pgbouncer(''), text: '[databases]\napp = host=db\n' };
    expect(readProjectFacts([noSection])).toEqual([]);
  });

  it('postgresql.conf: idle_session_timeout in its units, commented lines ignored, the major from the paths', () => {
    const facts = readProjectFacts([
      postgres(
        "data_directory = '/var/lib/postgresql/15/main'\n#idle_session_timeout = 1min\nidle_session_timeout = '5min'\t# ends idle sessions\n",
      ),
    ]);
    expect(facts).toEqual([
      expect.objectContaining({ kind: 'idle-limit', key: 'idle_session_timeout', seconds: 300, line: 3 }),
      expect.objectContaining({ kind: 'pg-major', major: 15, line: 1 }),
    ]);
  });

  it('client files state nothing', () => {
    expect(readProjectFacts([APP])).toEqual([]);
  });
});

describe('the profile each file is read with', () => {
  it('an application behind the pgbouncer.ini of another tab: behindPgbouncer, and the tighter idle limit', () => {
    const facts = readProjectFacts([APP, pgbouncer('client_idle_timeout = 120')]);
    const { environment, applied } = environmentForFile({}, APP, facts);
    // A clean close: an idle limit for pool bounds, not a middlebox that keepalives would have to beat.
    expect(environment).toEqual({
      behindPgbouncer: true,
      idleCloseSeconds: 120,
      idleCloseSource: 'client_idle_timeout in pgbouncer.ini line 5',
    });
    expect(applied.map((f) => f.kind)).toEqual(['behind-pgbouncer', 'idle-limit']);
  });

  it('what the user stated wins: behindPgbouncer=false, a smaller middlebox timeout, a pgMajor', () => {
    const facts = readProjectFacts([
      pgbouncer('client_idle_timeout = 120'),
      postgres("data_directory = '/var/lib/postgresql/13/main'\nidle_session_timeout = 60s\n"),
    ]);
    // Not behind PgBouncer: the server's limit is the one that closes this application's sessions.
    expect(environmentForFile({ behindPgbouncer: false }, APP, facts).environment).toEqual({
      behindPgbouncer: false,
      idleCloseSeconds: 60,
      idleCloseSource: 'idle_session_timeout in postgresql.conf line 2',
      pgMajor: 13,
    });
    expect(environmentForFile({ middleboxIdleSeconds: 100, pgMajor: 16 }, APP, facts).environment).toEqual({
      behindPgbouncer: true,
      middleboxIdleSeconds: 100,
      pgMajor: 16,
    });
  });

  it('a limit looser than the unknown-middlebox default changes nothing, and a file never feeds itself', () => {
    const loose = readProjectFacts([pgbouncer('client_idle_timeout = 3600')]);
    expect(environmentForFile({}, APP, loose).environment).toEqual({ behindPgbouncer: true });
    const pgb = pgbouncer('client_idle_timeout = 60');
    expect(environmentForFile({}, pgb, readProjectFacts([pgb])).applied).toEqual([]);
  });

  it('server-side files take the version but none of the client facts', () => {
    const pg = postgres("hba_file = '/etc/postgresql/14/main/pg_hba.conf'\n");
    const pgb = pgbouncer('client_idle_timeout = 60');
    const facts = readProjectFacts([pg, pgb]);
    expect(environmentForFile({}, pgb, facts).environment).toEqual({ pgMajor: 14 });
    expect(environmentForFile({}, pg, facts).environment).toEqual({});
  });
});

describe('findings that span files (real engine)', () => {
  it("PgBouncer's client_idle_timeout makes a recycle that was fine too long, and only that finding is cross-file", async () => {
    // Without pre-ping the recycle is all that keeps a closed connection from being handed out.
    const app = { ...APP, text: APP.text.replace('    pool_pre_ping=True,\n', '') };
    const facts = readProjectFacts([app, pgbouncer('client_idle_timeout = 120')]);
    const { environment } = environmentForFile({}, app, facts);
    const alone = await engine.analyse(app.text, { filename: 'db.py' });
    const together = await engine.analyse(app.text, { filename: 'db.py', environment });
    expect(alone.findings.map((f) => f.ruleId)).not.toContain('python.sqlalchemy.recycle-too-long');
    const recycle = together.findings.find((f) => f.ruleId === 'python.sqlalchemy.recycle-too-long');
    expect(recycle?.message).toContain(
      'past the 120 s after which it is closed (client_idle_timeout in pgbouncer.ini line 5)',
    );
    expect(crossFileFindingIds(alone.findings, together.findings)).toEqual([recycle?.id]);
    // The fix bounds the recycle under the limit the other file states.
    expect(together.patched).toContain('pool_recycle=80');
  });

  it('with pre-ping on, a clean close is caught at checkout: the recycle is held only to the middlebox', async () => {
    const facts = readProjectFacts([APP, pgbouncer('client_idle_timeout = 120')]);
    const { environment } = environmentForFile({}, APP, facts);
    const together = await engine.analyse(APP.text, { filename: 'db.py', environment });
    expect(together.findings.map((f) => f.ruleId)).not.toContain('python.sqlalchemy.recycle-too-long');
    // A middlebox of the same 120 s is another matter: a ping can hang on a silently dropped flow.
    const stated = await engine.analyse(APP.text, {
      filename: 'db.py',
      environment: { ...environment, middleboxIdleSeconds: 120 },
    });
    expect(stated.findings.map((f) => f.ruleId)).toContain('python.sqlalchemy.recycle-too-long');
  });

  it('libpq startup options are reported once a pgbouncer.ini is among the files, whatever the host', async () => {
    const app: ProjectFile = {
      id: 'app',
      label: 'db.py',
      format: 'python',
      text: 'import psycopg2\nconn = psycopg2.connect(os.environ["DSN"], options="-c statement_timeout=5000")\n',
    };
    const facts = readProjectFacts([app, pgbouncer('pool_mode = transaction')]);
    const { environment } = environmentForFile({}, app, facts);
    const alone = await engine.analyse(app.text, { filename: 'db.py' });
    const together = await engine.analyse(app.text, { filename: 'db.py', environment });
    const ids = crossFileFindingIds(alone.findings, together.findings);
    expect(ids.length).toBeGreaterThan(0);
    const cross = together.findings.filter((f) => ids.includes(f.id));
    expect(cross.some((f) => /pgbouncer/i.test(f.message))).toBe(true);
  });

  it('crossFileFindingIds: the same rule on the same line is the same finding, whatever numbers changed', () => {
    const a = { ruleId: 'r', line: 3 };
    const together = [
      { ...a, id: 'r@1' },
      { ...a, line: 4, id: 'r@2' },
      { ruleId: 's', line: 3, id: 's@1' },
    ];
    expect(crossFileFindingIds([a], together)).toEqual(['r@2', 's@1']);
  });
});
