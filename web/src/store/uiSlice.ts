import type { StateCreator } from 'zustand';
import { takeReopenMark } from '../llm/settings';
import type { AppState } from './index';

export interface RevealRequest {
  line: number;
  column: number;
  /** Distinguishes two clicks on the same finding, so the second one reveals again. */
  nonce: number;
}

export type ResultsTab = 'findings' | 'redaction' | 'explain';

/** What the page says about the share link it was opened with. */
export type LinkNotice = { kind: 'opened' } | { kind: 'failed'; message: string };

export interface UiSlice {
  reveal: RevealRequest | null;
  resultsTab: ResultsTab;
  /** The text selected in the editor, for "Redact selection"; empty when nothing is selected. */
  selectedText: string;
  linkNotice: LinkNotice | null;
  revealPosition(line: number, column: number): void;
  setResultsTab(tab: ResultsTab): void;
  setSelectedText(text: string): void;
  setLinkNotice(notice: LinkNotice | null): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  reveal: null,
  // The Explain tab again after its "Allow" reload (llm/settings.ts).
  resultsTab: takeReopenMark() ? 'explain' : 'findings',
  selectedText: '',
  linkNotice: null,
  revealPosition: (line, column) =>
    set((s) => ({ reveal: { line, column, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
  setResultsTab: (resultsTab) => set({ resultsTab }),
  setSelectedText: (selectedText) => set((s) => (s.selectedText === selectedText ? {} : { selectedText })),
  setLinkNotice: (linkNotice) => set({ linkNotice }),
});
