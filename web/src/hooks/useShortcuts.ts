import { useEffect, useRef, useState } from 'react';
import type { Finding, Severity } from '../../../engine/index';
import { useAppStore } from '../store';
import { toggledChoice } from '../store/feelSlice';

export type ShortcutId =
  | 'focus-editor'
  | 'format'
  | 'next-finding'
  | 'previous-finding'
  | 'docs'
  | 'download'
  | 'share'
  | 'theme'
  | 'next-tab'
  | 'previous-tab';

export interface Shortcut {
  id: ShortcutId;
  /** `KeyboardEvent.code`: on macOS, Option+Shift+letter types a symbol, so `key` cannot be matched. */
  code: string;
  letter: string;
  description: string;
}

/**
 * Alt+Shift+letter (⌥⇧ on macOS): neither Monaco (its Alt+Shift bindings are arrows, F and I) nor
 * Chromium or Firefox (Alt+Shift+T and I, access keys only where a page sets them) use these letters,
 * nor the comma and period that cycle the file tabs.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'focus-editor', code: 'KeyE', letter: 'E', description: 'Focus the editor' },
  { id: 'format', code: 'KeyO', letter: 'O', description: 'Choose the format (override the detection)' },
  { id: 'next-finding', code: 'KeyN', letter: 'N', description: 'Next finding, shown in the editor' },
  { id: 'previous-finding', code: 'KeyP', letter: 'P', description: 'Previous finding, shown in the editor' },
  { id: 'docs', code: 'KeyD', letter: 'D', description: 'Open the rule docs of the current finding' },
  { id: 'download', code: 'KeyS', letter: 'S', description: 'Download the patched file' },
  { id: 'share', code: 'KeyL', letter: 'L', description: 'Copy a share link (redacted text only)' },
  { id: 'theme', code: 'KeyM', letter: 'M', description: 'Switch between light and dark' },
  { id: 'next-tab', code: 'Period', letter: '.', description: 'Next file tab' },
  { id: 'previous-tab', code: 'Comma', letter: ',', description: 'Previous file tab' },
];

export function isMac(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac|iphone|ipad|ipod/i.test(nav.userAgentData?.platform || nav.platform || '');
}

/** The keys as the platform writes them: `⌥⇧N` on macOS, `Alt+Shift+N` elsewhere. */
export function shortcutKeys(shortcut: Shortcut, mac: boolean): string[] {
  return mac ? ['⌥', '⇧', shortcut.letter] : ['Alt', 'Shift', shortcut.letter];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in the order the list shows them: grouped by severity, each group in the engine's order. */
function listedFindings(): Finding[] {
  const { result } = useAppStore.getState();
  if (!result || result.problems.some((p) => p.fatal)) return [];
  return result.findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index,
    )
    .map(({ finding }) => finding);
}

function findingElement(index: number): HTMLElement | null {
  return document.querySelectorAll<HTMLElement>('#panel-findings .findings__list > li')[index] ?? null;
}

/** Runs once React has rendered what a store change shows (a tab switched, a panel opened). */
function afterRender(action: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(action));
}

/** A button by its accessible name (its `aria-label`, else its text). */
function buttonNamed(scope: string, name: string | RegExp): HTMLButtonElement | null {
  const buttons = document.querySelectorAll<HTMLButtonElement>(`${scope} button`);
  const named = (button: HTMLButtonElement) => {
    const label = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
    return typeof name === 'string' ? label === name : name.test(label);
  };
  return [...buttons].find(named) ?? null;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, .monaco-editor, [contenteditable="true"]') !== null
  );
}

function matching(event: KeyboardEvent): Shortcut | undefined {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
  return SHORTCUTS.find((s) => s.code === event.code);
}

/**
 * The page's keyboard shortcuts, listened for on the window in the capture phase so they work while
 * Monaco has the focus. Returns what the last one did, for a polite live region.
 */
