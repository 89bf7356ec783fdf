import type { Finding, Redaction, ShareState } from '../../../engine/index';

/**
 * Which fixes go into the patched file. A base policy plus per-finding choices on top of it:
 * `safe` is the engine's default (safe fixes on, review fixes off), `all` adds the review fixes,
 * `none` starts from nothing. A link's explicit list (`listed`) is turned into choices by the first
 * analysis of the linked text.
 *
 * Finding ids are `${ruleId}@${offset}`, so an edit above a finding changes its id. A choice also
 * keeps the rule id and the text of the finding's first line: after an edit it follows the finding
 * with the same rule on the same line text (in order, for repeats). A choice whose finding is gone
 * (fixed by hand, or its line edited) is dropped.
 */
export type FixBase = 'safe' | 'all' | 'none';

export interface FixChoice {
  id: string;
  ruleId: string;
  /** The finding's first line, trimmed. */
  line: string;
  on: boolean;
}

export interface FixSelectionRequest {
  base: FixBase | 'listed';
  /** For `listed`: the finding ids of the text as loaded. */
  listed?: string[];
  choices: FixChoice[];
}

/** The selection as the page keeps it after an analysis: ids of this text, choices that differ from the base. */
export interface FixSelectionState {
  base: FixBase;
  choices: FixChoice[];
}

export const DEFAULT_SELECTION: FixSelectionState = { base: 'safe', choices: [] };

export interface ResolvedSelection {
  /** Ids of the findings whose fixes are chosen, in the order of `findings`. */
  selected: string[];
  /** The same selection, keyed by this text's ids. */
  state: FixSelectionState;
  /** True when the selection is exactly the engine's default (the safe fixes). */
  isDefault: boolean;
  /** True when every fix is chosen (the engine's `unsafe` policy). */
  isAll: boolean;
}

export function lineTextAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).trim();
}

function baseOn(base: FixBase, finding: Finding): boolean {
  if (base === 'all') return true;
  if (base === 'none') return false;
  return finding.fix?.safety === 'safe';
}

export function choiceFor(finding: Finding, text: string, on: boolean): FixChoice {
  return { id: finding.id, ruleId: finding.ruleId, line: lineTextAt(text, finding.range.start), on };
}

/** Matches the request's choices to this analysis's findings and says which fixes are chosen. */
export function resolveSelection(
  findings: readonly Finding[],
  text: string,
  request: FixSelectionRequest,
): ResolvedSelection {
  const fixable = findings.filter((f) => f.fix);
  const lines = new Map(fixable.map((f) => [f.id, lineTextAt(text, f.range.start)]));
  const matched = new Map<string, boolean>();
  const unused = new Set(request.choices);
  // 1. Same id and same line: nothing moved. 2. Same rule on the same line text: moved by an edit
  // above it. 3. Same id only: the finding's own line was edited but the finding stayed put.
  const passes: Array<(f: Finding, c: FixChoice) => boolean> = [
    (f, c) => c.id === f.id && c.line === lines.get(f.id),
    (f, c) => c.ruleId === f.ruleId && c.line === lines.get(f.id),
    (f, c) => c.id === f.id,
  ];
  for (const pass of passes) {
    for (const finding of fixable) {
      if (matched.has(finding.id)) continue;
      for (const choice of unused) {
        if (!pass(finding, choice)) continue;
        matched.set(finding.id, choice.on);
        unused.delete(choice);
        break;
      }
    }
  }

  const listed = new Set(request.listed ?? []);
  const base: FixBase = request.base === 'listed' ? 'safe' : request.base;
  const selected: string[] = [];
  const choices: FixChoice[] = [];
  let isDefault = true;
  let isAll = true;
  for (const finding of fixable) {
    const fallback = request.base === 'listed' ? listed.has(finding.id) : baseOn(base, finding);
    const on = matched.get(finding.id) ?? fallback;
    if (on) selected.push(finding.id);
    if (on !== baseOn(base, finding)) choices.push(choiceFor(finding, text, on));
    if (on !== baseOn('safe', finding)) isDefault = false;
    if (!on) isAll = false;
  }
  return { selected, state: { base, choices }, isDefault, isAll };
}

/** The offset in the redacted text of an offset in the original (redactions are disjoint). */
export function redactedOffset(offset: number, redactions: readonly Redaction[]): number {
  let shift = 0;
  for (const r of [...redactions].sort((a, b) => a.range.start - b.range.start)) {
    if (r.range.start >= offset) break;
    // Inside a redacted value: the placeholder's start.
    if (r.range.end > offset) return r.range.start + shift;
    shift += r.placeholder.length - (r.range.end - r.range.start);
  }
  return offset + shift;
}

/**
 * What a share link carries of the selection: nothing for the default, `unsafe` for "all", else the
 * chosen ids as the linked (redacted) text will number them.
 */
export function shareSelection(
  selection: FixSelectionState,
  selected: readonly string[],
  findings: readonly Finding[],
  redactions: readonly Redaction[],
): Pick<ShareState, 'fixes' | 'unsafe'> {
  if (selection.choices.length === 0 && selection.base === 'safe') return {};
  if (selection.choices.length === 0 && selection.base === 'all') return { unsafe: true };
  const byId = new Map(findings.map((f) => [f.id, f]));
  const fixes = selected.flatMap((id) => {
    const finding = byId.get(id);
    return finding ? [`${finding.ruleId}@${redactedOffset(finding.range.start, redactions)}`] : [];
  });
  return { fixes };
}

/** A link's `fixes` / `unsafe` as the request of the linked text's first analysis. */
export function selectionFromLink(state: Pick<ShareState, 'fixes' | 'unsafe'>): FixSelectionRequest {
  if (state.fixes) return { base: 'listed', listed: [...state.fixes], choices: [] };
  return { base: state.unsafe ? 'all' : 'safe', choices: [] };
}

/**
 * The part of a rule's fix-safety text a review toggle shows: the first sentence after a `review:`
 * label; for rules with both kinds of fix (labelled otherwise), the first sentence that speaks of
 * review, else the first sentence.
 */
export function shortSafetyNote(fixSafety: string): string {
  const labelled = /^review\s*:\s*/.exec(fixSafety);
  const body = labelled ? fixSafety.slice(labelled[0].length) : fixSafety;
  const sentences = body.split(/(?<=[.!?])\s+(?=[A-Z`"(])/);
  const pick = labelled ? sentences[0] : (sentences.find((s) => /\breview\b/.test(s)) ?? sentences[0]);
  return (pick ?? '').trim();
}
