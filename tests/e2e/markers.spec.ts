import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, finding, insertedLines, openApp, pasteIntoEditor, test } from './helpers';

/** An error (a key libpq refuses), warnings (pre-ping, recycle, keepalives) and notes (two review fixes). */
const TEXT = `from sqlalchemy import create_engine

engine = create_engine(
    "postgresql+psycopg2://app@db.internal/orders",
    pool_recycle=-1,
    connect_args={"command_timeout": 60},
)
`;

const UNKNOWN_KEY = 'python.libpq.unknown-keys';
const TCP = 'python.libpq.tcp-user-timeout-missing';
const TCP_FIX = 'Set tcp_user_timeout=30000 ms (needs libpq 12+).';

/** The text of the lines carrying Monaco's squiggles of one severity, in screen order. */
async function squiggledLines(editor: Locator, severity: 'error' | 'warning' | 'info'): Promise<string[]> {
  return editor.evaluate((root, cls) => {
    const tops = new Set(
      [...root.querySelectorAll<HTMLElement>('.view-overlays > div')]
        .filter((overlay) => overlay.querySelector(`.${cls}`))
        .map((overlay) => overlay.style.top),
    );
    return [...root.querySelectorAll<HTMLElement>('.view-lines .view-line')]
      .filter((line) => tops.has(line.style.top))
      .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ').trim());
  }, `squiggly-${severity}`);
}

async function pasteSample(page: Page) {
  await openApp(page);
  await pasteIntoEditor(page, TEXT);
  await expect(finding(page, UNKNOWN_KEY)).toHaveCount(1);
}

/** Opens the editor's quick fixes (Ctrl+.) at a finding, placed there by its "Line" button. */
async function quickFixesAt(page: Page, ruleId: string, position: string): Promise<Locator> {
  await finding(page, ruleId)
    .getByRole('button', { name: `Line ${position}` })
    .click();
  await expect(page.locator('.code-editor .monaco-editor.focused')).toHaveCount(1);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').first();
  await expect(menu).toBeVisible();
  return menu;
}

async function downloadPatched(page: Page): Promise<string> {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download patched file/ }).click(),
  ]);
  return readFile(await saved.path(), 'utf8');
}

test('every finding is a marker with its severity, message and rule id', async ({ page }) => {
  await pasteSample(page);
  const editor = page.locator('.code-editor');
  await expect.poll(() => squiggledLines(editor, 'error')).toEqual(['connect_args={"command_timeout": 60},']);
  await expect
    .poll(() => squiggledLines(editor, 'warning'))
    .toEqual(['engine = create_engine(', 'pool_recycle=-1,']);
  await expect.poll(() => squiggledLines(editor, 'info')).toEqual(['engine = create_engine(']);

  // The hover on the error: the finding's message and, as the marker's code, its rule id.
  // The marker covers the refused key's value.
  await editor.locator('.view-line span span', { hasText: /^60$/ }).hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'is not a libpq connection parameter' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText(`staleproof(${UNKNOWN_KEY})`);
});

test('the textarea before Monaco shows the findings as before', async ({ page }) => {
  // Monaco's chunk never arrives: the plain editor stays, and the findings list still fills.
  await page.route(/\/assets\/CodeEditor-[\w-]+\.js$/, () => new Promise(() => {}));
  await page.goto('/');
  const area = page.getByRole('textbox', { name: 'Config text' });
  await area.fill(TEXT);
  await expect(finding(page, UNKNOWN_KEY)).toHaveCount(1);
  await expect(finding(page, TCP).getByRole('checkbox', { name: 'Apply this fix' })).not.toBeChecked();
});

test('a code action from the editor applies one fix through the same choices as the toggles', async ({
  page,
}) => {
  await pasteSample(page);
  const toggle = finding(page, TCP).getByRole('checkbox', { name: 'Apply this fix' });
  await expect(toggle).not.toBeChecked();

  const menu = await quickFixesAt(page, TCP, '3:10');
  // A safe fix is chosen already: the editor offers to leave it out.
  await expect(menu).toContainText('Leave out fix: Add pool_pre_ping=True');
  await expect(menu).toContainText(`Show rule docs: ${TCP}`);
  await menu.getByText(`Apply fix: ${TCP_FIX} (review)`).click();

  await expect(toggle).toBeChecked();
  await expect
    .poll(async () => (await insertedLines(page.getByTestId('diff'))).join('\n'))
    .toContain('"tcp_user_timeout": 30000');
  expect(await downloadPatched(page)).toContain('"tcp_user_timeout": 30000');

  // Once chosen, the same place offers to leave it out again.
  const again = await quickFixesAt(page, TCP, '3:10');
  await again.getByText(`Leave out fix: ${TCP_FIX} (review)`).click();
  await expect(toggle).not.toBeChecked();
  await expect
    .poll(async () => (await insertedLines(page.getByTestId('diff'))).join('\n'))
    .not.toContain('tcp_user_timeout');
});

test('"Show rule docs" from the editor opens the finding\'s docs', async ({ page }) => {
  await pasteSample(page);
  const menu = await quickFixesAt(page, UNKNOWN_KEY, '6:38');
  await menu.getByText(`Show rule docs: ${UNKNOWN_KEY}`).click();
  const docs = finding(page, UNKNOWN_KEY).locator('details.docs');
  await expect(docs).toHaveAttribute('open', '');
  await expect(docs.getByRole('heading', { name: 'Fix safety' })).toBeVisible();
});
