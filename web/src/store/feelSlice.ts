import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type Theme = 'light' | 'dark';
/** `system` follows `prefers-color-scheme`; the other two are the user's override for this tab. */
export type ThemeChoice = 'system' | Theme;

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The override survives a reload of the tab and ends with it: sessionStorage, never localStorage. */
export const THEME_STORAGE_KEY = 'staleproof.theme';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function storedThemeChoice(): ThemeChoice {
  try {
    const stored = globalThis.sessionStorage?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    // Storage can be blocked (privacy settings, sandboxed frames): the system theme still works.
    return 'system';
  }
}

export function systemTheme(): Theme {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export interface FeelSlice {
  themeChoice: ThemeChoice;
  /** What `prefers-color-scheme` says now; kept current by `useTheme`. */
  systemTheme: Theme;
  shortcutsOpen: boolean;
  setThemeChoice(choice: ThemeChoice): void;
  setSystemTheme(theme: Theme): void;
  setShortcutsOpen(open: boolean): void;
}

/** The theme the page shows: the override, else the system's. */
export function resolvedTheme(s: Pick<FeelSlice, 'themeChoice' | 'systemTheme'>): Theme {
  return s.themeChoice === 'system' ? s.systemTheme : s.themeChoice;
}

/**
 * Flips what is shown. Landing on the system's own theme goes back to following the system, so the
 * toggle never leaves a stale override behind.
 */
export function toggledChoice(s: Pick<FeelSlice, 'themeChoice' | 'systemTheme'>): ThemeChoice {
  const next: Theme = resolvedTheme(s) === 'dark' ? 'light' : 'dark';
  return next === s.systemTheme ? 'system' : next;
}

export const createFeelSlice: StateCreator<AppState, [], [], FeelSlice> = (set) => ({
  themeChoice: storedThemeChoice(),
  systemTheme: systemTheme(),
  shortcutsOpen: false,
  setThemeChoice: (themeChoice) => set({ themeChoice }),
  setSystemTheme: (systemTheme) => set((s) => (s.systemTheme === systemTheme ? {} : { systemTheme })),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});
