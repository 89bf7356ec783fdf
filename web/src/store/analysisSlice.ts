import type { StateCreator } from 'zustand';
import type { Finding } from '../../../engine/index';
import {
  choiceFor,
  DEFAULT_SELECTION,
  type FixBase,
  type FixSelectionRequest,
} from '../analysis/fix-selection';
import type { AnalysisView } from '../analysis/protocol';
import type { AppState } from './index';

/** A request to open a finding's rule docs in the findings list (the editor's "Show rule docs"). */
export interface DocsRequest {
  findingId: string;
  /** Distinguishes two requests for the same finding, so the second one scrolls to it again. */
  nonce: number;
}

export interface AnalysisSlice {
  checking: boolean;
  result: AnalysisView | null;
  /** The text the result was computed from: the diff's left side. */
  analysedText: string;
  /** The input revision the result belongs to; older than `revision` while typing. */
  resultRevision: number;
  /** Set when the worker failed (not when the input has problems: those are in the result). */
  failure: string | null;
  /** Which fixes go into the patched file (and the download and the share link): see fix-selection.ts. */
  fixSelection: FixSelectionRequest;
  docsRequest: DocsRequest | null;
  startChecking(): void;
  finishChecking(revision: number, text: string, result: AnalysisView): void;
  failChecking(revision: number, message: string): void;
  /** Turns one finding's fix on or off; `finding` is from the current result, `text` its analysed text. */
  setFixChosen(finding: Finding, text: string, on: boolean): void;
  /** "Apply all safe" / "Apply all" / "None": a new base, and no per-fix choices on top of it. */
  setFixBase(base: FixBase): void;
  showDocs(findingId: string): void;
}

/** A new selection changes the patched file, not the findings: re-run at once, without the typing delay. */
const rerun = (s: AppState) => ({ revision: s.revision + 1, lastChange: 'load' as const });

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  checking: false,
  result: null,
  analysedText: '',
  resultRevision: -1,
  failure: null,
  fixSelection: DEFAULT_SELECTION,
  docsRequest: null,
  startChecking: () => set({ checking: true }),
  finishChecking: (resultRevision, analysedText, result) =>
    set((s) => ({
      result,
      analysedText,
      resultRevision,
      failure: null,
      checking: resultRevision !== s.revision,
      // Re-keyed to the new finding ids; a newer request (a toggle since) keeps its own selection.
      ...(resultRevision === s.revision ? { fixSelection: result.selection } : {}),
    })),
  failChecking: (resultRevision, failure) =>
    set((s) => ({ failure, resultRevision, checking: resultRevision !== s.revision })),
  setFixChosen: (finding, text, on) =>
    set((s) => {
      const choices = s.fixSelection.choices.filter((c) => c.id !== finding.id);
      const { base } = s.fixSelection;
      const byBase = base === 'all' || (base === 'safe' && finding.fix?.safety === 'safe');
      // A choice equal to the base is no choice; under a link's list every choice is kept.
      if (base === 'listed' || on !== byBase) choices.push(choiceFor(finding, text, on));
      return { fixSelection: { ...s.fixSelection, choices }, ...rerun(s) };
    }),
  setFixBase: (base) => set((s) => ({ fixSelection: { base, choices: [] }, ...rerun(s) })),
  showDocs: (findingId) =>
    set((s) => ({
      docsRequest: { findingId, nonce: (s.docsRequest?.nonce ?? 0) + 1 },
      resultsTab: 'findings',
    })),
});
