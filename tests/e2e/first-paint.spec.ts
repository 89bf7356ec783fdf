import { expect, finding, RULE_ID, SNIPPET, test } from './helpers';

test('the page takes input and checks it before Monaco has loaded', async ({ page }) => {
  let release = () => {};
  const monacoHeld = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/monaco-[\w-]+\.js$/, async (route) => {
    await monacoHeld;
    await route.continue();
  });

  await page.goto('/');
  const textarea = page.locator('textarea.plain-editor');
  await textarea.fill(SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expect(page.locator('.code-editor[data-ready="true"]')).toHaveCount(0);

  release();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.code-editor .view-line').first()).toContainText('create_engine(');
  await expect(textarea).toHaveCount(0);
});
