import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface RevealRequest {
  line: number;
  column: number;
  /** Distinguishes two clicks on the same finding, so the second one reveals again. */
  nonce: number;
}

export interface UiSlice {
  reveal: RevealRequest | null;
  revealPosition(line: number, column: number): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  reveal: null,
  revealPosition: (line, column) =>
    set((s) => ({ reveal: { line, column, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
});
