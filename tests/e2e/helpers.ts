import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import {
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
  type Request,
} from '@playwright/test';

export { expect };

/** Every request a context makes: its URL and, for the few that have one, its body. */
export interface RecordedRequest {
  url: string;
  postData: string | null;
}

export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  context.on('request', (request: Request) =>
    requests.push({ url: request.url(), postData: request.postData() }),
  );
  return requests;
}

/** Requests to anything but the page's own origin (data: and blob: URLs never leave the browser). */
export function offOrigin(requests: readonly RecordedRequest[], baseURL: string | undefined): string[] {
  const origin = new URL(baseURL ?? '').origin;
  return requests
    .map((r) => r.url)
    .filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

/** Collects uncaught errors of a page the fixtures do not watch (one in a second context). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Every test fails on an uncaught error in the page, even when what it checks looks right, and on any
 * request of its browser context to another origin.
 */
export const test = base.extend<{ pageErrors: string[]; requests: RecordedRequest[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors = watchErrors(page);
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  requests: [
    async ({ context, baseURL }, use) => {
      const requests = recordRequests(context);
      await use(requests);
      expect(offOrigin(requests, baseURL), 'requests to another origin').toEqual([]);
    },
    { auto: true },
  ],
});

/** Recycling is set as the recycle rules want it, so pre-ping is the one fix the page proposes. */
export const SNIPPET = `engine = create_engine(
    DATABASE_URL,
    pool_size=10,
    max_overflow=5,
    pool_recycle=200,
)
`;

export const RULE_ID = 'python.sqlalchemy.pre-ping-missing';

/** The snippet as the fix should leave it: the keyword added before the closing parenthesis. */
export function withPrePing(text: string): string {
  const close = text.lastIndexOf('\n)') + 1;
  return `${text.slice(0, close)}    pool_pre_ping=True,\n${text.slice(close)}`;
}

/** The Findings tab of the results pane (only while it is the selected tab). */
export function findingsRegion(page: Page): Locator {
  return page.getByRole('tabpanel', { name: /^Findings/ });
}

/** The Redaction tab of the results pane, selected first. */
export async function openRedactionTab(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: /^Redaction/ }).click();
  return page.getByRole('tabpanel', { name: /^Redaction/ });
}

export function finding(page: Page, ruleId: string): Locator {
  return findingsRegion(page).getByRole('listitem').filter({ hasText: ruleId });
}

export function downloadButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Download patched file' });
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
}

/** A real paste: a ClipboardEvent with a DataTransfer, sent to whatever Monaco focused for input. */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator('.code-editor .view-lines').click();
  await page.evaluate((pasted) => {
    const target = document.activeElement;
    if (!target?.closest('.code-editor')) throw new Error('the editor did not take focus');
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** What Monaco shows, line by line in screen order, with its non-breaking spaces turned back into spaces. */
export async function visibleLines(editor: Locator): Promise<string[]> {
  return editor
    .locator('.view-lines')
    .evaluate((lines) =>
      [...lines.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')),
    );
}

/** The lines Monaco's diff editor marks as inserted on its patched side. */
export async function insertedLines(diff: Locator): Promise<string[]> {
  return diff.locator('.editor.modified').evaluate((editor) => {
    const tops = new Set(
      [...editor.querySelectorAll<HTMLElement>('.view-overlays > div')]
        .filter((overlay) => overlay.querySelector('.line-insert'))
        .map((overlay) => overlay.style.top),
    );
    return [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')]
      .filter((line) => tops.has(line.style.top))
      .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
  });
}

/** The JSON a `#v1.` share link carries, read without the re-redaction `decodePermalink` applies. */
export function sharePayload(url: string): { text: string; [key: string]: unknown } {
  const hash = new URL(url).hash;
  if (!hash.startsWith('#v1.')) throw new Error(`not a v1 share link: ${hash.slice(0, 20)}`);
  return JSON.parse(inflateRawSync(Buffer.from(hash.slice(4), 'base64url')).toString('utf8'));
}

/** Clicks "Copy share link" in the Redaction tab and returns the link it shows. */
export async function createShareLink(page: Page): Promise<string> {
  const panel = await openRedactionTab(page);
  const field = panel.getByLabel('Share link');
  const before = (await field.count()) > 0 ? await field.inputValue() : '';
  await panel.getByRole('button', { name: 'Copy share link' }).click();
  await expect(field).not.toHaveValue(before);
  return field.inputValue();
}

/** Saves a download of the button with this name and returns its file name and text. */
export async function download(page: Page, name: string): Promise<{ name: string; text: string }> {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return { name: saved.suggestedFilename(), text: await readFile(await saved.path(), 'utf8') };
}

/** Everything the page's storage holds, as `[localStorage entries, sessionStorage entries]`. */
export async function storageOf(page: Page): Promise<[string, string][][]> {
  return page.evaluate(() => [Object.entries(localStorage), Object.entries(sessionStorage)]);
}
