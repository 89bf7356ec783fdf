import { applyEdits, editsConflict } from '../core/edits';
import type { Finding, TextEdit } from '../core/types';

export interface FixSelection {
  /** Also apply `review` fixes. */
  unsafe?: boolean;
  /** Apply exactly these finding ids (from this analysis) instead of the safety policy. */
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
  return { text: applyEdits(text, taken), applied, deferred };
}
