import { readFileSync } from 'node:fs';
import { FORMATS } from '../../wasm-parsers/formats';
import { SAMPLES } from '../../web/src/lib/samples';
import { expect, findingsRegion, openApp, test, visibleLines } from './helpers';

const configs = SAMPLES.filter((s) => s.format !== 'unknown');

test('the empty state offers every sample, grouped by stack', async ({ page }) => {
  await openApp(page);
  const gallery = findingsRegion(page).getByRole('region', { name: 'Or open a sample' });
  await expect(gallery.getByRole('button')).toHaveCount(SAMPLES.length);
  for (const group of [
    'Python',
    'JavaScript / TypeScript',
    'Go',
    'Ruby',
    'JVM',
    'Servers',
    'Several files',
    'Errors',
  ]) {
    await expect(gallery.getByRole('heading', { name: group, exact: true })).toBeVisible();
  }
  for (const sample of SAMPLES) {
    await expect(gallery.locator(`[data-sample="${sample.id}"]`)).toContainText(sample.title);
  }
});

for (const sample of configs) {
  test(`sample ${sample.id} opens in one click as ${sample.filename}, with findings and a fix`, async ({
    page,
  }) => {
    await openApp(page);
    await findingsRegion(page).locator(`[data-sample="${sample.id}"]`).click();

    // Opened like a file: its name is kept, and the format comes from that name.
    await expect(page.locator('.filename')).toHaveText(sample.filename ?? '');
    const format = sample.format === 'unknown' ? '' : FORMATS[sample.format].label;
    await expect(page.getByTestId('format-detection')).toContainText(`Detected: ${format} (`);
    await expect(page.getByTestId('format-detection')).toContainText('from the');

    // The sample's own text is in the editor.
    const firstLine = readFileSync(
      new URL(`../../web/src/samples/${sample.file}`, import.meta.url),
      'utf8',
    ).split('\n')[0];
    await expect.poll(async () => (await visibleLines(page.locator('.code-editor')))[0]).toBe(firstLine);
    await expect(findingsRegion(page).locator('.finding').first()).toBeVisible();
    await expect(findingsRegion(page).locator('[data-problem]')).toHaveCount(0);
    // At least one fix is in the patched file: the diff pane shows a change, not "No changes".
    await expect(page.getByTestId('diff')).toBeVisible();
  });
}

test('the deployment sample opens its three files as tabs, the app shown with the findings the others cause', async ({
  page,
}) => {
  await openApp(page);
  await findingsRegion(page).locator('[data-sample="deployment"]').click();
  const tabs = page.getByRole('tablist', { name: 'Files' }).getByRole('tab');
  await expect(tabs).toHaveCount(3);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(0)).toContainText('orders.py');
  await expect(tabs.nth(1)).toContainText('pgbouncer.ini');
  await expect(tabs.nth(2)).toContainText('postgresql.conf');
  const cross = findingsRegion(page).locator('.finding', { hasText: 'other files' });
  await expect(cross).toHaveCount(2, { timeout: 30_000 });
  await expect(
    findingsRegion(page).locator('[data-rule="python.libpq.options-through-pgbouncer"]'),
  ).toContainText('other files');
});
