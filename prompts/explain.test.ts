import { describe, expect, it } from 'vitest';
import { redact } from '../redaction/redact';
import { engine } from '../tests/support/engine';
import { buildExplainMessages, EXPLAIN_PROMPT_VERSION } from './explain';

describe('buildExplainMessages', () => {
  it('carries the findings and the redacted config, and no secret', async () => {
    const text = 'engine = create_engine("postgresql://app:fake-prompt-pw@db/app", pool_size=5)\n';
    const result = await engine.analyse(text, { filename: 'db.py' });
    const messages = buildExplainMessages({
      config: redact(text).text,
      format: 'python',
      findings: result.findings,
    });
    expect(EXPLAIN_PROMPT_VERSION).toBeGreaterThan(0);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    const user = messages[1]?.content ?? '';
    expect(user).toContain('python.sqlalchemy.pre-ping-missing at line 1');
    expect(user).toContain('Fix (safe)');
    expect(user).toContain('postgresql://app:REDACTED_PASSWORD_1@db/app');
    expect(JSON.stringify(messages)).not.toContain('fake-prompt-pw');
  });
});
