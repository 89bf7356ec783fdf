import type { Redaction } from '../../../engine/index';
import type { ExplainInput, PromptFinding } from '../../../prompts/explain';
import type { AppState } from '../store';

/** Values shorter than this are not searched for in the engine's own words (they would match inside words). */
const MIN_SCRUBBED = 4;

/** Each redacted value of the analysed text with its placeholder, longest first. */
function hiddenValues(text: string, redactions: readonly Redaction[]): [string, string][] {
  const pairs = new Map<string, string>();
  for (const r of redactions) pairs.set(text.slice(r.range.start, r.range.end), r.placeholder);
  return [...pairs]
    .filter(([value]) => value.length >= MIN_SCRUBBED)
    .sort((a, b) => b[0].length - a[0].length);
}

/**
 * The input of the explanation prompt, from the store: the active file's redacted text (the engine's
 * `RedactedText`, with the person's redaction choices), its format, the environment, the findings with
 * their fixes (and whether each is applied) and the review-fix notes. null until there is a usable
 * result. The one place that decides what goes into a prompt: everything else reads through here.
 *
 * The findings' own words never carry a secret (the rule harness checks it); the values the page
 * redacted are still replaced by their placeholders in them, so a host hidden by choice stays hidden.
 * Lines are counted in the redacted text, where a multi-line secret is one placeholder.
 */
export function explainInputOf(state: AppState): ExplainInput | null {
  const { result, analysedText } = state;
  if (!result || result.format.format === 'unknown' || result.problems.some((p) => p.fatal)) return null;
  const hidden = hiddenValues(analysedText, result.redactions);
  const scrub = (words: string) =>
    hidden.reduce((out, [value, placeholder]) => out.split(value).join(placeholder), words);
  const removedLinesBefore = (offset: number) =>
    result.redactions
      .filter((r) => r.range.end <= offset)
      .reduce(
        (sum, r) => sum + (analysedText.slice(r.range.start, r.range.end).match(/\n/g)?.length ?? 0),
        0,
      );
  const selected = new Set(result.selected);
  const findings: PromptFinding[] = result.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.line - removedLinesBefore(f.range.start),
    message: scrub(f.message),
    fix: f.fix ? { safety: f.fix.safety, description: scrub(f.fix.description) } : null,
    chosen: selected.has(f.id),
  }));
  const reviewNotes = Object.fromEntries(
    Object.entries(result.reviewNotes).map(([ruleId, note]) => [ruleId, scrub(note)]),
  );
  return {
    config: result.redacted,
    format: result.format.format,
    environment: state.environment,
    findings,
    reviewNotes,
  };
}
