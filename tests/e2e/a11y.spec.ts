import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  expect,
  finding,
  insertedLines,
  openApp,
  openRedactionTab,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  test,
} from './helpers';

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now, with where they are. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // Where, and for contrast the colours and ratio axe measured.
      nodes: v.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
}

/**
 * Findings and a diff that both removes and inserts text (1800 becomes 200, pre-ping is added), so the
 * diff editor's removed and inserted highlights are both on the page for the contrast check.
 */
async function withFindings(page: Page): Promise<void> {
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET.replace('pool_recycle=200', 'pool_recycle=1800'));
  await expect(finding(page, RULE_ID)).toBeVisible();
  const diff = page.getByTestId('diff');
  await expect.poll(() => insertedLines(diff)).toContain('    pool_pre_ping=True,');
  await expect.poll(() => insertedLines(diff)).toContain('    pool_recycle=200,');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    // axe walks every node Monaco renders: slower than the default 30 s on two shared cores.
    test.describe.configure({ timeout: 90_000 });

    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the empty page has no serious axe violations', async ({ page }) => {
      await openApp(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a page with findings, a diff and open rule docs has no serious axe violations', async ({
      page,
    }) => {
      await withFindings(page);
      await finding(page, RULE_ID).getByText('Docs').click();
      await expect(finding(page, RULE_ID).locator('.docs__body h4').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the environment panel, opened, has no serious axe violations', async ({ page }) => {
      await withFindings(page);
      await page.locator('.env-panel > summary').click();
      await page.getByText('Library versions').click();
      await expect(page.getByLabel('Where the database runs')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the redaction tab, with a share link made, has no serious axe violations', async ({ page }) => {
      await withFindings(page);
      const panel = await openRedactionTab(page);
      await panel.getByRole('button', { name: 'Copy share link' }).click();
      await expect(panel.getByLabel('Share link')).toHaveValue(/#v1\./);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the shortcuts dialog has no serious axe violations', async ({ page }) => {
      await withFindings(page);
      await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('at a laptop split screen (700 × 800) the panes stack and the page never scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 700, height: 800 });
  await withFindings(page);
  await page.locator('.env-panel > summary').click();
  await finding(page, RULE_ID).getByText('Docs').click();
  await expect(finding(page, RULE_ID).locator('.docs__body h4').first()).toBeVisible();

  const overflow = () =>
    page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
  let { scroll, viewport } = await overflow();
  expect(scroll).toBeLessThanOrEqual(viewport);

  // One column: each pane sits below the previous one, each within the window.
  const boxes = await Promise.all(
    ['.pane--editor', '.pane--results', '.pane--diff'].map(async (selector) => {
      const box = await page.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not shown`);
      return box;
    }),
  );
  for (const box of boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport);
  }
  const [editor, results, diff] = boxes;
  expect(results?.y).toBeGreaterThanOrEqual((editor?.y ?? 0) + (editor?.height ?? 0));
  expect(diff?.y).toBeGreaterThanOrEqual((results?.y ?? 0) + (results?.height ?? 0));

  // The redaction tab with a long share link and the shortcuts dialog stay inside the window too.
  const panel = await openRedactionTab(page);
  await panel.getByRole('button', { name: 'Copy share link' }).click();
  await expect(panel.getByLabel('Share link')).toHaveValue(/#v1\./);
  await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  const dialog = await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).boundingBox();
  expect((dialog?.x ?? -1) + (dialog?.width ?? Infinity)).toBeLessThanOrEqual(viewport);
  ({ scroll, viewport } = await overflow());
  expect(scroll).toBeLessThanOrEqual(viewport);
});
