import { expect, finding, findingsRegion, openApp, pasteIntoEditor, RULE_ID, SNIPPET, test } from './helpers';

test('the picker shows the detected format, and overriding it re-runs the check', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);

  const picker = page.getByLabel('Format');
  const detection = page.getByTestId('format-detection');
  await expect(detection).toContainText('Detected: Python');
  await expect(detection).toContainText('create_engine call');
  await expect(picker).toHaveValue('');
  await expect(finding(page, RULE_ID)).toHaveCount(1);

  // The snippet is valid JavaScript too, and no JavaScript rule reports it.
  await picker.selectOption({ label: 'JavaScript' });
  await expect(detection).toHaveText('Chosen by you.');
  await expect(findingsRegion(page).getByText(/^No findings/)).toBeVisible();
  await expect(finding(page, RULE_ID)).toHaveCount(0);

  await picker.selectOption({ label: 'Detect automatically' });
  await expect(detection).toContainText('Detected: Python');
  await expect(finding(page, RULE_ID)).toHaveCount(1);
});
