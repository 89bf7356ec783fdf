import { describe, expect, it } from 'vitest';
import { engine } from '../../../tests/support/engine';
import { analyseChosen } from './chosen-fixes';
import { DEFAULT_SELECTION, resolveSelection } from './fix-selection';

// Keepalives (safe) and the two libpq review fixes all add to a `connect_args` none of them created.
// The later passes that make such choices work are the engine's (engine/analyse.test.ts); these check
// that the page's choices reach it.
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

  it('passes an explicit list to the engine, which applies a deferred chosen fix in a later pass', async () => {
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
});
