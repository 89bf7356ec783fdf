import type { FormatId } from '../../../engine/index';
import { DEFAULT_SELECTION } from '../analysis/fix-selection';
import { isFormatId, MAX_INPUT_CHARS } from '../lib/engine';
import { parseEnvironmentInputs } from './environmentSlice';
import { type FileTab, MAX_TABS } from './filesSlice';
import type { AppState } from './index';
import type { UnredactedValue } from './redactionSlice';

/**
 * What survives an accidental reload of the tab, in sessionStorage (never localStorage): the text of
 * every open file tab as typed, with its real values, the file name, the format override, the environment inputs and the
 * redaction choices (a value hidden by hand must stay hidden in the next share link). sessionStorage
 * belongs to the one tab and ends with it: a new tab starts empty, and nothing is written to disk for
 * later. Results are not kept: the restored input is analysed again.
 */
export const SESSION_KEY = 'staleproof.session';

export interface SessionSnapshot {
  version: 1;
  text: string;
  filename: string | null;
  formatOverride: FormatId | null;
  formatFromLink: boolean;
  environmentInputs: Record<string, string>;
  optIn: boolean;
  redactSecrets: boolean;
  redactInfrastructure: boolean;
  unredacted: UnredactedValue[];
  manualRedactions: string[];
  /**
   * Which fragment the address bar had when saved (the share link this page made or opened), as a
   * digest from `fragmentId`, or '' for none: the link itself is not kept. A reload with that same
   * fragment restores the snapshot (the person's own text, not the link's redacted copy); any other
   * link in the address bar wins over the snapshot.
   */
  fragment: string;
  /**
   * Every open tab (the active one's input repeats the top-level fields) and which one is active;
   * absent in snapshots from before tabs, which restore as one tab.
   */
  tabs?: PersistedTab[];
  activeTab?: number;
}

export interface PersistedTab {
  text: string;
  filename: string | null;
  formatOverride: FormatId | null;
  formatFromLink: boolean;
}

/**
 * A short fingerprint of the address bar's fragment: '' for none, else its length and a 53-bit hash
 * (cyrb53). It only has to tell this tab's own link from another one.
 */
