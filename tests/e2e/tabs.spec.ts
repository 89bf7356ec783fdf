import type { Page } from '@playwright/test';
import {
  createShareLink,
  download,
  expect,
  finding,
  findingsRegion,
  openApp,
  storageOf,
  test,
  visibleLines,
} from './helpers';

/**
 * An application that relies on its recycle (no pre-ping): under the default 240 s middlebox, but not
 * under PgBouncer's 120 s client_idle_timeout.
 */
const APP = `from sqlalchemy import create_engine

engine = create_engine(
    "postgresql+psycopg2://app:fake-tabs-pw@pgbouncer.internal:6432/app",
    pool_recycle=200,
)
`;

const PGBOUNCER = `[databases]
app = host=db.internal dbname=app

[pgbouncer]
listen_port = 6432
pool_mode = transaction
client_idle_timeout = 120
`;

const RECYCLE = 'python.sqlalchemy.recycle-too-long';

function fileTab(page: Page, name: string | RegExp) {
  return page.getByRole('tablist', { name: 'Files' }).getByRole('tab', { name });
}

async function openBoth(page: Page) {
  await openApp(page);
  await page.getByLabel('Open config files').setInputFiles([
    { name: 'db.py', mimeType: 'text/x-python', buffer: Buffer.from(APP) },
    { name: 'pgbouncer.ini', mimeType: 'text/plain', buffer: Buffer.from(PGBOUNCER) },
  ]);
  await expect(fileTab(page, /^db\.py/)).toBeVisible();
  await expect(fileTab(page, /^pgbouncer\.ini/)).toHaveAttribute('aria-selected', 'true');
}

test('two files opened at once become two tabs, and the pgbouncer.ini changes how the app is read', async ({
  page,
}) => {
  await openBoth(page);
  // The empty first tab took the first file: no "Untitled" tab is left behind.
  await expect(page.getByRole('tablist', { name: 'Files' }).getByRole('tab')).toHaveCount(2);

  await fileTab(page, /^db\.py/).click();
  await expect(fileTab(page, /^db\.py/)).toHaveAttribute('aria-selected', 'true');
  const recycle = finding(page, RECYCLE);
  await expect(recycle).toHaveCount(1, { timeout: 30_000 });
  await expect(recycle).toContainText('other files');
  await expect(recycle).toContainText('client_idle_timeout, pgbouncer.ini line 7');
  const facts = findingsRegion(page).getByRole('region', { name: 'Read together with your other files' });
  await expect(facts).toContainText('connect through PgBouncer (pgbouncer.ini)');

  // "show" opens the other file at the line that states it.
  await recycle.getByRole('button', { name: 'Show pgbouncer.ini line 7' }).click();
  await expect(fileTab(page, /^pgbouncer\.ini/)).toHaveAttribute('aria-selected', 'true');
  const editor = page.locator('.code-editor');
  await expect
    .poll(async () => (await visibleLines(editor)).join('\n'))
    .toContain('client_idle_timeout = 120');
  await expect(page.locator('.code-editor .line-numbers.active-line-number')).toHaveText('7');

  // Turning the limit off in pgbouncer.ini takes the finding away from db.py.
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await expect.poll(async () => (await visibleLines(editor)).join('\n')).toContain('client_idle_timeout = 0');
  await fileTab(page, /^db\.py/).click();
  await expect(findingsRegion(page)).toBeVisible();
  await expect(finding(page, RECYCLE)).toHaveCount(0, { timeout: 30_000 });
  await expect(facts).toContainText('connect through PgBouncer');
  await expect(facts).not.toContainText('client_idle_timeout');
});

