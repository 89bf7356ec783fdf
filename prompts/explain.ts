import type { RedactedText } from '../core/redacted';
import { EXPLAIN_V3 } from './templates/explain-v3';
import type { ChatMessage, ExplainInput, ExplainTemplate } from './types';

export type { ChatMessage, ExplainFile, ExplainInput, ExplainTemplate, PromptFinding } from './types';

/** The template in use. Older versions stay in templates/ unchanged. */
export const EXPLAIN_TEMPLATE: ExplainTemplate = EXPLAIN_V3;

/** Bumped whenever the wording changes, so answers can be traced to the prompt that produced them. */
export const EXPLAIN_PROMPT_VERSION = EXPLAIN_TEMPLATE.version;

/** The messages of the first request: system prompt and the redacted config with its findings. Pure. */
export function buildExplainMessages(
  input: ExplainInput,
  template: ExplainTemplate = EXPLAIN_TEMPLATE,
): ChatMessage[] {
  return [
    { role: 'system', content: template.system },
    { role: 'user', content: template.firstUser(input) },
  ];
}

/**
 * The messages of a follow-up: the whole thread so far (system, first request, every answer and
 * question) and the new question, which must have been redacted too.
 */
export function buildFollowUpMessages(
  thread: readonly ChatMessage[],
  question: RedactedText,
  template: ExplainTemplate = EXPLAIN_TEMPLATE,
): ChatMessage[] {
  return [...thread, { role: 'user', content: template.followUp(question) }];
}
