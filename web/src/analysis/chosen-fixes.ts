import type { AnalyseOptions, AnalysisResult, Engine } from '../../../engine/index';
import type { ResolvedSelection } from './fix-selection';

/**
 * The analysis with the chosen fixes. The default and "all" are the engine's own policies (safe,
 * `unsafe`); any other choice is an explicit list, whose deferred fixes the engine itself applies in
 * later passes (see `patchChosen` in engine/analyse.ts).
 */
export async function analyseChosen(
  engine: Engine,
  text: string,
  options: AnalyseOptions,
  byDefault: AnalysisResult,
  resolved: ResolvedSelection,
): Promise<AnalysisResult> {
  if (resolved.isDefault) return byDefault;
  return engine.analyse(
    text,
    resolved.isAll ? { ...options, unsafe: true } : { ...options, fixes: resolved.selected },
  );
}
