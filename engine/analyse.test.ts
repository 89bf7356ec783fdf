import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../core/input';
import { defineRule, type Rule } from '../rules/define-rule';
import { engine, host } from '../tests/support/engine';
import { createEngine } from './analyse';

const SNIPPET = 'engine = create_engine(\n    DATABASE_URL,\n    pool_size=10,\n    max_overflow=5,\n)\n';
const PRE_PING = 'python.sqlalchemy.pre-ping-missing';

describe('analyse: the engine contract', () => {
  it('returns format, findings with 1-based ranges and safe fixes, patched text, redactions and timings', async () => {
    const result = await engine.analyse(SNIPPET, { filename: 'db.py', rules: [PRE_PING] });
    expect(result.format).toMatchObject({ format: 'python', source: 'filename' });
    expect(result.findings).toEqual([
      expect.objectContaining({
        id: 'python.sqlalchemy.pre-ping-missing@9',
        ruleId: 'python.sqlalchemy.pre-ping-missing',
        severity: 'warning',
        line: 1,
        column: 10,
        endLine: 1,
        endColumn: 23,
        fix: expect.objectContaining({ safety: 'safe' }),
      }),
    ]);
    expect(result.patched).toBe(
      SNIPPET.replace('    max_overflow=5,\n', '    max_overflow=5,\n    pool_pre_ping=True,\n'),
    );
    expect(result.applied).toEqual(['python.sqlalchemy.pre-ping-missing@9']);
    expect(result.problems).toEqual([]);
    expect(result.redactions).toEqual([]);
    for (const value of Object.values(result.timings)) expect(value).toBeGreaterThanOrEqual(0);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.parseMs);
  });

  it('detects the format from content when there is no file name', async () => {
    const result = await engine.analyse(SNIPPET);
    expect(result.format).toMatchObject({ format: 'python', source: 'content' });
    expect(result.findings.map((f) => f.ruleId)).toContain(PRE_PING);
  });

  it('runs the whole catalog on the issue snippet: pre-ping and recycle fixed, keepalives only suggested', async () => {
    const result = await engine.analyse(SNIPPET, { filename: 'db.py' });
    expect(result.findings.map((f) => [f.ruleId, f.fix?.safety ?? null])).toEqual([
      [PRE_PING, 'safe'],
      ['python.sqlalchemy.recycle-disabled', 'safe'],
      ['python.libpq.keepalives-missing', null],
    ]);
    expect(result.patched).toBe(
      SNIPPET.replace(
        '    max_overflow=5,\n',
        '    max_overflow=5,\n    pool_pre_ping=True,\n    pool_recycle=200,\n',
      ),
    );
  });

  it('redacts DSN passwords and never puts them in a finding', async () => {
    const text = 'engine = create_engine("postgresql://app:fake-secret-pw@db/app")\n';
    const result = await engine.analyse(text, { filename: 'db.py' });
    expect(result.redacted).not.toContain('fake-secret-pw');
    expect(result.redactions).toHaveLength(1);
    expect(JSON.stringify(result.findings)).not.toContain('fake-secret-pw');
    expect(result.patched).toContain('fake-secret-pw');
    expect(result.redacted).toBe('engine = create_engine("postgresql://app:REDACTED_PASSWORD_1@db/app")\n');
  });

  it('passes redaction options through: infrastructure identifiers on request', async () => {
    const text = 'engine = create_engine("postgresql://svc_app:fake-secret-pw@pg-1.corp.internal/orders")\n';
    const result = await engine.analyse(text, {
      filename: 'db.py',
      redaction: { categories: { secrets: true, infrastructure: true } },
    });
    expect(result.redacted).toBe(
      'engine = create_engine("postgresql://REDACTED_USER_1:REDACTED_PASSWORD_1@REDACTED_HOST_1/REDACTED_DATABASE_1")\n',
    );
    expect(result.redactions.map((r) => r.category)).toEqual([
      'infrastructure',
      'secret',
      'infrastructure',
      'infrastructure',
    ]);
  });

  it('applies only the chosen findings when asked', async () => {
    const text = 'a = create_engine(URL_A)\nb = create_engine(URL_B)\n';
    const all = await engine.analyse(text, { filename: 'x.py', rules: [PRE_PING] });
    expect(all.findings).toHaveLength(2);
    const second = all.findings[1]?.id ?? '';
    const one = await engine.analyse(text, { filename: 'x.py', fixes: [second], rules: [PRE_PING] });
    expect(one.patched).toBe('a = create_engine(URL_A)\nb = create_engine(URL_B, pool_pre_ping=True)\n');
    expect(one.applied).toEqual([second]);
    const none = await engine.analyse(text, { filename: 'x.py', fixes: [] });
    expect(none.patched).toBe(text);
  });

  describe('bad input gets a clear message and loses nothing', () => {
    it('empty text', async () => {
      const result = await engine.analyse('  \n');
      expect(result.problems).toEqual([expect.objectContaining({ kind: 'empty', fatal: false })]);
      expect(result.findings).toEqual([]);
      expect(result.patched).toBe('  \n');
    });

    it('text above the limit', async () => {
      const text = `${SNIPPET}${'#'.repeat(MAX_INPUT_CHARS)}`;
      const result = await engine.analyse(text, { filename: 'big.py' });
      expect(result.problems[0]).toMatchObject({ kind: 'too-large', fatal: true });
      expect(result.problems[0]?.message).toMatch(/MiB/);
      expect(result.patched).toBe(text);
    });

    it('binary bytes', async () => {
      const result = await engine.analyse('\u0000\u0001PNG\u0000\u0002', { filename: 'x.py' });
      expect(result.problems[0]).toMatchObject({ kind: 'binary', fatal: true });
      expect(result.findings).toEqual([]);
    });

    it('text in an unknown format', async () => {
      const result = await engine.analyse('just some notes about the outage');
      expect(result.format.format).toBe('unknown');
      expect(result.problems[0]).toMatchObject({ kind: 'unknown-format', fatal: true });
      expect(result.problems[0]?.message).toMatch(/Choose its format/);
      const chosen = await engine.analyse('just some notes about the outage', { format: 'python' });
      expect(chosen.problems.some((p) => p.kind === 'unknown-format')).toBe(false);
    });

    it('a pasted traceback: which stack failed, how, and what to paste next', async () => {
      const traceback = [
        'Traceback (most recent call last):',
        '  File "/app/api.py", line 42, in handler',
        '    rows = conn.execute(text("SELECT 1"))',
        'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly',
        '\tThis probably means the server terminated abnormally',
      ].join('\n');
      const result = await engine.analyse(traceback);
      expect(result.format.format).toBe('unknown');
      expect(result.errors[0]).toMatchObject({ id: 'python.psycopg.server-closed', line: 4 });
      expect(result.errors[0]?.rules).toContain('python.sqlalchemy.pre-ping-missing');
      expect(result.problems[0]?.message).toMatch(
        /error from psycopg2 \/ psycopg \(line 4\).*Paste the module that calls create_engine/,
      );
      expect(result.findings).toEqual([]);
    });

    it('a file of the right format that does not parse', async () => {
      const text = `${SNIPPET}\ndef broken(:\n    pass\n`;
      const result = await engine.analyse(text, { filename: 'db.py' });
      const problem = result.problems.find((p) => p.kind === 'syntax-errors');
      expect(problem).toMatchObject({ fatal: false });
      expect(problem?.message).toMatch(/line 7/);
      expect(result.diagnostics[0]).toMatchObject({ line: 7 });
      // The engine still reports what it can see, and its fix adds no error.
      expect(result.findings.map((f) => f.ruleId)).toContain(PRE_PING);
      expect(result.patched).toContain('pool_pre_ping=True');
    });
  });
});

