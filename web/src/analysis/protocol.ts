import type { AnalysisResult, EnvironmentProfile, FormatId, RedactOptions } from '../../../engine/index';

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
}

/** What the page keeps of an analysis: the engine's result plus what the diff view needs. */
export interface AnalysisView extends AnalysisResult {
  /** True when the patched text differs from the analysed text. */
  changed: boolean;
  /** Only the changed lines and a little context; empty when nothing changed. */
  diff: DiffLine[];
}

export type AnalysisResponse =
  | { id: number; ok: true; result: AnalysisView }
  | { id: number; ok: false; message: string };
