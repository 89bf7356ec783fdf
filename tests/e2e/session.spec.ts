import type { Page } from '@playwright/test';
import { encodePermalink } from '../../engine/permalink';
import { redact } from '../../redaction/redact';
import {
  createShareLink,
  download,
  expect,
  finding,
  openApp,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  storageOf,
  test,
  visibleLines,
  watchErrors,
} from './helpers';
import { DSN_PASSWORD, SECRET_CONFIG, SECRETS } from './secrets';

/** The key store/persist.ts writes; the theme override (another key) may sit next to it. */
const SESSION_KEY = 'staleproof.session';

async function sessionEntry(page: Page): Promise<string | null> {
  return page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
}

async function editorText(page: Page): Promise<string> {
  return (await visibleLines(page.locator('.code-editor'))).join('\n');
}

/** Waits until the typing pause has passed and the tab's storage holds `text`. */
async function expectSaved(page: Page, text: string): Promise<void> {
  await expect.poll(async () => JSON.parse((await sessionEntry(page)) ?? '{}').text).toBe(text);
}

test('typed text, file name, format and environment survive a reload of the tab', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Open config files').setInputFiles({
    name: 'pool.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(SNIPPET),
  });
  await page.getByLabel('Format').selectOption({ label: 'Python' });
  await page.getByText('Environment', { exact: false }).first().click();
  await page.getByLabel('Where the database runs').selectOption('aurora');
  await page.getByLabel('Smallest NAT / load-balancer idle timeout (s)').fill('350');
  // And typed by hand, after the file was opened.
  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('# typed here\n');
  const typed = `# typed here\n${SNIPPET}`;
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expectSaved(page, typed);

  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect.poll(() => editorText(page)).toBe(typed);
  await expect(page.locator('.filename')).toHaveText('pool.txt');
  await expect(page.getByLabel('Format')).toHaveValue('python');
  await page.getByText('Environment', { exact: false }).first().click();
  await expect(page.getByLabel('Where the database runs')).toHaveValue('aurora');
  await expect(page.getByLabel('Smallest NAT / load-balancer idle timeout (s)')).toHaveValue('350');
  // The restored input is analysed again, and the download is the file as it was.
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  const file = await download(page, 'Download patched file');
  expect(file.name).toBe('pool.txt');
  expect(file.text).toContain('# typed here\nengine = create_engine(');
});

/** A page with no text and none of the planted secrets in its storage. */
async function expectEmpty(fresh: Page): Promise<void> {
  expect(await editorText(fresh)).toBe('');
  const storage = JSON.stringify(await storageOf(fresh));
  for (const secret of SECRETS) expect(storage).not.toContain(secret);
  expect(await sessionEntry(fresh)).toBeNull();
}

test('secrets typed stay in this tab only: a new tab and a new window start empty', async ({
  page,
  context,
  browser,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, SECRET_CONFIG);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expectSaved(page, SECRET_CONFIG);

  // Only sessionStorage, and only this tab's: never localStorage.
  const [local = [], session = []] = await storageOf(page);
  expect(local).toEqual([]);
  expect(session.map(([key]) => key)).toContain(SESSION_KEY);
  expect(JSON.stringify(session)).toContain(DSN_PASSWORD);

  // Three pages at once: more time on a busy machine, not a timing check.
  test.slow();
  const tab = await context.newPage();
  const tabErrors = watchErrors(tab);
  await openApp(tab);
  await expectEmpty(tab);
  await tab.close();
  const other = await browser.newContext();
  const window = await other.newPage();
  const windowErrors = watchErrors(window);
  await openApp(window);
  await expectEmpty(window);
  await other.close();
  expect([...tabErrors, ...windowErrors]).toEqual([]);
});

test('after making a share link, a reload brings back the real text, not the redacted copy', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, SECRET_CONFIG);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  const url = await createShareLink(page);
  expect(page.url()).toBe(url);

  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect.poll(() => editorText(page)).toContain(DSN_PASSWORD);
  expect(page.url()).toBe(url);
  await expect(page.locator('[data-link="opened"]')).toHaveCount(0);
  const file = await download(page, 'Download patched file');
  expect(file.text).toContain(DSN_PASSWORD);
  expect(file.text).not.toContain('REDACTED_');
});

test('a share link being opened wins over the text saved in the tab', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, SECRET_CONFIG);
  await expectSaved(page, SECRET_CONFIG);

  const shared = redact(`# from a colleague\n${SNIPPET}`).text;
  const fragment = await encodePermalink({ text: shared, format: 'python', filename: 'theirs.py' });
  // A new page load in the same tab keeps the tab's sessionStorage.
  await page.goto('about:blank');
  await page.goto(`/${fragment}`);
  await expect(page.locator('[data-link="opened"]')).toContainText('secrets were replaced with placeholders');
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect.poll(() => editorText(page)).toBe(shared);
  await expect(page.locator('.filename')).toHaveText('theirs.py');
  // From now on the tab keeps the opened link's text.
  await expectSaved(page, shared);
});

test('over the input limit nothing is kept, and the older text is not brought back', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);
  await expectSaved(page, SNIPPET);
  // 2 MiB and one character: the engine refuses it, and so does the tab's storage.
  await pasteIntoEditor(page, `${'#'.repeat(2 * 1024 * 1024)}\n`);
  await expect(page.getByText(/2\.0 MiB/).first()).toBeVisible();
  await expect.poll(() => sessionEntry(page)).toBeNull();

  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  expect(await editorText(page)).toBe('');
});

test('a full sessionStorage never breaks the page', async ({ page }) => {
  await page.addInitScript(() => {
    const refused: string[] = [];
    Object.assign(window, { refusedWrites: refused });
    Storage.prototype.setItem = (key: string) => {
      refused.push(key);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  // The write was tried, refused, and the page went on.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { refusedWrites: string[] }).refusedWrites))
    .toContain(SESSION_KEY);
  expect(await sessionEntry(page)).toBeNull();
  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  expect(await editorText(page)).toBe('');
  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
});

test('a page without sessionStorage (disabled by the browser) still works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
});