describe('the fix loop', () => {
  const base = {
    severity: 'warning' as const,
    formats: ['python' as const],
    docs: {
      what: 'test rule',
      why: 'test rule',
      example: { before: 'a', after: 'b' },
      fixSafety: 'safe',
      sources: [],
    },
  };

  /** A rule that replaces the first `x` with `text` when the file has no `marker`. */
  function replacing(id: string, text: string, marker: string, safety: 'safe' | 'review' = 'safe'): Rule {
    return defineRule({
      ...base,
      id,
      title: id,
      check({ text: source, report }) {
        const at = source.indexOf('x');
        if (at < 0 || source.includes(marker)) return;
        report({
          range: { start: at, end: at + 1 },
          message: id,
          fix: { safety, description: id, edits: [{ start: at, end: at + 1, text }] },
        });
      },
    });
  }

  it('defers a conflicting fix to the next pass instead of dropping or mangling it', async () => {
    const rules = [replacing('t.a', 'x # A', '# A'), replacing('t.b', 'x # B', '# B')];
    const looped = createEngine({ host, rules });
    const result = await looped.analyse('x = 1\n', { format: 'python' });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['t.a', 't.b']);
    expect(result.patched).toBe('x # B # A = 1\n');
    expect(result.applied).toEqual(['t.a@0']);
    expect(result.skipped).toEqual([]);
  });

  it('drops a fix whose result no longer parses and keeps the others', async () => {
    const rules = [replacing('t.breaks', 'x = (', '('), replacing('t.fine', 'x  # fine', '# fine')];
    const looped = createEngine({ host, rules });
    const result = await looped.analyse('x = 1\n', { format: 'python' });
    expect(result.skipped).toEqual([{ findingId: 't.breaks@0', reason: 'breaks-syntax' }]);
    expect(result.patched).toBe('x  # fine = 1\n');
  });

  it("skips a rule that throws, names it in a problem, and keeps the other rules' findings and fixes", async () => {
    const broken = defineRule({
      ...base,
      id: 't.broken',
      title: 't.broken',
      check({ report }) {
        report({ range: { start: 0, end: 1 }, message: 'half-done', fix: null });
        throw new Error('query failed');
      },
    });
    const looped = createEngine({ host, rules: [broken, replacing('t.fine', 'y', 'y')] });
    const result = await looped.analyse('x = 1\n', { format: 'python' });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['t.fine']);
    expect(result.patched).toBe('y = 1\n');
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'rule-failed',
        fatal: false,
        message: expect.stringContaining('t.broken: query failed'),
      }),
    ]);
  });

  it('keeps the first of two fixes that parse alone but not together, and names the other', async () => {
    const inserting = (id: string, insert: string) =>
      defineRule({
        ...base,
        id,
        title: id,
        check({ text: source, report }) {
          const at = source.indexOf('1');
          if (at < 0 || source.includes(insert)) return;
          report({
            range: { start: at, end: at + 1 },
            message: id,
            fix: { safety: 'safe', description: id, edits: [{ start: at, end: at, text: insert }] },
          });
        },
      });
    // `x = lambda: 1` and `x = yield 1` are both fine; `x = lambda: yield 1` is not.
    const looped = createEngine({
      host,
      rules: [inserting('t.lambda', 'lambda: '), inserting('t.yield', 'yield ')],
    });
    const result = await looped.analyse('x = 1\n', { format: 'python' });
    expect(result.patched).toBe('x = lambda: 1\n');
    expect(result.applied).toEqual(['t.lambda@4']);
    expect(result.skipped).toEqual([{ findingId: 't.yield@4', reason: 'breaks-syntax' }]);
  });

  it('applies review fixes only when asked', async () => {
    const looped = createEngine({ host, rules: [replacing('t.review', 'y', 'y', 'review')] });
    expect((await looped.analyse('x = 1\n', { format: 'python' })).patched).toBe('x = 1\n');
    expect((await looped.analyse('x = 1\n', { format: 'python', unsafe: true })).patched).toBe('y = 1\n');
  });

  it('runs opt-in advisories only when asked for, or when named', async () => {
    const hint = defineRule({ ...replacing('t.hint', 'y', 'y'), optIn: true });
    const looped = createEngine({ host, rules: [hint, replacing('t.always', 'x', 'x')] });
    const ids = async (options: object) =>
      (await looped.analyse('x = 1\n', { format: 'python', ...options })).findings.map((f) => f.ruleId);
    expect(await ids({})).toEqual([]);
    expect(await ids({ optIn: true })).toEqual(['t.hint']);
    expect(await ids({ rules: ['t.hint'] })).toEqual(['t.hint']);
  });
});

