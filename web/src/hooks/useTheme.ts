import { useEffect, useLayoutEffect } from 'react';
import { useAppStore } from '../store';
import { resolvedTheme, THEME_STORAGE_KEY, type Theme } from '../store/feelSlice';

/**
 * Keeps `<html data-theme>` on the theme shown, follows `prefers-color-scheme` while the choice is
 * `system`, and keeps an override in sessionStorage so it survives a reload of this tab only.
 * Monaco follows the same store value (see monaco/monaco.ts).
 */
export function useTheme(): void {
  const choice = useAppStore((s) => s.themeChoice);
  const theme = useAppStore(resolvedTheme);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => useAppStore.getState().setSystemTheme(query.matches ? 'dark' : 'light');
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  // Before paint, so a dark override never shows a light frame after the first render.
  useLayoutEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    try {
      if (choice === 'system') sessionStorage.removeItem(THEME_STORAGE_KEY);
      else sessionStorage.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Blocked storage: the override lasts until the tab reloads.
    }
  }, [choice]);
}

function applyTheme(theme: Theme): void {
  // styles.css keys the palette and `color-scheme` (form controls, scrollbars, the dialog backdrop) on it.
  document.documentElement.dataset.theme = theme;
}
