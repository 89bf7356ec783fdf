import type { StateCreator } from 'zustand';
import type { AnalysisView } from '../analysis/protocol';
import type { AppState } from './index';

export interface AnalysisSlice {
  checking: boolean;
  result: AnalysisView | null;
  /** The text the result was computed from: the diff's left side. */
  analysedText: string;
  /** The input revision the result belongs to; older than `revision` while typing. */
  resultRevision: number;
  /** Set when the worker failed (not when the input has problems: those are in the result). */
  failure: string | null;
  startChecking(): void;
  finishChecking(revision: number, text: string, result: AnalysisView): void;
  failChecking(revision: number, message: string): void;
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  checking: false,
  result: null,
  analysedText: '',
  resultRevision: -1,
  failure: null,
  startChecking: () => set({ checking: true }),
  finishChecking: (resultRevision, analysedText, result) =>
    set((s) => ({
      result,
      analysedText,
      resultRevision,
      failure: null,
      checking: resultRevision !== s.revision,
    })),
  failChecking: (resultRevision, failure) =>
    set((s) => ({ failure, resultRevision, checking: resultRevision !== s.revision })),
});
