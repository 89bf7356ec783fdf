import type { Locator, Page } from '@playwright/test';
import { expect, insertedLines, openApp, pasteIntoEditor, SNIPPET, storageOf, test } from './helpers';

const THEME_KEY = 'staleproof.theme';
// The page's --bg in each theme, and the background Monaco paints with vs (#fffffe) / vs-dark (#1e1e1e).
const PAGE_BG = { light: 'rgb(246, 247, 249)', dark: 'rgb(15, 20, 26)' };
const EDITOR_BG = { light: 'rgb(255, 255, 254)', dark: 'rgb(30, 30, 30)' };

function background(locator: Locator): Promise<string> {
  return locator.evaluate((node) => getComputedStyle(node).backgroundColor);
}

async function expectTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect.poll(() => background(page.locator('body'))).toBe(PAGE_BG[theme]);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(theme);
  await expect
    .poll(() => background(page.locator('.code-editor .monaco-editor-background').first()))
    .toBe(EDITOR_BG[theme]);
}

function themeEntries(storage: [string, string][][]): [string, string][][] {
  return storage.map((entries) => entries.filter(([key]) => key === THEME_KEY));
}

test('the page and Monaco follow the system theme, live, and nothing is stored for it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expectTheme(page, 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('system');

  await page.emulateMedia({ colorScheme: 'light' });
  await expectTheme(page, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectTheme(page, 'dark');
  expect(themeEntries(await storageOf(page))).toEqual([[], []]);
});

test('a manual theme overrides the system, reaches the diff editor, survives a reload in sessionStorage only', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await expectTheme(page, 'light');
  await pasteIntoEditor(page, SNIPPET);
  const diff = page.getByTestId('diff');
  await expect.poll(() => insertedLines(diff)).toContain('    pool_pre_ping=True,');
  await expect
    .poll(() => background(diff.locator('.editor.modified .monaco-editor-background')))
    .toBe(EDITOR_BG.light);

  await page.getByLabel('Theme').selectOption('dark');
  await expectTheme(page, 'dark');
  await expect
    .poll(() => background(diff.locator('.editor.modified .monaco-editor-background')))
    .toBe(EDITOR_BG.dark);
  expect(themeEntries(await storageOf(page))).toEqual([[], [[THEME_KEY, 'dark']]]);

  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expectTheme(page, 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');

  // Back to the system's theme: the override is forgotten.
  await page.getByLabel('Theme').selectOption('system');
  await expectTheme(page, 'light');
  expect(themeEntries(await storageOf(page))).toEqual([[], []]);
});

test('the light override holds on a dark system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await page.getByLabel('Theme').selectOption('light');
  await expectTheme(page, 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectTheme(page, 'light');
});

test('Alt+Shift+M flips the theme, and flipping back follows the system again', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expectTheme(page, 'dark');

  await page.keyboard.press('Alt+Shift+KeyM');
  await expectTheme(page, 'light');
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  await expect(page.getByTestId('shortcut-status')).toHaveText('Light theme.');

  await page.keyboard.press('Alt+Shift+KeyM');
  await expectTheme(page, 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('system');
  await expect(page.getByTestId('shortcut-status')).toHaveText('The theme follows the system again.');
  expect(themeEntries(await storageOf(page))).toEqual([[], []]);
});
