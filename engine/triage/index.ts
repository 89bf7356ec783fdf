import { GO_SIGNATURES } from './go';
import { JS_SIGNATURES } from './js';
import { JVM_SIGNATURES } from './jvm';
import { PYTHON_SIGNATURES } from './python';
import { RUBY_SIGNATURES } from './ruby';
import type { ErrorSignature, FailureClass, TriageMatch } from './types';

export type { ErrorSignature, FailureClass, TriageMatch } from './types';

/** Every stack's signatures; each stack adds its file here. */
export const SIGNATURES: readonly ErrorSignature[] = [
  ...PYTHON_SIGNATURES,
  ...JS_SIGNATURES,
  ...JVM_SIGNATURES,
  ...GO_SIGNATURES,
  ...RUBY_SIGNATURES,
];

const FAILURE_TEXT: Record<FailureClass, string> = {
  A: 'a connection closed by the server or a middlebox was handed out',
  B: 'a silently dropped connection hung until TCP gave up',
  C: 'a connection reached the wrong server after a failover',
  config: 'the driver rejected its configuration',
  exhausted: 'the pool ran out of connections',
  connect: 'a new connection could not be made',
};

export function describeFailure(failure: FailureClass): string {
  return FAILURE_TEXT[failure];
}

/** Signatures found in a pasted error or log, best first (priority, then earliest line). Never throws. */
export function triage(text: string, signatures: readonly ErrorSignature[] = SIGNATURES): TriageMatch[] {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const matches: TriageMatch[] = [];
  for (const signature of signatures) {
    const match = signature.pattern.exec(sample);
    if (!match) continue;
    const before = sample.slice(0, match.index);
    const line = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = sample.indexOf('\n', match.index);
    matches.push({
      signature,
      line,
      excerpt: sample
        .slice(lineStart, lineEnd === -1 ? sample.length : lineEnd)
        .trim()
        .slice(0, 200),
    });
  }
  return matches.sort((a, b) => (b.signature.priority ?? 0) - (a.signature.priority ?? 0) || a.line - b.line);
}
