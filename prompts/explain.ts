import type { RedactedText } from '../core/redacted';
import type { Finding } from '../core/types';
import type { FormatId } from '../wasm-parsers/formats';

/** Bumped whenever the wording changes, so answers can be traced to the prompt that produced them. */
export const EXPLAIN_PROMPT_VERSION = 2;

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ExplainInput {
  /** Only redacted text is accepted: the type makes raw user text a compile error here. */
  config: RedactedText;
  format: FormatId;
  findings: readonly Pick<Finding, 'ruleId' | 'severity' | 'line' | 'message' | 'fix'>[];
}

const SYSTEM = [
  'You explain PostgreSQL connection-pool configuration problems to the engineer who owns the service.',
  'A deterministic checker has already found the problems and proposed fixes; explain them, do not invent new settings.',
  'For each finding: what fails in production and when (failover, idle timeout, restart), why the fix works, and what a fix labelled review might change.',
  'Finish with what to watch in production after deploying. Values shown as REDACTED_<KIND>_<n> (REDACTED_PASSWORD_1, REDACTED_HOST_2…) were removed on purpose: never ask for them, and keep the placeholders as they are in any snippet you write.',
].join(' ');

/** Builds the chat messages for the explanation request. Pure: no network, no secrets. */
export function buildExplainMessages(input: ExplainInput): ChatMessage[] {
  const findings = input.findings
    .map((f) => {
      const fix = f.fix ? ` Fix (${f.fix.safety}): ${f.fix.description}` : ' No automatic fix.';
      return `- [${f.severity}] ${f.ruleId} at line ${f.line}: ${f.message}${fix}`;
    })
    .join('\n');
  const user = [
    `Format: ${input.format}`,
    `Findings:\n${findings || '- none'}`,
    `Configuration (secrets redacted):\n\`\`\`\n${input.config}\n\`\`\``,
  ].join('\n\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}
