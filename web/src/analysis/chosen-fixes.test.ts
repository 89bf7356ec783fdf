import { describe, expect, it } from 'vitest';
import { engine } from '../../../tests/support/engine';
import { analyseChosen } from './chosen-fixes';
import { DEFAULT_SELECTION, resolveSelection } from './fix-selection';

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
const TCP = 'python.libpq.tcp-user-timeout-missing';
const PRE_PING = 'python.sqlalchemy.pre-ping-missing';

async function chosen(choose: (ruleId: string, safety: string) => boolean) {
  const byDefault = await engine.analyse(TEXT, OPTIONS);
  const choices = byDefault.findings
    .filter((f) => f.fix)
    .map((f) => ({ id: f.id, ruleId: f.ruleId, line: '', on: choose(f.ruleId, f.fix?.safety ?? '') }));
  const resolved = resolveSelection(byDefault.findings, TEXT, { base: 'safe', choices });
  return { byDefault, result: await analyseChosen(engine, TEXT, OPTIONS, byDefault, resolved) };
}

describe('chosen fixes', () => {
  it('is the engine default when the safe fixes are chosen', async () => {
    const byDefault = await engine.analyse(TEXT, OPTIONS);
    const resolved = resolveSelection(byDefault.findings, TEXT, DEFAULT_SELECTION);
    expect(await analyseChosen(engine, TEXT, OPTIONS, byDefault, resolved)).toBe(byDefault);
  });

  it('applies a review fix that adds to the same place as a safe one, in a later pass', async () => {
    const { result } = await chosen((id, safety) => safety === 'safe' || id === TCP);
    expect(result.patched).toContain('"keepalives_count": 3, "tcp_user_timeout": 30000}');
    expect(result.patched).not.toContain('connect_timeout');
    expect(result.skipped).toEqual([]);
    expect(result.applied.map((id) => id.split('@')[0]).sort()).toEqual(
      [PRE_PING, 'python.libpq.keepalives-missing', 'python.sqlalchemy.recycle-disabled', TCP].sort(),
    );
  });

  it('leaves out a safe fix turned off, and only it', async () => {
    const { byDefault, result } = await chosen((id, safety) => safety === 'safe' && id !== PRE_PING);
    expect(result.patched).not.toContain('pool_pre_ping');
    expect(byDefault.patched.replace('    pool_pre_ping=True,\n', '')).toBe(result.patched);
  });

  it("matches every fix with 'all' to the engine's unsafe policy", async () => {
    const { result } = await chosen(() => true);
    expect(result.patched).toBe((await engine.analyse(TEXT, { ...OPTIONS, unsafe: true })).patched);
    expect(result.patched).toContain('"connect_timeout": 10');
    expect(result.patched).toContain(`"tcp_user_timeout": 30000`);
  });

  it('applies nothing when nothing is chosen', async () => {
    const { result } = await chosen(() => false);
    expect(result.patched).toBe(TEXT);
  });

  it('applies again, on the patched text, fixes that break the syntax only together', async () => {
    // Removing the refused key empties the dict the keepalives and tcp_user_timeout go into.
    const text = `from sqlalchemy import create_engine

engine = create_engine(
    "postgresql+psycopg2://app@db.internal/orders",
    connect_args={"command_timeout": 60},
)
`;
    const byDefault = await engine.analyse(text, OPTIONS);
    const choices = byDefault.findings
      .filter((f) => f.ruleId === TCP)
      .map((f) => ({ id: f.id, ruleId: f.ruleId, line: '', on: true }));
    const resolved = resolveSelection(byDefault.findings, text, { base: 'safe', choices });
    const result = await analyseChosen(engine, text, OPTIONS, byDefault, resolved);
    expect(result.patched).toContain(
      'connect_args={"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3, "tcp_user_timeout": 30000}',
    );
    expect(result.patched).not.toContain('command_timeout');
    expect(result.skipped).toEqual([]);
    expect(new Set(result.applied)).toEqual(new Set(resolved.selected));
  });
});
