import type { Page } from '@playwright/test';
import { encodePermalink } from '../../engine/permalink';
import { redact } from '../../redaction/redact';
import {
  expect,
  finding,
  openApp,
  openRedactionTab,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  test,
  visibleLines,
} from './helpers';

/** Opens the page at `path`, expects the link banner with `message`, then checks the page still works. */
async function expectUsableAfterBadLink(page: Page, path: string, message: string | RegExp) {
  await page.goto(path);
  const banner = page.locator('[data-link="failed"]');
  await expect(banner).toContainText('This share link could not be opened');
  await expect(banner).toContainText(message);
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  expect(await visibleLines(page.locator('.code-editor'))).toEqual(['']);

  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.type('engine = create_engine(URL)\n');
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  // Nothing about the link is kept anywhere but the address bar: no localStorage, and the tab's
  // sessionStorage holds only what was typed (kept for a reload, see session.spec.ts).
  await expect
    .poll(() => page.evaluate(() => [localStorage.length, Object.keys(sessionStorage)]))
    .toEqual([0, ['staleproof.session']]);
  const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('staleproof.session') ?? '{}'));
  expect(saved.text).toContain('engine = create_engine(URL)');
  // Only a fingerprint of the fragment, to tell this tab's link from another one on a reload.
  expect(JSON.stringify(saved)).not.toContain(path.slice(2));
}

test('a corrupted link says so, and the page stays usable', async ({ page }) => {
  await expectUsableAfterBadLink(page, '/#v1.AAAA', 'This link is damaged');
});

test('a truncated real link says so, and the page stays usable', async ({ page }) => {
  const real = await encodePermalink({ text: redact(SNIPPET.repeat(20)).text, format: 'python' });
  await expectUsableAfterBadLink(
    page,
    `/${real.slice(0, Math.floor(real.length / 2))}`,
    'This link is damaged',
  );
});

test('a link from an unknown version asks for a reload, and the page stays usable', async ({ page }) => {
  await expectUsableAfterBadLink(page, '/#v9.x', 'made by a newer staleproof (format v9)');
});

test('an oversized link is refused before it is read, and the page stays usable', async ({ page }) => {
  await expectUsableAfterBadLink(page, `/#v1.${'A'.repeat(70_000)}`, 'This link is 70,003 characters long');
});

test('a link keeps the file name, the format and the environment', async ({ page }) => {
  const text = redact(`DATABASE_URL = "postgresql://app:Sup3r-Secret-Pw@db/orders"\n${SNIPPET}`).text;
  const fragment = await encodePermalink({
    text,
    format: 'python',
    filename: 'pool.py',
    environment: { platform: 'aurora', middleboxIdleSeconds: 350, versions: { sqlalchemy: '2.0.36' } },
  });
  await page.goto(`/${fragment}`);
  await expect(page.locator('[data-link="opened"]')).toContainText('secrets were replaced with placeholders');
  await expect(page.locator('.filename')).toHaveText('pool.py');
  await expect(page.getByLabel('Format')).toHaveValue('python');
  await expect(page.getByText('3 set')).toBeVisible();
  await page.getByText('Environment', { exact: false }).first().click();
  await expect(page.getByLabel('Where the database runs')).toHaveValue('aurora');
  await expect(page.getByLabel('Smallest NAT / load-balancer idle timeout (s)')).toHaveValue('350');
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect
    .poll(async () => (await visibleLines(page.locator('.code-editor')))[0])
    .toBe('DATABASE_URL = "postgresql://app:REDACTED_PASSWORD_1@db/orders"');
});

test('a config too large for a link gets the reason instead of a link', async ({ page }) => {
  // Comments of pseudo-random words: they compress poorly, and no detector takes them for secrets.
  let seed = 7;
  const letter = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(97 + (seed % 26));
  };
  test.slow(); // a 55 KB paste, analysed with every rule
  const lines = Array.from(
    { length: 900 },
    () => `# ${Array.from({ length: 10 }, () => Array.from({ length: 5 }, letter).join('')).join(' ')}`,
  );
  await openApp(page);
  await pasteIntoEditor(page, `${SNIPPET}${lines.join('\n')}\n`);
  await expect(finding(page, RULE_ID)).toHaveCount(1, { timeout: 30_000 });

  const panel = await openRedactionTab(page);
  await panel.getByRole('button', { name: 'Copy share link' }).click();
  await expect(panel.getByRole('alert')).toContainText('links are limited to 32,000');
  await expect(panel.getByLabel('Share link')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  // The redacted file is the way to share it, and it still works.
  await expect(panel.getByRole('button', { name: 'Download redacted' })).toBeEnabled();
});
