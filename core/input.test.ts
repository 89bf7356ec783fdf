import { describe, expect, it } from 'vitest';
import { checkInput, looksBinary, MAX_INPUT_CHARS } from './input';

describe('checkInput', () => {
  it('calls blank input empty but not unusable', () => {
    expect(checkInput('')).toMatchObject({ kind: 'empty', fatal: false });
    expect(checkInput(' \n\t\r\n')).toMatchObject({ kind: 'empty', fatal: false });
  });

  it('refuses input above the stated limit with its size in the message', () => {
    const problem = checkInput('a'.repeat(MAX_INPUT_CHARS + 1));
    expect(problem).toMatchObject({ kind: 'too-large', fatal: true });
    expect(problem?.message).toContain('2.0 MiB');
  });

  it('recognises binary data and leaves real text alone', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000binary')).toBe(true);
    expect(looksBinary('\u0001\u0002\u0003\u0004\u0005abc')).toBe(true);
    expect(looksBinary('key = "välue"\r\n\tother = 1\f\n')).toBe(false);
    expect(checkInput('engine = create_engine(url)\n')).toBeNull();
  });
});
