import type { StateCreator } from 'zustand';
import type { FormatId } from '../../../engine/index';
import type { AppState } from './index';

export interface InputSlice {
  text: string;
  /** The name of the opened or dropped file; null for pasted or typed text. */
  filename: string | null;
  /** The format the user chose; null lets the engine detect it. */
  formatOverride: FormatId | null;
  /** Bumped on every change so a result can say which input it belongs to. */
  revision: number;
  /** Typing is debounced; loading a file, the example or a new format is analysed at once. */
  lastChange: 'edit' | 'load';
  editText(text: string): void;
  loadText(text: string, filename: string | null): void;
  setFormatOverride(format: FormatId | null): void;
}

export const createInputSlice: StateCreator<AppState, [], [], InputSlice> = (set) => ({
  text: '',
  filename: null,
  formatOverride: null,
  revision: 0,
  lastChange: 'load',
  editText: (text) => set((s) => ({ text, revision: s.revision + 1, lastChange: 'edit' })),
  loadText: (text, filename) =>
    set((s) => ({ text, filename, formatOverride: null, revision: s.revision + 1, lastChange: 'load' })),
  setFormatOverride: (formatOverride) =>
    set((s) => ({ formatOverride, revision: s.revision + 1, lastChange: 'load' })),
});
