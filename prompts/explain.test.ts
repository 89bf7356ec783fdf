import { describe, expect, it } from 'vitest';
import { redact } from '../redaction/redact';
import { SECRET_CONFIG, SECRETS } from '../tests/e2e/secrets';
import { engine } from '../tests/support/engine';
import {
  buildExplainMessages,
  buildFollowUpMessages,
  EXPLAIN_PROMPT_VERSION,
  type PromptFinding,
} from './explain';
import { EXPLAIN_V3, EXPLAIN_V3_VERSION } from './templates/explain-v3';

const ENVIRONMENT = { middleboxIdleSeconds: 350, pgMajor: 15, failoverProne: true } as const;

/** The real engine and its real redaction over a config full of fake secrets, as the page sends it. */
async function inputOf(text: string) {
  const result = await engine.analyse(text, { filename: 'settings.py', environment: ENVIRONMENT });
  const applied = new Set(result.applied);
  const findings: PromptFinding[] = result.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.line,
    message: f.message,
    fix: f.fix ? { safety: f.fix.safety, description: f.fix.description } : null,
    chosen: applied.has(f.id),
  }));
  return {
    result,
    input: {
      config: result.redacted,
      format: 'python' as const,
      environment: ENVIRONMENT,
      findings,
      reviewNotes: { 'python.example.review-rule': 'May change how long idle connections live.' },
    },
  };
}

describe('explain prompt', () => {
  it('is versioned: the version in use is the template’s own', () => {
    expect(EXPLAIN_PROMPT_VERSION).toBe(EXPLAIN_V3_VERSION);
    expect(EXPLAIN_V3.version).toBe(3);
  });

  it('carries every finding (rule id, message, fix), the environment and the redacted config, and no secret', async () => {
    const { result, input } = await inputOf(SECRET_CONFIG);
    expect(result.findings.length).toBeGreaterThan(0);
    const messages = buildExplainMessages(input);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    const user = messages[1]?.content ?? '';
    for (const f of result.findings) {
      expect(user).toContain(f.ruleId);
      expect(user).toContain(f.message);
      if (f.fix) expect(user).toContain(f.fix.description);
    }
    expect(user).toContain('Format: python');
    expect(user).toContain(': 350');
    expect(user).toContain('PostgreSQL major version: 15');
    expect(user).toContain('failover-prone (managed or HA database): true');
    expect(user).toContain('May change how long idle connections live.');
    expect(user).toContain(result.redacted);
    expect(user).toContain('REDACTED_PASSWORD_1');
    expect(user).toContain('REDACTED_PRIVATE_KEY_1');
    const sent = JSON.stringify(messages);
    for (const secret of SECRETS) expect(sent).not.toContain(secret);
  });

  it('several files of one deployment: what the others state, and each other file with its findings, redacted', async () => {
    const { input } = await inputOf(SECRET_CONFIG);
    const ini =
      '[databases]\napp = host=db.internal password=fake-ini-pw-77 dbname=app\n\n[pgbouncer]\nclient_idle_timeout = 120\n';
    const other = await engine.analyse(ini, { filename: 'pgbouncer.ini' });
    expect(other.findings.length).toBeGreaterThan(0);
    const messages = buildExplainMessages({
      ...input,
      name: 'settings.py',
      readWith: [
        'PgBouncer closes application connections idle for 120 s (client_idle_timeout, pgbouncer.ini line 5)',
      ],
      otherFiles: [
        {
          name: 'pgbouncer.ini',
          format: 'pgbouncer-ini',
          config: other.redacted,
          findings: other.findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            line: f.line,
            message: f.message,
            fix: f.fix ? { safety: f.fix.safety, description: f.fix.description } : null,
            chosen: false,
          })),
        },
      ],
    });
    const user = messages[1]?.content ?? '';
    expect(user).toContain('File: settings.py');
    expect(user).toContain('client_idle_timeout, pgbouncer.ini line 5');
    expect(user).toContain('Other file of the same deployment: pgbouncer.ini (format pgbouncer-ini)');
    for (const f of other.findings) expect(user).toContain(f.ruleId);
    expect(user).toContain(other.redacted);
    expect(user).toMatch(/how the files interact/);
    expect(JSON.stringify(messages)).not.toContain('fake-ini-pw-77');
    for (const secret of SECRETS) expect(JSON.stringify(messages)).not.toContain(secret);
  });

  it('asks for the incident, each fix, what review fixes may break and what to check, keeping placeholders', () => {
    const system = EXPLAIN_V3.system;
    expect(system).toMatch(/incident/);
    expect(system).toMatch(/why its fix works/);
    expect(system).toMatch(/review: what it may break/);
    expect(system).toMatch(/check in production/);
    expect(system).toMatch(/keep the placeholders exactly as they are/);
  });

  it('says when nothing was given for the environment or found', async () => {
    const text = 'x = 1\n';
    const messages = buildExplainMessages({
      config: redact(text).text,
      format: 'python',
      environment: {},
      findings: [],
      reviewNotes: {},
    });
    expect(messages[1]?.content).toContain('nothing given');
    expect(messages[1]?.content).toContain('Findings:\n- none');
  });

  it('a follow-up carries the whole thread and the redacted question', async () => {
    const { input } = await inputOf(SECRET_CONFIG);
    const first = buildExplainMessages(input);
    const thread = [...first, { role: 'assistant' as const, content: 'The pool keeps dead connections.' }];
    const question = `Would "postgresql://app:${SECRETS[1]}@db/orders" work with pool_pre_ping?`;
    const messages = buildFollowUpMessages(thread, redact(question).text);
    expect(messages.slice(0, 3)).toEqual(thread);
    expect(messages[3]?.role).toBe('user');
    expect(messages[3]?.content).toContain('pool_pre_ping');
    expect(JSON.stringify(messages)).not.toContain(SECRETS[1]);
  });
});
