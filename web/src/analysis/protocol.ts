import type { AnalysisResult, EnvironmentProfile, FormatId, RedactOptions } from '../../../engine/index';
import type { FixSelectionRequest, FixSelectionState } from './fix-selection';

/** One line of the plain-text diff shown until Monaco's diff editor has loaded; `gap` elides unchanged lines. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed' | 'gap';
  text: string;
  /** 1-based line in the analysed text; for a gap, its first hidden line. */
  before?: number;
  /** 1-based line in the patched text. */
  after?: number;
}

export interface AnalysisRequest {
  id: number;
  text: string;
  filename?: string;
  format?: FormatId;
  environment?: EnvironmentProfile;
  /** Also run the opt-in advisories. */
  optIn?: boolean;
  /** Categories, un-redacted values and hand-picked ranges, as plain data. */
  redaction?: RedactOptions;
  /** Which fixes go into the patched file; the safe ones when absent. */
  selection?: FixSelectionRequest;
}

/** What the page keeps of an analysis: the engine's result plus what the diff view needs. */
export interface AnalysisView extends AnalysisResult {
  /** True when the patched text differs from the analysed text. */
  changed: boolean;
  /** Only the changed lines and a little context; empty when nothing changed. */
  diff: DiffLine[];
  /** Ids of the findings whose fixes were chosen (`applied` says which made it into `patched`). */
  selected: string[];
  /** The selection re-keyed to this result's finding ids. */
  selection: FixSelectionState;
  /** For each rule with a review fix among the findings: what that fix may change, in one sentence. */
  reviewNotes: Record<string, string>;
}

export type AnalysisResponse =
  | { id: number; ok: true; result: AnalysisView }
  | { id: number; ok: false; message: string };
