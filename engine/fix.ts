import { applyEdits, editsConflict } from '../core/edits';
import type { Finding, TextEdit } from '../core/types';

export interface FixSelection {
  /** Also apply `review` fixes. */
  unsafe?: boolean;
  /**
   * Apply exactly these finding ids (from this analysis) instead of the safety policy. A chosen fix
   * that cannot be applied with the others in one pass is found again in the patched text and
   * applied on top; fixes that were not chosen never are.
   */
  fixes?: readonly string[];
}

export function selectFixes(findings: readonly Finding[], selection: FixSelection): Finding[] {
  if (selection.fixes) {
    const wanted = new Set(selection.fixes);
    return findings.filter((f) => f.fix && wanted.has(f.id));
  }
  return findings.filter((f) => f.fix && (f.fix.safety === 'safe' || selection.unsafe));
}

export interface FixPass {
  text: string;
  applied: Finding[];
  /** Findings whose edits overlap an earlier fix's; another pass may apply them. */
  deferred: Finding[];
  /** The edits written into `text` (an edit two fixes share once). */
  edits: TextEdit[];
}

const sameEdit = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.text === b.text;

/**
 * Applies whole fixes in the order given (the rule registry's order), skipping any fix whose edits
 * conflict with a fix already taken: a fix is all of its edits or none of them. Two rules proposing
 * the very same edit (both setting an empty INI value to `true`) share it instead of writing it twice.
 */
export function applyFixes(text: string, chosen: readonly Finding[]): FixPass {
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  const deferred: Finding[] = [];
  for (const finding of chosen) {
    const edits = (finding.fix?.edits ?? []).filter((e) => !taken.some((t) => sameEdit(e, t)));
    if (edits.some((e) => taken.some((t) => editsConflict(e, t)))) {
      deferred.push(finding);
      continue;
    }
    taken.push(...edits);
    applied.push(finding);
  }
  return { text: applyEdits(text, taken), applied, deferred, edits: taken };
}

/**
 * Where an offset of a text is after `edits` (disjoint, as `applyFixes` takes them) were applied, or
 * null when an edit replaced the character there. An insertion at the offset moves it along.
 */
export function mapOffset(offset: number, edits: readonly TextEdit[]): number | null {
  let shift = 0;
  for (const e of edits) {
    if (e.start < offset && e.end > offset) return null;
    if (e.start === offset && e.end > offset) return null;
    if (e.end <= offset) shift += e.text.length - (e.end - e.start);
  }
  return offset + shift;
}

/** The trimmed text of the line containing `offset`. */
export function lineTextAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).trim();
}

/** A chosen fix of the original text that a pass could not apply yet. */
export interface WaitingFix {
  original: Finding;
  /** The original finding's first line, trimmed. */
  line: string;
  /** Its start in the current text, or null once an applied edit replaced it. */
  at: number | null;
}

/**
 * The findings of `later` (an analysis of `laterText`) that are the waiting fixes' findings again:
 * the same rule at the same place (the offset carried through the applied edits) or, failing that,
 * the same rule on the same line text, in order. Keyed by the later id; only findings with a fix.
 */
export function matchWaiting(
  waiting: readonly WaitingFix[],
  later: readonly Finding[],
  laterText: string,
): Map<string, WaitingFix> {
  const pairs = new Map<string, WaitingFix>();
  const placed = new Set<WaitingFix>();
  const tests: Array<(w: WaitingFix, f: Finding) => boolean> = [
    (w, f) => w.at === f.range.start,
    (w, f) => lineTextAt(laterText, f.range.start) === w.line,
  ];
  for (const test of tests) {
    for (const w of waiting) {
      if (placed.has(w)) continue;
      const same = later.find(
        (f) => f.fix && !pairs.has(f.id) && f.ruleId === w.original.ruleId && test(w, f),
      );
      if (!same) continue;
      pairs.set(same.id, w);
      placed.add(w);
    }
  }
  return pairs;
}
