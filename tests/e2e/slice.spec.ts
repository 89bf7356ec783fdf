import { readFile } from 'node:fs/promises';
import {
  downloadButton,
  expect,
  finding,
  insertedLines,
  openApp,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  test,
  visibleLines,
  withPrePing,
} from './helpers';

test('paste a SQLAlchemy engine, see the finding and the diff, download the patched file', async ({
  page,
  context,
  baseURL,
}) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });

  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);
  await expect.poll(async () => (await visibleLines(page.locator('.code-editor'))).join('\n')).toBe(SNIPPET);

  const item = finding(page, RULE_ID);
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('button', { name: 'Line 1:10' })).toBeVisible();
  await expect(item.locator('.badge')).toHaveText('safe');

  const diff = page.getByTestId('diff');
  await expect(diff.locator('.editor.modified .line-insert').first()).toBeVisible();
  await expect.poll(() => insertedLines(diff)).toEqual(['    pool_pre_ping=True,']);

  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton(page).click()]);
  expect(download.suggestedFilename()).toBe('patched.py');
  expect(await readFile(await download.path(), 'utf8')).toBe(withPrePing(SNIPPET));

  // The line:column button moves the editor's cursor to the finding.
  await item.getByRole('button', { name: 'Line 1:10' }).click();
  await expect(page.locator('.code-editor .line-numbers.active-line-number')).toHaveText('1');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.code-editor')))).toBe(true);

  const origin = new URL(baseURL ?? '').origin;
  const offOrigin = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
  expect(offOrigin).toEqual([]);
  expect(requests.some((url) => /\/tree-sitter-python-[\w-]+\.wasm$/.test(url))).toBe(true);
  expect(requests.filter((url) => /\/tree-sitter-java-[\w-]+\.wasm$/.test(url))).toEqual([]);
  expect(cspViolations).toEqual([]);
});

test('an opened file keeps its name in the download', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Open config files').setInputFiles({
    name: 'db.py',
    mimeType: 'text/x-python',
    buffer: Buffer.from(SNIPPET),
  });

  await expect(page.locator('.filename')).toHaveText('db.py');
  await expect(page.getByTestId('format-detection')).toContainText('.py extension');
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  // The rule docs load with the rule catalog when first opened, not with the page.
  await finding(page, RULE_ID).getByText('Docs').click();
  await expect(finding(page, RULE_ID).getByText('What it checks')).toBeVisible();
  await expect(downloadButton(page)).toBeEnabled();

  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton(page).click()]);
  expect(download.suggestedFilename()).toBe('db.py');
  expect(await readFile(await download.path(), 'utf8')).toBe(withPrePing(SNIPPET));
});

test('a file dropped on the page is loaded with its name', async ({ page }) => {
  await openApp(page);
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'pool.py', { type: 'text/x-python' }));
    return data;
  }, SNIPPET);

  await page.dispatchEvent('body', 'dragenter', { dataTransfer: drop });
  await expect(page.getByText('Drop the file to check it')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: drop });

  await expect(page.getByText('Drop the file to check it')).toHaveCount(0);
  await expect(page.locator('.filename')).toHaveText('pool.py');
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expect(downloadButton(page)).toHaveAttribute(
    'title',
    'Save the patched file as pool.py, with your real values',
  );
});

/** The snippet of the foundation issue, exactly as a newcomer pastes it. */
const ISSUE_SNIPPET = `engine = create_engine(
    DATABASE_URL,
    pool_size=10,
    max_overflow=5,
)
`;

test('the issue snippet as given: every finding, both safe fixes in the diff and the download', async ({
  page,
  context,
  baseURL,
}) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await openApp(page);
  await pasteIntoEditor(page, ISSUE_SNIPPET);

  await expect(finding(page, 'python.sqlalchemy.pre-ping-missing').locator('.badge')).toHaveText('safe');
  await expect(finding(page, 'python.sqlalchemy.recycle-disabled').locator('.badge')).toHaveText('safe');
  // The URL comes from a variable: libpq keepalives are suggested, never written blind.
  await expect(finding(page, 'python.libpq.keepalives-missing')).toContainText('driver is unknown');

  const diff = page.getByTestId('diff');
  await expect.poll(() => insertedLines(diff)).toEqual(['    pool_pre_ping=True,', '    pool_recycle=200,']);

  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton(page).click()]);
  expect(await readFile(await download.path(), 'utf8')).toBe(
    ISSUE_SNIPPET.replace(
      '    max_overflow=5,\n',
      '    max_overflow=5,\n    pool_pre_ping=True,\n    pool_recycle=200,\n',
    ),
  );
  const origin = new URL(baseURL ?? '').origin;
  expect(requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin)).toEqual([]);
});