export function useShortcuts(): string {
  const [announcement, setAnnouncement] = useState('');
  const current = useRef<string | null>(null);

  useEffect(() => {
    const say = (message: string) => setAnnouncement(message);

    const focusEditor = () => {
      // Monaco takes input in an EditContext element where the browser has one, else in a textarea.
      const target = document.querySelector<HTMLElement>(
        '.code-editor .native-edit-context, .code-editor textarea.inputarea, .plain-editor',
      );
      if (target) target.focus();
      else say('The editor is not available for this input.');
    };

    const jump = (step: 1 | -1) => {
      const findings = listedFindings();
      if (findings.length === 0) {
        current.current = null;
        say('No findings.');
        return;
      }
      const at = findings.findIndex((f) => f.id === current.current);
      const index =
        at === -1 ? (step === 1 ? 0 : findings.length - 1) : (at + step + findings.length) % findings.length;
      const finding = findings[index];
      if (!finding) return;
      current.current = finding.id;
      const { setResultsTab, revealPosition } = useAppStore.getState();
      setResultsTab('findings');
      revealPosition(finding.line, finding.column);
      afterRender(() => findingElement(index)?.scrollIntoView({ block: 'nearest' }));
      say(
        `Finding ${index + 1} of ${findings.length}, line ${finding.line}: ${finding.ruleId}. ${finding.message}`,
      );
    };

    const openDocs = () => {
      const findings = listedFindings();
      const index = Math.max(
        0,
        findings.findIndex((f) => f.id === current.current),
      );
      const finding = findings[index];
      if (!finding) {
        say('No findings, so no rule docs to open.');
        return;
      }
      current.current = finding.id;
      useAppStore.getState().setResultsTab('findings');
      afterRender(() => {
        const details = findingElement(index)?.querySelector<HTMLDetailsElement>('details');
        if (!details) return;
        details.open = true;
        const summary = details.querySelector<HTMLElement>('summary');
        summary?.focus();
        details.scrollIntoView({ block: 'nearest' });
      });
      say(`Docs of ${finding.ruleId} opened.`);
    };

    const download = () => {
      const button = buttonNamed('.pane--diff', /^Download patched file\b/);
      if (!button || button.disabled) say('Nothing to download: no fix changes this file yet.');
      else button.click();
    };

    const share = () => {
      useAppStore.getState().setResultsTab('redaction');
      afterRender(() => {
        const button = buttonNamed('#panel-redaction', /^Copy share link\b/);
        if (!button || button.disabled) {
          say('No share link yet: there is nothing to share.');
          return;
        }
        button.focus();
        button.click();
        // The button is disabled while the link is made, which drops the focus to the body: it comes back.
        const refocus = (tries: number) => {
          const lost = document.activeElement === document.body || document.activeElement === null;
          if (lost && !button.disabled) button.focus();
          if (tries > 0) setTimeout(() => refocus(tries - 1), 50);
        };
        refocus(40);
      });
    };

    const cycleTab = (step: 1 | -1) => {
      const { tabs, activeTabId, switchTab } = useAppStore.getState();
      if (tabs.length < 2) {
        say('Only one file is open.');
        return;
      }
      const at = tabs.findIndex((t) => t.id === activeTabId);
      const target = tabs[(at + step + tabs.length) % tabs.length];
      if (!target) return;
      switchTab(target.id);
      say(
        `${target.filename ?? `Untitled ${target.number}`}, file ${tabs.indexOf(target) + 1} of ${tabs.length}.`,
      );
    };

    const run = (id: ShortcutId) => {
      switch (id) {
        case 'focus-editor':
          return focusEditor();
        case 'format':
          return document.getElementById('format-picker')?.focus();
        case 'next-finding':
          return jump(1);
        case 'previous-finding':
          return jump(-1);
        case 'docs':
          return openDocs();
        case 'download':
          return download();
        case 'share':
          return share();
        case 'next-tab':
          return cycleTab(1);
        case 'previous-tab':
          return cycleTab(-1);
        case 'theme': {
          const state = useAppStore.getState();
          const choice = toggledChoice(state);
          state.setThemeChoice(choice);
          if (choice === 'system') return say('The theme follows the system again.');
          return say(`${choice === 'dark' ? 'Dark' : 'Light'} theme.`);
        }
      }
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const { shortcutsOpen, setShortcutsOpen } = useAppStore.getState();
      const shortcut = matching(event);
      if (shortcut) {
        event.preventDefault();
        event.stopPropagation();
        // The list is modal: a shortcut used from it closes it first (which gives the focus back to
        // where it was), then runs, so the focus goes where the shortcut leads.
        if (shortcutsOpen) {
          setShortcutsOpen(false);
          afterRender(() => run(shortcut.id));
        } else {
          run(shortcut.id);
        }
        return;
      }
      if (
        event.key === '?' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isTextField(event.target)
      ) {
        event.preventDefault();
        setShortcutsOpen(!shortcutsOpen);
      }
    };

    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return announcement;
}
