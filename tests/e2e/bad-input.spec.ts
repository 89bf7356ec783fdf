import {
  downloadButton,
  expect,
  finding,
  findingsRegion,
  openApp,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  test,
} from './helpers';

test('empty text shows the hint, not findings', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load example' }).first().click();
  await expect(finding(page, RULE_ID)).toHaveCount(1);

  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');

  await expect(findingsRegion(page).getByText('Nothing to check: the input is empty.')).toBeVisible();
  await expect(findingsRegion(page).getByRole('button', { name: 'Load example' })).toBeVisible();
  await expect(finding(page, RULE_ID)).toHaveCount(0);
  await expect(downloadButton(page)).toBeDisabled();
});

test('10 MiB of pasted text is refused with its size, kept, and the page stays responsive', async ({
  page,
}) => {
  await openApp(page);
  const chars = 10 * 1024 * 1024;
  await page.evaluate(() => {
    const longTasks: number[] = [];
    Object.assign(window, { longTasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.locator('.code-editor .view-lines').click();
  await page.evaluate((size) => {
    const line = 'log line: connection reset by peer\n';
    const text = line.repeat(Math.ceil(size / line.length)).slice(0, size);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, chars);

  const notice = page.locator('.large-notice');
  await expect(notice).toContainText('10.0 MiB (10,485,760 characters), too large to show in the editor');
  await expect(findingsRegion(page).locator('[data-problem="too-large"]')).toContainText('10.0 MiB');
  await expect(page.locator('.code-editor')).toHaveCount(0);

  // The page still answers: changing the format re-runs the check on the same, kept text.
  await page.getByLabel('Format').selectOption('python');
  await expect(page.getByTestId('format-detection')).toHaveText('Chosen by you.');
  await expect(page.locator('.status')).toHaveText('');
  await expect(findingsRegion(page).locator('[data-problem="too-large"]')).toContainText('10.0 MiB');
  await expect(notice).toContainText('10,485,760 characters');
  await expect(downloadButton(page)).toBeDisabled();
  // No frozen main thread along the way: a freeze would show up as a task of seconds.
  const longest = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
  );
  expect(longest).toBeLessThan(500);
});

test('binary bytes opened as a file are called binary', async ({ page }) => {
  await openApp(page);
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  await page.getByLabel('Open config files').setInputFiles({
    name: 'dump.bin',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });

  await expect(page.locator('.filename')).toHaveText('dump.bin');
  const banner = findingsRegion(page).locator('[data-problem="binary"]');
  await expect(banner).toContainText('looks like binary data');
  await expect(findingsRegion(page).getByRole('listitem')).toHaveCount(0);
  await expect(downloadButton(page)).toBeDisabled();
});

test('text in an unknown format asks for the format; choosing Python finds the problem', async ({ page }) => {
  await openApp(page);
  // Python, but the line continuation hides the call from every content signal.
  await pasteIntoEditor(page, 'engine = create_engine \\\n    (DATABASE_URL, pool_size=10)\n');

  const banner = findingsRegion(page).locator('[data-problem="unknown-format"]');
  await expect(banner).toContainText('Choose its format');
  await expect(page.getByTestId('format-detection')).toHaveText('Not detected: choose the format.');
  await expect(finding(page, RULE_ID)).toHaveCount(0);

  await page.getByLabel('Format').selectOption({ label: 'Python' });
  await expect(banner).toHaveCount(0);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expect(downloadButton(page)).toBeEnabled();
});

test('a Python syntax error is reported with its line, and findings still show', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(
    page,
    'from sqlalchemy import create_engine\n\nengine = create_engine(DATABASE_URL, pool_size=10)\n\n\ndef broken(:\n    pass\n',
  );

  const banner = findingsRegion(page).locator('[data-problem="syntax-errors"]');
  await expect(banner).toContainText('syntax error');
  await expect(banner).toContainText('line 6');
  await expect(finding(page, RULE_ID).getByRole('button', { name: /^Line 3:/ })).toBeVisible();
});

test('a grammar that fails to load is reported, and the next edit recovers', async ({ page }) => {
  await page.route(/\/tree-sitter-python-[\w-]+\.wasm$/, (route) => route.fulfill({ status: 404 }));
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);

  const banner = findingsRegion(page).locator('[data-problem="failure"]');
  await expect(banner).toContainText('HTTP 404');
  await expect(finding(page, RULE_ID)).toHaveCount(0);

  await page.unroute(/\/tree-sitter-python-[\w-]+\.wasm$/);
  await page.keyboard.type('\n');
  await expect(banner).toHaveCount(0);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
});
