import { useTheme } from '../hooks/useTheme';
import { useAppStore } from '../store';
import { THEME_CHOICES, type ThemeChoice } from '../store/feelSlice';

const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
};

export function Header() {
  useTheme();
  const themeChoice = useAppStore((s) => s.themeChoice);
  const setThemeChoice = useAppStore((s) => s.setThemeChoice);
  const setShortcutsOpen = useAppStore((s) => s.setShortcutsOpen);

  return (
    <header className="header">
      <h1 className="header__title">staleproof</h1>
      <p className="header__tagline">
        Paste a connection-pool config. staleproof finds what breaks after a failover or idle timeout and
        fixes it — in your browser, nothing uploaded.
      </p>
      <div className="header__controls">
        <label className="header__theme">
          <span>Theme</span>
          <select
            className="select"
            value={themeChoice}
            onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}
          >
            {THEME_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {THEME_LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          onClick={() => setShortcutsOpen(true)}
        >
          Keyboard shortcuts <kbd className="kbd">?</kbd>
        </button>
      </div>
    </header>
  );
}
