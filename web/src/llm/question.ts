import type { RedactedText } from '../../../engine/index';
import { redact } from '../../../redaction/redact';
import { redactOptionsFor } from '../lib/redaction';
import type { AppState } from '../store';

/**
 * A follow-up question as it may be sent: every value the page hides in the config is replaced by the
 * same placeholder, then the question goes through the engine's redaction like any pasted text (a
 * password typed into the question is hidden too).
 */
export function redactQuestion(question: string, state: AppState): RedactedText {
  const { result, analysedText } = state;
  let text = question;
  if (result) {
    const pairs = new Map<string, string>();
    for (const r of result.redactions)
      pairs.set(analysedText.slice(r.range.start, r.range.end), r.placeholder);
    for (const [value, placeholder] of [...pairs].sort((a, b) => b[0].length - a[0].length)) {
      if (value.length >= 4) text = text.split(value).join(placeholder);
    }
  }
  return redact(text, redactOptionsFor(text, state)).text;
}
