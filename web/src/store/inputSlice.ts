import type { StateCreator } from 'zustand';
import type { FormatId, ShareState } from '../../../engine/index';
import { DEFAULT_SELECTION, selectionFromLink } from '../analysis/fix-selection';
import { environmentInputsOf, parseEnvironmentInputs } from './environmentSlice';
import { type FileTab, MAX_TABS } from './filesSlice';
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
  /** Restores what a share link holds: its files (redacted text, name, format, fixes) and environment. */
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
      // The link's files replace the open tabs; the one the sender was looking at is shown.
      const files = [state, ...(state.others ?? [])].slice(0, MAX_TABS);
      const tabs: FileTab[] = files.map((file, i) => ({
        id: `tab-${s.nextTabNumber + i}`,
        number: s.nextTabNumber + i,
        text: file.text,
        filename: file.filename ?? null,
        formatOverride: file.format ?? null,
        formatFromLink: file.format !== undefined,
        fixSelection: selectionFromLink(file),
        result: null,
        analysedText: '',
      }));
      const active = tabs[Math.min(state.active ?? 0, tabs.length - 1)] as FileTab;
      return {
        tabs,
        activeTabId: active.id,
        nextTabNumber: s.nextTabNumber + tabs.length,
        tabNotice: null,
        text: active.text,
        filename: active.filename,
        formatOverride: active.formatOverride,
        formatFromLink: active.formatFromLink,
        result: null,
        analysedText: '',
        resultRevision: -1,
        environmentInputs,
        ...parseEnvironmentInputs(environmentInputs),
        optIn: state.optIn === true,
        ...FRESH_REDACTION_CHOICES,
        fixSelection: active.fixSelection,
        linkNotice: { kind: 'opened' },
        revision: s.revision + 1,
        lastChange: 'load',
      };
    }),
  setFormatOverride: (formatOverride) =>
    set((s) => ({ formatOverride, formatFromLink: false, revision: s.revision + 1, lastChange: 'load' })),
});
