import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, finding, openApp, SNIPPET, test } from './helpers';

/** Several findings, pre-ping and recycling among them, each with a safe fix. */
const FINDINGS_TEXT = SNIPPET.replace('    pool_recycle=200,\n', '');
const PRE_PING = 'python.sqlalchemy.pre-ping-missing';

async function focusIsInEditor(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('.code-editor') !== null);
}

/** The line Monaco's cursor is on, from the highlighted line number. */
async function cursorLine(page: Page): Promise<number> {
  const text = await page.locator('.code-editor .line-numbers.active-line-number').first().textContent();
  return Number(text);
}

test('keyboard only: paste, walk the findings, open a rule’s docs, download the patched file', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.evaluate((text) => navigator.clipboard.writeText(text), FINDINGS_TEXT);

  await page.keyboard.press('Alt+Shift+KeyE');
  expect(await focusIsInEditor(page)).toBe(true);
  await page.keyboard.press('ControlOrMeta+V');
  const findings = page.getByRole('tabpanel', { name: /^Findings/ }).locator('.findings__list > li');
  await expect(finding(page, PRE_PING)).toBeVisible();
  await expect(page.locator('.status')).toHaveText('');
  const listed = await findings.evaluateAll((items) =>
    items.map((item) => ({
      rule: item.getAttribute('data-rule'),
      line: Number(/Line (\d+)/.exec(item.textContent ?? '')?.[1]),
    })),
  );
  const count = listed.length;
  expect(count).toBeGreaterThanOrEqual(2);

  // Next walks the list in its order and wraps; previous goes back. Each one shows the line in the editor.
  const status = page.getByTestId('shortcut-status');
  const steps: ['N' | 'P', number][] = [
    ...listed.map((_, index): ['N', number] => ['N', index]),
    ['N', 0],
    ['P', count - 1],
    ['P', count - 2],
  ];
  for (const [key, index] of steps) {
    await page.keyboard.press(`Alt+Shift+Key${key}`);
    const expected = listed[index];
    await expect(status).toContainText(
      `Finding ${index + 1} of ${count}, line ${expected?.line}: ${expected?.rule}.`,
    );
    await expect.poll(() => cursorLine(page)).toBe(expected?.line);
    expect(await focusIsInEditor(page)).toBe(true);
  }

  // Walk to the pre-ping finding, then open its docs: they load, and the focus is on them.
  const prePingIndex = listed.findIndex((f) => f.rule === PRE_PING);
  while (!(await status.textContent())?.includes(`Finding ${prePingIndex + 1} of ${count}`)) {
    await page.keyboard.press('Alt+Shift+KeyN');
  }
  await page.keyboard.press('Alt+Shift+KeyD');
  const docs = finding(page, PRE_PING).locator('details.docs');
  await expect(docs).toHaveAttribute('open', '');
  await expect(docs.locator('.docs__body h4').first()).toBeVisible();
  await expect(docs.locator('summary')).toBeFocused();

  const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+Shift+KeyS')]);
  const text = await readFile(await saved.path(), 'utf8');
  expect(saved.suggestedFilename()).toBe('patched.py');
  expect(text).toContain('    pool_pre_ping=True,\n');
  expect(text).toContain('    pool_recycle=200,\n');
  expect(text.replace('    pool_pre_ping=True,\n', '').replace('    pool_recycle=200,\n', '')).toBe(
    FINDINGS_TEXT,
  );
});

test('? opens the list of shortcuts outside text fields, Escape closes it and gives the focus back', async ({
  page,
}) => {
  await openApp(page);
  const opener = page.getByRole('button', { name: 'Load example' }).first();
  await opener.focus();
  await page.keyboard.press('Shift+Slash');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-shortcut="next-finding"]')).toContainText('Alt+Shift+N');
  await expect(dialog.locator('[data-shortcut="next-finding"]')).toContainText('Next finding');
  // The eight Alt+Shift shortcuts, the two that cycle the file tabs, and ? and Escape.
  await expect(dialog.locator('[data-shortcut]')).toHaveCount(12);
  await expect(dialog.locator('[data-shortcut="next-tab"]')).toContainText('Alt+Shift+.');
  expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // In the editor, ? is text.
  await page.keyboard.press('Alt+Shift+KeyE');
  await page.keyboard.type('x?');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.code-editor .view-lines')).toContainText('x?');

  // The header button opens it too; a shortcut pressed in it closes it and does its work.
  await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Alt+Shift+KeyO');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Format')).toBeFocused();
});

test('on macOS the list shows ⌥⇧', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' });
    Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => undefined });
  });
  await openApp(page);
  await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  const row = page.getByRole('dialog').locator('[data-shortcut="download"]');
  await expect(row.locator('kbd')).toHaveText(['⌥', '⇧', 'S']);
  await expect(row).not.toContainText('Alt');
});

test('Alt+Shift+L makes a share link from the redacted text and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.keyboard.press('Alt+Shift+KeyE');
  await page.evaluate((text) => navigator.clipboard.writeText(text), SNIPPET);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(finding(page, PRE_PING)).toBeVisible();

  await page.keyboard.press('Alt+Shift+KeyL');
  const field = page.getByRole('tabpanel', { name: /^Redaction/ }).getByLabel('Share link');
  await expect(field).toHaveValue(/#v1\./);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
  await expect(page.getByRole('button', { name: 'Copy share link' })).toBeFocused();
});