describe('an explicit selection: chosen fixes left out of one pass are applied in later ones', () => {
  const TCP = 'python.libpq.tcp-user-timeout-missing';
  const KEEPALIVES = 'python.libpq.keepalives-missing';
  const CONNECT = 'python.libpq.connect-timeout-missing';
  // Keepalives (safe) and the two libpq review fixes all add to a `connect_args` none of them created.
  const TEXT = `from sqlalchemy import create_engine

DATABASE_URL = "postgresql://app:Fake-Pw-123@db.internal/orders"

engine = create_engine(
    DATABASE_URL,
    pool_size=10,
    pool_recycle=-1,
)
`;
  const OPTIONS = { filename: 'pool.py' };
  const rule = (id: string) => id.split('@')[0];

  async function choose(text: string, pick: (ruleId: string, safety: string) => boolean) {
    const all = await engine.analyse(text, OPTIONS);
    const fixes = all.findings.filter((f) => f.fix && pick(f.ruleId, f.fix.safety)).map((f) => f.id);
    return { fixes, result: await engine.analyse(text, { ...OPTIONS, fixes }) };
  }

  it('adds two chosen connect_args keys to a create_engine without connect_args', async () => {
    const { fixes, result } = await choose(TEXT, (id, safety) => safety === 'safe' || id === TCP);
    expect(result.patched).toContain('"keepalives_count": 3, "tcp_user_timeout": 30000}');
    expect(result.patched).not.toContain('connect_timeout');
    expect(result.skipped).toEqual([]);
    expect([...result.applied].sort()).toEqual([...fixes].sort());
    expect(result.applied.map(rule).sort()).toEqual(
      [PRE_PING, KEEPALIVES, 'python.sqlalchemy.recycle-disabled', TCP].sort(),
    );
  });

  it('never applies a fix that was not chosen, in any pass', async () => {
    const { result } = await choose(TEXT, (id) => id === TCP || id === CONNECT);
    expect(result.patched).toContain('connect_args={"tcp_user_timeout": 30000, "connect_timeout": 10}');
    expect(result.patched).not.toContain('keepalives');
    expect(result.patched).not.toContain('pool_pre_ping');
    expect(result.patched).toContain('pool_recycle=-1');
    expect(result.skipped).toEqual([]);
  });

  it('follows a finding whose line the first pass changed (a call on one line)', async () => {
    const text =
      'from sqlalchemy import create_engine\n\nengine = create_engine("postgresql+psycopg2://app@db.internal/orders")\n';
    const { result } = await choose(text, (id) => id === KEEPALIVES || id === TCP);
    expect(result.patched).toContain(
      'connect_args={"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3, "tcp_user_timeout": 30000}',
    );
    expect(result.applied.map(rule).sort()).toEqual([KEEPALIVES, TCP].sort());
    expect(result.skipped).toEqual([]);
  });

  it('applies a chosen insertion into a dict another chosen fix empties, on top', async () => {
    // Removing the refused key empties the dict the keepalives and tcp_user_timeout go into.
    const text = `from sqlalchemy import create_engine

engine = create_engine(
    "postgresql+psycopg2://app@db.internal/orders",
    connect_args={"command_timeout": 60},
)
`;
    const all = await engine.analyse(text, OPTIONS);
    const fixes = all.findings
      .filter((f) => f.fix && (f.fix.safety === 'safe' || f.ruleId === TCP))
      .map((f) => f.id);
    const result = await engine.analyse(text, { ...OPTIONS, fixes });
    expect(result.patched).toContain(
      'connect_args={"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3, "tcp_user_timeout": 30000}',
    );
    expect(result.patched).not.toContain('command_timeout');
    expect(result.skipped).toEqual([]);
    expect(new Set(result.applied)).toEqual(new Set(fixes));
  });

  it('is idempotent: the patched text with the same choices does not change', async () => {
    for (const pick of [
      (id: string, safety: string) => safety === 'safe' || id === TCP,
      (id: string) => id === TCP || id === CONNECT,
    ]) {
      const { fixes, result } = await choose(TEXT, pick);
      const again = await engine.analyse(result.patched, { ...OPTIONS, fixes });
      expect(again.patched).toBe(result.patched);
      // The same rules chosen in the patched text's own findings: nothing of theirs is left to fix.
      const chosenRules = new Set(fixes.map(rule));
      const same = again.findings.filter((f) => f.fix && chosenRules.has(f.ruleId)).map((f) => f.id);
      expect(same).toEqual([]);
    }
  });

  it('reports a chosen fix that still cannot be applied with the reason of its last attempt', async () => {
    const base = {
      severity: 'warning' as const,
      formats: ['python' as const],
      docs: { what: 't', why: 't', example: { before: 'a', after: 'b' }, fixSafety: 'safe', sources: [] },
    };
    const at1 = (id: string, insert: string, marker: string) =>
      defineRule({
        ...base,
        id,
        title: id,
        check({ text: source, report }) {
          const at = source.indexOf('1');
          if (at < 0 || source.includes(marker)) return;
          report({
            range: { start: at, end: at + 1 },
            message: id,
            fix: { safety: 'safe', description: id, edits: [{ start: at, end: at, text: insert }] },
          });
        },
      });
    // `x = lambda: 1` and `x = yield 1` each parse; `lambda: yield 1` never does, in any pass.
    const looped = createEngine({
      host,
      rules: [at1('t.lambda', 'lambda: ', 'lambda'), at1('t.yield', 'yield ', 'yield')],
    });
    const result = await looped.analyse('x = 1\n', { format: 'python', fixes: ['t.lambda@4', 't.yield@4'] });
    expect(result.patched).toBe('x = lambda: 1\n');
    expect(result.applied).toEqual(['t.lambda@4']);
    expect(result.skipped).toEqual([{ findingId: 't.yield@4', reason: 'breaks-syntax' }]);
  });
});
