import type { StateCreator } from 'zustand';
import type { FormatId, ShareState } from '../../../engine/index';
import { DEFAULT_SELECTION, selectionFromLink } from '../analysis/fix-selection';
import { environmentInputsOf, parseEnvironmentInputs } from './environmentSlice';
import type { AppState } from './index';

export interface InputSlice {
  text: string;
  /** The name of the opened or dropped file; null for pasted or typed text. */
  filename: string | null;
  /** The format the user chose; null lets the engine detect it. */
  formatOverride: FormatId | null;
  /** True while the format override is the one a shared link came with. */
  formatFromLink: boolean;
  /** Bumped on every change so a result can say which input it belongs to. */
  revision: number;
  /** Typing is debounced; loading a file, the example or a new format is analysed at once. */
  lastChange: 'edit' | 'load';
  editText(text: string): void;
  loadText(text: string, filename: string | null): void;
  /** Restores what a share link holds: redacted text, file name, format and environment. */
  loadShared(state: ShareState): void;
  setFormatOverride(format: FormatId | null): void;
}

/**
 * A new document starts with no hand-made choices: a value shown or hidden in the previous one
 * should not silently apply to this one.
 */
const FRESH_REDACTION_CHOICES = { unredacted: [], manualRedactions: [] };

export const createInputSlice: StateCreator<AppState, [], [], InputSlice> = (set) => ({
  text: '',
  filename: null,
  formatOverride: null,
  formatFromLink: false,
  revision: 0,
  lastChange: 'load',
  editText: (text) => set((s) => ({ text, revision: s.revision + 1, lastChange: 'edit' })),
  loadText: (text, filename) =>
    set((s) => ({
      text,
      filename,
      formatOverride: null,
      formatFromLink: false,
      ...FRESH_REDACTION_CHOICES,
      fixSelection: DEFAULT_SELECTION,
      linkNotice: null,
      revision: s.revision + 1,
      lastChange: 'load',
    })),
  loadShared: (state) =>
    set((s) => {
      const environmentInputs = environmentInputsOf(state.environment ?? {});
      return {
        text: state.text,
        filename: state.filename ?? null,
        formatOverride: state.format ?? null,
        formatFromLink: state.format !== undefined,
        environmentInputs,
        ...parseEnvironmentInputs(environmentInputs),
        optIn: state.optIn === true,
        ...FRESH_REDACTION_CHOICES,
        fixSelection: selectionFromLink(state),
        linkNotice: { kind: 'opened' },
        revision: s.revision + 1,
        lastChange: 'load',
      };
    }),
  setFormatOverride: (formatOverride) =>
    set((s) => ({ formatOverride, formatFromLink: false, revision: s.revision + 1, lastChange: 'load' })),
});
