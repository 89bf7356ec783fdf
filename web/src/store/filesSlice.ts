import type { StateCreator } from 'zustand';
import type { FormatId } from '../../../engine/index';
import { DEFAULT_SELECTION, type FixSelectionRequest } from '../analysis/fix-selection';
import type { AnalysisView } from '../analysis/protocol';
import type { AppState } from './index';

/** More tabs than a deployment has config files; each one is analysed on every change of the others. */
export const MAX_TABS = 12;

/**
 * One open file. The active tab's live values are the store's top-level fields (`text`, `filename`,
 * `result`…, which every component reads); its entry here is refreshed when another tab is activated.
 * The other tabs keep their input and their last result here.
 */
export interface FileTab {
  id: string;
  /** Shown as "Untitled N" while the tab has no file name. */
  number: number;
  text: string;
  filename: string | null;
  formatOverride: FormatId | null;
  formatFromLink: boolean;
  fixSelection: FixSelectionRequest;
  result: AnalysisView | null;
  analysedText: string;
}

export interface OpenedFile {
  text: string;
  filename: string | null;
}

export interface FilesSlice {
  tabs: FileTab[];
  activeTabId: string;
  nextTabNumber: number;
  /** A message about the tabs themselves (too many files opened); null when there is none. */
  tabNotice: string | null;
  /** The last tab closed with text in it, for "Undo" (one level; gone with the next tab action). */
  closedTab: { tab: FileTab; index: number } | null;
  /** Brings back the last closed tab where it was, and shows it. */
  reopenClosedTab(): void;
  /** Opens a new empty tab and makes it active. */
  addTab(): void;
  switchTab(id: string): void;
  /** Activates a tab and puts the cursor on a line of it (a fact's source in another file). */
  revealInTab(id: string, line: number): void;
  /** Closes a tab; the last tab is emptied instead (there is always one). */
  closeTab(id: string): void;
  /**
   * Opens files as tabs: the first one goes into the active tab when it is empty, the others (and the
   * first, otherwise) into new tabs; the one at `show` (the last one by default) becomes active.
   */
  openFiles(files: readonly OpenedFile[], show?: number): void;
  /** Stores the results the worker computed for tabs that are not active. */
  finishOtherTabs(results: ReadonlyArray<{ id: string; text: string; result: AnalysisView }>): void;
  /** Replaces every tab at once (a multi-file share link, a restored session). */
  replaceTabs(
    tabs: readonly Omit<FileTab, 'id' | 'number' | 'result' | 'analysedText'>[],
    active: number,
  ): void;
}

export function tabLabel(tab: Pick<FileTab, 'filename' | 'number'>): string {
  return tab.filename ?? `Untitled ${tab.number}`;
}

function emptyTab(number: number): FileTab {
  return {
    id: `tab-${number}`,
    number,
    text: '',
    filename: null,
    formatOverride: null,
    formatFromLink: false,
    fixSelection: DEFAULT_SELECTION,
    result: null,
    analysedText: '',
  };
}

/** The active tab's entry brought up to date with the live top-level fields. */
function parked(s: AppState): FileTab[] {
  return s.tabs.map((t) =>
    t.id === s.activeTabId
      ? {
          ...t,
          text: s.text,
          filename: s.filename,
          formatOverride: s.formatOverride,
          formatFromLink: s.formatFromLink,
          fixSelection: s.fixSelection,
          result: s.result,
          analysedText: s.analysedText,
        }
      : t,
  );
}

/** The top-level fields for `tab` as the active one: its input, and its last result shown at once. */
function activated(tab: FileTab, revision: number): Partial<AppState> {
  return {
    activeTabId: tab.id,
    text: tab.text,
    filename: tab.filename,
    formatOverride: tab.formatOverride,
    formatFromLink: tab.formatFromLink,
    fixSelection: tab.fixSelection,
    result: tab.result,
    analysedText: tab.analysedText,
    // The stored result is shown (markers, findings) while the fresh one is computed.
    resultRevision: tab.result && tab.analysedText === tab.text ? revision : -1,
    failure: null,
    revision,
    lastChange: 'load',
    selectedText: '',
  };
}

const FIRST = emptyTab(1);