test('tabs by keyboard: arrows move between them, a new tab is empty, closing one keeps the others', async ({
  page,
}) => {
  await openBoth(page);
  await fileTab(page, /^pgbouncer\.ini/).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(fileTab(page, /^db\.py/)).toHaveAttribute('aria-selected', 'true');
  await expect(fileTab(page, /^db\.py/)).toBeFocused();
  await page.keyboard.press('End');
  await expect(fileTab(page, /^pgbouncer\.ini/)).toBeFocused();

  // Alt+Shift+. and Alt+Shift+, cycle the tabs from anywhere, the editor included, and say where they are.
  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('Alt+Shift+Period');
  await expect(fileTab(page, /^db\.py/)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('shortcut-status')).toContainText('db.py, file 1 of 2.');
  await page.keyboard.press('Alt+Shift+Comma');
  await expect(fileTab(page, /^pgbouncer\.ini/)).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('button', { name: '+ New tab' }).click();
  await expect(fileTab(page, /^Untitled 3/)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => visibleLines(page.locator('.code-editor'))).toEqual(['']);

  // Delete closes the focused tab; the mouse has the × beside each name.
  await fileTab(page, /^Untitled 3/).press('Delete');
  await expect(fileTab(page, /^Untitled 3/)).toHaveCount(0);
  await expect(fileTab(page, /^pgbouncer\.ini/)).toBeFocused();
  // An empty tab goes without a word; one with text can be brought back.
  await expect(page.getByRole('status').filter({ hasText: 'Closed' })).toHaveCount(0);
  await page.locator('.file-tab', { hasText: 'pgbouncer.ini' }).locator('.file-tab__close').click();
  await expect(page.getByRole('tablist', { name: 'Files' }).getByRole('tab')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Closed pgbouncer.ini.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(fileTab(page, /^pgbouncer\.ini/)).toHaveAttribute('aria-selected', 'true');
  await expect
    .poll(async () => (await visibleLines(page.locator('.code-editor'))).join('\n'))
    .toContain('client_idle_timeout = 120');
  await page.locator('.file-tab', { hasText: 'pgbouncer.ini' }).locator('.file-tab__close').click();
  await expect(page.getByRole('tablist', { name: 'Files' }).getByRole('tab')).toHaveCount(1);
  // Without the pgbouncer.ini, nothing tells db.py about PgBouncer any more.
  await fileTab(page, /^db\.py/).click();
  await expect(finding(page, RECYCLE)).toHaveCount(0, { timeout: 30_000 });
  await expect(findingsRegion(page).getByRole('region', { name: /Read together/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  // Each tab downloads as its own file.
  const saved = await download(page, 'Download patched file');
  expect(saved.name).toBe('db.py');
});

test('a share link carries every tab, opens them all with the one that was shown, and hides the secret', async ({
  page,
  context,
}) => {
  await openBoth(page);
  await fileTab(page, /^db\.py/).click();
  await expect(finding(page, RECYCLE)).toHaveCount(1, { timeout: 30_000 });
  const url = await createShareLink(page);
  expect(new URL(url).hash.startsWith('#v2.')).toBe(true);
  expect(url).not.toContain('fake-tabs-pw');

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect(fileTab(other, /^db\.py/)).toHaveAttribute('aria-selected', 'true');
  await expect(fileTab(other, /^pgbouncer\.ini/)).toBeVisible();
  await expect(finding(other, RECYCLE)).toContainText('other files', { timeout: 30_000 });
  await expect(other.locator('.code-editor')).not.toContainText('fake-tabs-pw');
  await fileTab(other, /^pgbouncer\.ini/).click();
  await expect
    .poll(async () => (await visibleLines(other.locator('.code-editor'))).join('\n'))
    .toContain('client_idle_timeout = 120');
});

test('a reload keeps every tab and the active one', async ({ page }) => {
  await openBoth(page);
  await fileTab(page, /^db\.py/).click();
  await expect(finding(page, RECYCLE)).toHaveCount(1, { timeout: 30_000 });
  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect(fileTab(page, /^db\.py/)).toHaveAttribute('aria-selected', 'true');
  await expect(fileTab(page, /^pgbouncer\.ini/)).toBeVisible();
  await expect(finding(page, RECYCLE)).toHaveCount(1, { timeout: 30_000 });
  const [local, session] = await storageOf(page);
  expect(local).toEqual([]);
  expect((session ?? []).map(([key]) => key)).toContain('staleproof.session');
});

test('files dropped together open as tabs', async ({ page }) => {
  await openApp(page);
  const drop = await page.evaluateHandle(
    ([app, ini]: string[]) => {
      const data = new DataTransfer();
      data.items.add(new File([app ?? ''], 'db.py', { type: 'text/x-python' }));
      data.items.add(new File([ini ?? ''], 'pgbouncer.ini', { type: 'text/plain' }));
      return data;
    },
    [APP, PGBOUNCER],
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: drop });
  await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect(page.getByRole('tablist', { name: 'Files' }).getByRole('tab')).toHaveCount(2);
  await expect(fileTab(page, /^pgbouncer\.ini/)).toHaveAttribute('aria-selected', 'true');
  // The tab names carry their finding counts once each file is read.
  await expect(fileTab(page, /^db\.py\s*\d+ findings?/)).toBeVisible({ timeout: 30_000 });
});
