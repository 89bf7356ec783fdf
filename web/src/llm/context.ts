import type { Redaction } from '../../../engine/index';
import type { ExplainFile, ExplainInput, PromptFinding } from '../../../prompts/explain';
import type { AnalysisView } from '../analysis/protocol';
import type { AppState } from '../store';
import { tabLabel } from '../store/filesSlice';

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

/** One analysed file as the prompt shows it: redacted text, format and findings; null when unusable. */
function fileInput(result: AnalysisView | null, analysedText: string) {
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
  return { result, format: result.format.format, findings, scrub };
}

/**
 * The input of the explanation prompt, from the store: the active file's redacted text (the engine's
 * `RedactedText`, with the person's redaction choices), its format, the environment, the findings with
 * their fixes (and whether each is applied) and the review-fix notes; with several tabs open, what the
 * other files state about this one and each other file with its findings. null until there is a usable
 * result. The one place that decides what goes into a prompt: everything else reads through here.
 *
 * The findings' own words never carry a secret (the rule harness checks it); the values the page
 * redacted are still replaced by their placeholders in them, so a host hidden by choice stays hidden.
 * Lines are counted in the redacted text, where a multi-line secret is one placeholder.
 */
export function explainInputOf(state: AppState): ExplainInput | null {
  const active = fileInput(state.result, state.analysedText);
  if (!active) return null;
  const reviewNotes = Object.fromEntries(
    Object.entries(active.result.reviewNotes).map(([ruleId, note]) => [ruleId, active.scrub(note)]),
  );
  // The other tabs as the worker last read them (the text they hold now, nothing stale).
  const otherFiles: ExplainFile[] = state.tabs.flatMap((tab) => {
    if (tab.id === state.activeTabId || tab.text === '' || tab.analysedText !== tab.text) return [];
    const file = fileInput(tab.result, tab.analysedText);
    if (!file) return [];
    return [
      { name: tabLabel(tab), format: file.format, config: file.result.redacted, findings: file.findings },
    ];
  });
  return {
    config: active.result.redacted,
    format: active.format,
    environment: state.environment,
    findings: active.findings,
    reviewNotes,
    ...(state.filename ? { name: state.filename } : {}),
    ...(active.result.facts.length > 0
      ? { readWith: active.result.facts.map((f) => active.scrub(f.summary)) }
      : {}),
    ...(otherFiles.length > 0 ? { otherFiles } : {}),
  };
}