export function fragmentId(fragment: string): string {
  if (fragment.length <= 1) return '';
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${fragment.length}:${hash.toString(36)}`;
}

type Persisted = Omit<SessionSnapshot, 'version' | 'fragment' | 'tabs' | 'activeTab'>;

/** The snapshot of `state` with the address bar's `fragment` (kept as its `fragmentId` only). */
export function snapshotOf(state: AppState, fragment: string): SessionSnapshot {
  return {
    version: 1,
    text: state.text,
    filename: state.filename,
    formatOverride: state.formatOverride,
    formatFromLink: state.formatFromLink,
    environmentInputs: state.environmentInputs,
    optIn: state.optIn,
    redactSecrets: state.redactSecrets,
    redactInfrastructure: state.redactInfrastructure,
    unredacted: state.unredacted,
    manualRedactions: state.manualRedactions,
    fragment: fragmentId(fragment),
    tabs: state.tabs.map((t) =>
      t.id === state.activeTabId
        ? {
            text: state.text,
            filename: state.filename,
            formatOverride: state.formatOverride,
            formatFromLink: state.formatFromLink,
          }
        : {
            text: t.text,
            filename: t.filename,
            formatOverride: t.formatOverride,
            formatFromLink: t.formatFromLink,
          },
    ),
    activeTab: Math.max(
      0,
      state.tabs.findIndex((t) => t.id === state.activeTabId),
    ),
  };
}

/** True when a change of the store touches anything a snapshot holds. */
export function persistedChanged(state: AppState, previous: AppState): boolean {
  return (
    state.text !== previous.text ||
    state.tabs !== previous.tabs ||
    state.activeTabId !== previous.activeTabId ||
    state.filename !== previous.filename ||
    state.formatOverride !== previous.formatOverride ||
    state.formatFromLink !== previous.formatFromLink ||
    state.environmentInputs !== previous.environmentInputs ||
    state.optIn !== previous.optIn ||
    state.redactSecrets !== previous.redactSecrets ||
    state.redactInfrastructure !== previous.redactInfrastructure ||
    state.unredacted !== previous.unredacted ||
    state.manualRedactions !== previous.manualRedactions
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(isString)
  );
}

function isTab(value: unknown): value is PersistedTab {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    isString(t.text) &&
    t.text.length <= MAX_INPUT_CHARS &&
    (t.filename === null || isString(t.filename)) &&
    (t.formatOverride === null || (isString(t.formatOverride) && isFormatId(t.formatOverride))) &&
    isBoolean(t.formatFromLink)
  );
}

function isUnredacted(value: unknown): value is UnredactedValue {
  if (typeof value !== 'object' || value === null) return false;
  const { value: text, kind } = value as Record<string, unknown>;
  return isString(text) && isString(kind);
}

/** The snapshot in `raw`, or null for anything else: an older shape, a hand-edited value, no value. */
export function parseSnapshot(raw: string | null): SessionSnapshot | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const s = data as Record<string, unknown>;
  const valid =
    s.version === 1 &&
    isString(s.text) &&
    s.text.length <= MAX_INPUT_CHARS &&
    (s.filename === null || isString(s.filename)) &&
    (s.formatOverride === null || (isString(s.formatOverride) && isFormatId(s.formatOverride))) &&
    isBoolean(s.formatFromLink) &&
    isStringRecord(s.environmentInputs) &&
    isBoolean(s.optIn) &&
    isBoolean(s.redactSecrets) &&
    isBoolean(s.redactInfrastructure) &&
    Array.isArray(s.unredacted) &&
    s.unredacted.every(isUnredacted) &&
    Array.isArray(s.manualRedactions) &&
    s.manualRedactions.every(isString) &&
    isString(s.fragment) &&
    (s.tabs === undefined ||
      (Array.isArray(s.tabs) && s.tabs.length >= 1 && s.tabs.length <= MAX_TABS && s.tabs.every(isTab))) &&
    (s.activeTab === undefined ||
      (Number.isInteger(s.activeTab) &&
        (s.activeTab as number) >= 0 &&
        (s.activeTab as number) < (Array.isArray(s.tabs) ? s.tabs.length : 1)));
  return valid ? (data as SessionSnapshot) : null;
}

/**
 * The tab's sessionStorage, or null where the browser refuses it: reading the property itself throws
 * when storage is disabled or the page is sandboxed.
 */
export function sessionStorageOrNull(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Writes the snapshot, or removes the saved one when the text is over the input limit (the engine
 * refuses such text, and an older snapshot would bring back text the person has since replaced).
 * A failed write (quota, storage disabled) also removes the older snapshot, for the same reason, and
 * never throws: keeping the text is a convenience, not something the page needs.
 */
export function saveSnapshot(storage: Storage | null, snapshot: SessionSnapshot): boolean {
  if (!storage) return false;
  try {
    if (
      snapshot.text.length > MAX_INPUT_CHARS ||
      (snapshot.tabs ?? []).some((t) => t.text.length > MAX_INPUT_CHARS)
    ) {
      storage.removeItem(SESSION_KEY);
      return false;
    }
    storage.setItem(SESSION_KEY, JSON.stringify(snapshot));
    return true;
  } catch {
    try {
      storage.removeItem(SESSION_KEY);
    } catch {
      // Nothing more to do: the page works without it.
    }
    return false;
  }
}

/**
 * The saved snapshot to restore on a page opened with `fragment` in the address bar, or null: none
 * saved, unreadable, or a share link other than the one saved with it (the link being opened wins).
 */
export function loadSnapshot(storage: Storage | null, fragment: string): SessionSnapshot | null {
  if (!storage) return null;
  let snapshot: SessionSnapshot | null;
  try {
    snapshot = parseSnapshot(storage.getItem(SESSION_KEY));
  } catch {
    return null;
  }
  if (!snapshot) return null;
  const link = fragmentId(fragment);
  if (link !== '' && link !== snapshot.fragment) return null;
  return snapshot;
}

/** The store fields a snapshot gives back, analysed at once (a load, not an edit). */
export function restoredState(snapshot: SessionSnapshot, revision: number): Partial<AppState> {
  const persisted: Persisted = {
    text: snapshot.text,
    filename: snapshot.filename,
    formatOverride: snapshot.formatOverride,
    formatFromLink: snapshot.formatFromLink,
    environmentInputs: snapshot.environmentInputs,
    optIn: snapshot.optIn,
    redactSecrets: snapshot.redactSecrets,
    redactInfrastructure: snapshot.redactInfrastructure,
    unredacted: snapshot.unredacted,
    manualRedactions: snapshot.manualRedactions,
  };
  const tabs = (snapshot.tabs ?? [snapshot]).map(
    (t, i): FileTab => ({
      id: `tab-${i + 1}`,
      number: i + 1,
      text: t.text,
      filename: t.filename,
      formatOverride: t.formatOverride,
      formatFromLink: t.formatFromLink,
      fixSelection: DEFAULT_SELECTION,
      result: null,
      analysedText: '',
    }),
  );
  const active = tabs[snapshot.activeTab ?? 0] ?? (tabs[0] as FileTab);
  return {
    ...persisted,
    // The active tab's input is the one the top-level fields hold.
    text: active.text,
    filename: active.filename,
    formatOverride: active.formatOverride,
    formatFromLink: active.formatFromLink,
    tabs,
    activeTabId: active.id,
    nextTabNumber: tabs.length + 1,
    ...parseEnvironmentInputs(snapshot.environmentInputs),
    revision: revision + 1,
    lastChange: 'load',
  };
}
