import { useLayoutEffect } from 'react';
import { useAppStore } from '../store';
import {
  fragmentId,
  loadSnapshot,
  persistedChanged,
  restoredState,
  saveSnapshot,
  sessionStorageOrNull,
  snapshotOf,
} from '../store/persist';
import { markLinkHandled } from './useSharedLink';

/** Typing is saved after a pause this long, and at once when the page goes away. */
const SAVE_DELAY_MS = 300;

let restored = false;

/**
 * Keeps the input in this tab's sessionStorage (see store/persist.ts for what and why) and brings it
 * back after a reload. A layout effect, so the restored text is in the store before the first paint
 * and before `useSharedLink` and `useAnalysis` run: a reload with the page's own share link in the
 * address bar restores the person's text instead of re-opening the redacted copy.
 */
export function useSessionPersistence(): void {
  useLayoutEffect(() => {
    const storage = sessionStorageOrNull();
    if (!storage) return;
    // The `fragmentId` of the snapshot in storage; null while this tab has none.
    let savedFragment: string | null = null;
    if (!restored) {
      restored = true;
      const snapshot = loadSnapshot(storage, window.location.hash);
      if (snapshot) {
        savedFragment = snapshot.fragment;
        // The page's own link in the address bar: `useSharedLink` must not open it over the text.
        if (snapshot.fragment !== '' && snapshot.fragment === fragmentId(window.location.hash)) {
          markLinkHandled(window.location.hash);
        }
        useAppStore.setState((s) => restoredState(snapshot, s.revision));
      }
    }

    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      timer = undefined;
      const fragment = window.location.hash;
      const saved = saveSnapshot(storage, snapshotOf(useAppStore.getState(), fragment));
      savedFragment = saved ? fragmentId(fragment) : null;
    };
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (!persistedChanged(state, previous)) return;
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    // A reload fires `pagehide`: typing still waiting is saved now, and so is a share link the page put
    // in the address bar since (making one changes the address, not the store). An untouched page
    // writes nothing.
    const leave = () => {
      const moved = savedFragment !== null && savedFragment !== fragmentId(window.location.hash);
      if (timer !== undefined || moved) save();
    };
    window.addEventListener('pagehide', leave);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('pagehide', leave);
    };
  }, []);
}
