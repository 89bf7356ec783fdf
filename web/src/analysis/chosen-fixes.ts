import type { AnalyseOptions, AnalysisResult, Engine } from '../../../engine/index';
import { matchFindings, type ResolvedSelection } from './fix-selection';

/** More passes than any real file needs, as in the engine. */
const MAX_FIX_PASSES = 4;

/**
 * The analysis with the chosen fixes. The default and "all" are the engine's own policies (safe,
 * `unsafe`). Any other choice is an explicit list, which the engine applies in one pass: two chosen
 * fixes that add to the same place (two keys of a `connect_args` neither created) conflict there.
 * Two that each parse but not together (an insertion into a dict another fix empties) are both
 * dropped there too. As the engine's later passes do for its policies, each such fix is found again
 * in the patched text (same rule, same line text, new edits) and applied on top, until none is left
 * or a pass applies none; what is left is reported with its last reason.
 */
export async function analyseChosen(
  engine: Engine,
  text: string,
  options: AnalyseOptions,
  byDefault: AnalysisResult,
  resolved: ResolvedSelection,
): Promise<AnalysisResult> {
  if (resolved.isDefault) return byDefault;
  if (resolved.isAll) return engine.analyse(text, { ...options, unsafe: true });
  const first = await engine.analyse(text, { ...options, fixes: resolved.selected });
  const reasons = new Map(first.skipped.map((s) => [s.findingId, s.reason]));
  let deferred = first.findings.filter((f) => reasons.has(f.id));
  if (deferred.length === 0) return first;
  const applied = [...first.applied];
  const detected = first.format.format;
  const later: AnalyseOptions = {
    ...options,
    format: detected === 'unknown' ? options.format : detected,
    redaction: undefined,
  };
  let current = first.patched;
  for (let pass = 1; pass < MAX_FIX_PASSES && deferred.length > 0; pass++) {
    // Findings only (no fix chosen): ids of the patched text.
    const found = await engine.analyse(current, { ...later, fixes: [] });
    const pairs = matchFindings(deferred, text, found.findings, current);
    if (pairs.size === 0) break;
    const step = await engine.analyse(current, { ...later, fixes: [...pairs.keys()] });
    const done = new Set<string>();
    for (const id of step.applied) {
      const original = pairs.get(id);
      if (original) done.add(original.id);
    }
    for (const s of step.skipped) {
      const original = pairs.get(s.findingId);
      if (original) reasons.set(original.id, s.reason);
    }
    if (done.size === 0) break;
    applied.push(...done);
    current = step.patched;
    deferred = deferred.filter((f) => !done.has(f.id));
  }
  return {
    ...first,
    patched: current,
    applied,
    skipped: deferred.map((f) => ({ findingId: f.id, reason: reasons.get(f.id) ?? 'conflict' })),
  };
}