export const createFilesSlice: StateCreator<AppState, [], [], FilesSlice> = (set) => ({
  tabs: [FIRST],
  activeTabId: FIRST.id,
  nextTabNumber: 2,
  tabNotice: null,
  closedTab: null,
  reopenClosedTab: () =>
    set((s) => {
      const closed = s.closedTab;
      if (!closed || s.tabs.length >= MAX_TABS) return {};
      const tabs = parked(s);
      // A lone empty tab left by closing the last one is replaced, not kept beside it.
      const keep = tabs.length === 1 && s.text === '' && tabs[0]?.filename === null ? [] : tabs;
      keep.splice(Math.min(closed.index, keep.length), 0, closed.tab);
      return {
        tabs: keep,
        tabNotice: null,
        closedTab: null,
        ...activated(closed.tab, s.revision + 1),
      };
    }),
  addTab: () =>
    set((s) => {
      if (s.tabs.length >= MAX_TABS)
        return { tabNotice: `At most ${MAX_TABS} files can be open at once.`, closedTab: null };
      const tab = emptyTab(s.nextTabNumber);
      return {
        tabs: [...parked(s), tab],
        nextTabNumber: s.nextTabNumber + 1,
        tabNotice: null,
        closedTab: null,
        ...activated(tab, s.revision + 1),
      };
    }),
  switchTab: (id) =>
    set((s) => {
      const target = s.tabs.find((t) => t.id === id);
      if (!target || id === s.activeTabId) return {};
      return { tabs: parked(s), tabNotice: null, closedTab: null, ...activated(target, s.revision + 1) };
    }),
  revealInTab: (id, line) =>
    set((s) => {
      const target = s.tabs.find((t) => t.id === id);
      if (!target) return {};
      const reveal = { line, column: 1, nonce: (s.reveal?.nonce ?? 0) + 1 };
      if (id === s.activeTabId) return { reveal };
      return {
        tabs: parked(s),
        tabNotice: null,
        closedTab: null,
        ...activated(target, s.revision + 1),
        reveal,
      };
    }),
  closeTab: (id) =>
    set((s) => {
      const index = s.tabs.findIndex((t) => t.id === id);
      if (index < 0) return {};
      const all = parked(s);
      const closing = all[index] as FileTab;
      // Closing loses the text (nothing is saved anywhere else): one level of undo for a tab that had some.
      const undo =
        closing.text !== ''
          ? { closedTab: { tab: closing, index }, tabNotice: `Closed ${tabLabel(closing)}.` }
          : { closedTab: null, tabNotice: null };
      if (s.tabs.length === 1) {
        const tab = emptyTab(s.nextTabNumber);
        return {
          tabs: [tab],
          nextTabNumber: s.nextTabNumber + 1,
          ...undo,
          ...activated(tab, s.revision + 1),
        };
      }
      const tabs = all.filter((t) => t.id !== id);
      if (id !== s.activeTabId) return { tabs, ...undo, revision: s.revision + 1, lastChange: 'load' };
      // The neighbour on the right takes its place, else the one on the left.
      const next = tabs[Math.min(index, tabs.length - 1)] as FileTab;
      return { tabs, ...undo, ...activated(next, s.revision + 1) };
    }),
  openFiles: (files, show) =>
    set((s) => {
      if (files.length === 0) return {};
      let tabs = parked(s);
      let number = s.nextTabNumber;
      let active = s.tabs.find((t) => t.id === s.activeTabId) as FileTab;
      let shown: FileTab | null = null;
      let dropped = 0;
      files.forEach((file, i) => {
        const fill = {
          text: file.text,
          filename: file.filename,
          formatOverride: null,
          formatFromLink: false,
        };
        const current = tabs.find((t) => t.id === active.id) as FileTab;
        if (i === 0 && s.text === '' && current.filename === null) {
          active = { ...current, ...fill, fixSelection: DEFAULT_SELECTION, result: null, analysedText: '' };
          tabs = tabs.map((t) => (t.id === active.id ? active : t));
        } else if (tabs.length < MAX_TABS) {
          active = { ...emptyTab(number++), ...fill };
          tabs = [...tabs, active];
        } else {
          dropped++;
          return;
        }
        if (i === show) shown = active;
      });
      // Hand-made redaction choices belong to the files open so far: a fresh start drops them.
      const fresh = s.tabs.length === 1 && s.text === '';
      return {
        tabs,
        nextTabNumber: number,
        ...(fresh ? { unredacted: [], manualRedactions: [] } : {}),
        closedTab: null,
        tabNotice:
          dropped > 0
            ? `${dropped} file${dropped === 1 ? ' was' : 's were'} not opened: at most ${MAX_TABS} files can be open at once.`
            : null,
        linkNotice: null,
        ...activated(shown ?? active, s.revision + 1),
      };
    }),
  finishOtherTabs: (results) =>
    set((s) => {
      const byId = new Map(results.map((r) => [r.id, r]));
      let changed = false;
      const tabs = s.tabs.map((t) => {
        const r = byId.get(t.id);
        // The active tab's result goes through finishChecking; a tab edited since keeps waiting.
        if (!r || t.id === s.activeTabId || r.text !== t.text) return t;
        changed = true;
        return { ...t, result: r.result, analysedText: r.text, fixSelection: r.result.selection };
      });
      return changed ? { tabs } : {};
    }),
  replaceTabs: (inputs, activeIndex) =>
    set((s) => {
      const tabs = inputs.slice(0, MAX_TABS).map((input, i) => ({
        ...emptyTab(s.nextTabNumber + i),
        ...input,
      }));
      if (tabs.length === 0) tabs.push(emptyTab(s.nextTabNumber));
      const active = tabs[Math.max(0, Math.min(activeIndex, tabs.length - 1))] as FileTab;
      return {
        tabs,
        nextTabNumber: s.nextTabNumber + tabs.length,
        tabNotice: null,
        closedTab: null,
        ...activated(active, s.revision + 1),
      };
    }),
});
