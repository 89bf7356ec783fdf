import type {
  AnalysisResult,
  EnvironmentProfile,
  FormatId,
  ProjectFact,
  RedactOptions,
} from '../../../engine/index';
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

/** One file (tab) to analyse. */
export interface FileRequest {
  tabId: string;
  text: string;
  filename?: string;
  format?: FormatId;
  /** For "untitled" tabs: how messages name the file. */
  label: string;
  /** Categories, un-redacted values and hand-picked ranges, as plain data. */
  redaction?: RedactOptions;
  /** Which fixes go into the patched file; the safe ones when absent. */
  selection?: FixSelectionRequest;
}

/** The active tab, plus the other open tabs: their files are read together (see engine/project.ts). */
export interface AnalysisRequest extends FileRequest {
  id: number;
  environment?: EnvironmentProfile;
  /** Also run the opt-in advisories. */
  optIn?: boolean;
  others?: FileRequest[];
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
  /** What the other open files state that changed how this one was read (empty for a single file). */
  facts: ProjectFact[];
  /** Ids of the findings that exist only because of those facts. */
  crossFile: string[];
}

export type AnalysisResponse =
  | {
      id: number;
      ok: true;
      result: AnalysisView;
      /** The other tabs' results, by tab id. */
      others: Array<{ tabId: string; result: AnalysisView }>;
    }
  | { id: number; ok: false; message: string };
