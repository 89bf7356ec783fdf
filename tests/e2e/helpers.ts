import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** Every test fails on an uncaught error in the page, even when what it checks looks right. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export const SNIPPET = `engine = create_engine(
    DATABASE_URL,
    pool_size=10,
    max_overflow=5,
)
`;

export const RULE_ID = 'python.sqlalchemy.pre-ping-missing';

/** The snippet as the fix should leave it: the keyword added before the closing parenthesis. */
export function withPrePing(text: string): string {
  const close = text.lastIndexOf('\n)') + 1;
  return `${text.slice(0, close)}    pool_pre_ping=True,\n${text.slice(close)}`;
}

export function findingsRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Findings' });
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
