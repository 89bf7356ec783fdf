import type { Page } from '@playwright/test';
import {
  createShareLink,
  download,
  expect,
  finding,
  offOrigin,
  openApp,
  openRedactionTab,
  pasteIntoEditor,
  RULE_ID,
  recordRequests,
  sharePayload,
  storageOf,
  test,
  visibleLines,
  watchErrors,
} from './helpers';
import {
  AWS_KEY_ID,
  DSN_PASSWORD,
  EXPECTED_ROWS,
  RDS_HOST,
  SECRET_CONFIG,
  SECRETS,
  TEAM_NAME,
} from './secrets';

/** The rows of the redaction panel: placeholder and kind, in screen order. */
async function rows(page: Page): Promise<Array<{ placeholder: string; kind: string }>> {
  return page
    .getByRole('tabpanel', { name: /^Redaction/ })
    .locator('.redaction-item[data-placeholder]')
    .evaluateAll((items) =>
      items.map((item) => ({
        placeholder: item.getAttribute('data-placeholder') ?? '',
        kind: item.getAttribute('data-kind') ?? '',
      })),
    );
}

/**
 * The page's HTML without the two views that show the person their own text (the editor and the
 * diff): everything else (the panel, the share field, titles, banners) must never hold a value.
 */
async function contentOutsideOwnText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const own of copy.querySelectorAll('.editor-area, .diff-area')) own.remove();
    return copy.outerHTML;
  });
}

test('planted secrets are listed by kind, and none reaches the link, the DOM, storage or a request', async ({
  page,
  context,
  browser,
  baseURL,
  requests,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await pasteIntoEditor(page, SECRET_CONFIG);
  await expect(finding(page, RULE_ID)).toHaveCount(1);

  const panel = await openRedactionTab(page);
  await expect.poll(() => rows(page)).toEqual(EXPECTED_ROWS);
  await expect(panel.getByRole('region', { name: 'Secrets' }).getByRole('listitem')).toHaveCount(6);
  await expect(panel.locator('[data-kind="cloud-key"]')).toContainText('cloud access key');
  await expect(panel.locator('[data-kind="private-key"]')).toContainText('Line 12:1');
  // Infrastructure identifiers are off by default, as in the engine.
  await expect(panel.getByLabel('Infrastructure identifiers')).not.toBeChecked();
  await expect(panel.getByRole('region', { name: 'Infrastructure' })).toHaveCount(0);

  // The editor marks each redacted value, and its hover names the placeholder.
  const marked = page.locator('.code-editor .redacted-range');
  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(marked.filter({ hasText: 'FakeDsnPass' })).toHaveCount(1);
  await marked.filter({ hasText: 'FakeDsnPass' }).hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Redacted as' })).toContainText(
    'Redacted as REDACTED_PASSWORD_1 in anything shared',
  );

  const url = await createShareLink(page);
  const link = new URL(url);
  expect(link.pathname).toBe('/');
  expect(link.search).toBe('');
  expect(link.hash.startsWith('#v1.')).toBe(true);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(panel.getByText(`${url.length.toLocaleString('en')} characters`)).toBeVisible();
  const payload = sharePayload(url);
  expect(payload.format).toBe('python');
  expect(payload.text).toContain('postgresql://orders_app:REDACTED_PASSWORD_1@');
  expect(payload.text).toContain('-----BEGIN PRIVATE KEY-----\nREDACTED_PRIVATE_KEY_1\n');

  // The link, opened where nothing of the first page exists.
  const other = await browser.newContext();
  const otherRequests = recordRequests(other);
  const opened = await other.newPage();
  const otherErrors = watchErrors(opened);
  await opened.goto(url);
  await expect(
    opened.getByText('Opened from a shared link: secrets were replaced with placeholders'),
  ).toBeVisible();
  await expect(opened.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect
    .poll(async () => (await visibleLines(opened.locator('.code-editor'))).join('\n'))
    .toContain('DATABASE_URL = "postgresql://orders_app:REDACTED_PASSWORD_1@');
  const shown = (await visibleLines(opened.locator('.code-editor'))).join('\n');
  expect(shown).toContain('AWS_ACCESS_KEY_ID = "REDACTED_CLOUD_KEY_1"');
  expect(shown).toContain('API_TOKEN = "REDACTED_TOKEN_1"');
  await expect(opened.getByTestId('format-detection')).toHaveText('Set by the shared link.');
  await expect(finding(opened, RULE_ID)).toHaveCount(1);
  // The restored text is the shared text, character for character.
  const restored = await download(opened, 'Download patched file');
  expect(restored.text).toContain(payload.text.slice(0, payload.text.indexOf('engine = ')));

  // No planted value anywhere: the link, either page, their storage, their requests.
  // The editor does show the person's own values: the checks below have something to miss.
  const ownText = (await page.locator('.editor-area').textContent()) ?? '';
  expect(ownText.replace(/\u00a0/g, ' ')).toContain(DSN_PASSWORD);
  const pages = [
    { name: 'first page (outside its editor and diff)', html: await contentOutsideOwnText(page) },
    { name: 'opened page', html: await opened.content() },
  ];
  // Neither check is vacuous: both hold the placeholders.
  for (const { html } of pages) expect(html).toContain('REDACTED_PRIVATE_KEY_1');
  // No localStorage at all. The opened page's sessionStorage keeps its (redacted) text for a reload;
  // the first page's keeps the person's own text, for that tab only (session.spec.ts).
  const [firstLocal, firstSession] = await storageOf(page);
  const [openedLocal, openedSession] = await storageOf(opened);
  expect([...(firstLocal ?? []), ...(openedLocal ?? [])]).toEqual([]);
  expect((firstSession ?? []).map(([key]) => key)).toEqual(['staleproof.session']);
  const storage = JSON.stringify(openedSession);
  expect(storage).toContain('REDACTED_PRIVATE_KEY_1');
  const traffic = [...requests, ...otherRequests].map((r) => `${r.url}\n${r.postData ?? ''}`).join('\n');
  for (const secret of SECRETS) {
    expect(url, 'share link').not.toContain(secret);
    expect(JSON.stringify(payload), 'share link payload').not.toContain(secret);
    for (const { name, html } of pages) expect(html, name).not.toContain(secret);
    expect(storage, 'opened page storage').not.toContain(secret);
    expect(traffic, 'requests').not.toContain(secret);
  }
  expect(offOrigin(otherRequests, baseURL)).toEqual([]);
  await other.close();
  expect(otherErrors).toEqual([]);
});

test('the patched download keeps the real values byte for byte; the redacted one has none', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Open config files').setInputFiles({
    name: 'db.py',
    mimeType: 'text/x-python',
    buffer: Buffer.from(SECRET_CONFIG),
  });
  await expect(finding(page, RULE_ID)).toHaveCount(1);

  const patched = await download(page, 'Download patched file');
  expect(patched.name).toBe('db.py');
  // Fixes only add lines: every line of the original, secrets and all, is still there as it was.
  const patchedLines = new Set(patched.text.split('\n'));
  for (const line of SECRET_CONFIG.split('\n')) expect(patchedLines.has(line), line).toBe(true);
  for (const secret of SECRETS) expect(patched.text).toContain(secret);
  expect(patched.text).not.toContain('REDACTED_');

  await openRedactionTab(page);
  const redacted = await download(page, 'Download redacted');
  expect(redacted.name).toBe('db.redacted.py');
  for (const secret of SECRETS) expect(redacted.text).not.toContain(secret);
  expect(redacted.text).toContain('os.environ["PGPASSWORD"] = "REDACTED_PASSWORD_3"');
});

test('un-redacting one value puts it in what is shared; infrastructure redaction hides the host', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, SECRET_CONFIG);
  const panel = await openRedactionTab(page);
  await expect.poll(() => rows(page)).toEqual(EXPECTED_ROWS);

  const before = sharePayload(await createShareLink(page));
  expect(before.text).not.toContain(AWS_KEY_ID);
  expect(before.text).toContain(RDS_HOST);

  await expect(panel.getByText('Un-redact shows a value as it is in the share link')).toBeVisible();
  await panel.getByRole('button', { name: 'Un-redact REDACTED_CLOUD_KEY_1' }).click();
  const shownAsIs = panel.getByRole('region', { name: 'Shown as is' });
  await expect(shownAsIs.getByRole('listitem')).toHaveCount(1);
  await expect(shownAsIs).toContainText('cloud access key');
  await expect(shownAsIs).toContainText('Line 9:22');
  await expect.poll(async () => (await rows(page)).map((r) => r.kind)).not.toContain('cloud-key');

  const unredacted = sharePayload(await createShareLink(page));
  expect(unredacted.text).toContain(`AWS_ACCESS_KEY_ID = "${AWS_KEY_ID}"`);
  expect(unredacted.text).not.toContain(DSN_PASSWORD);
  const file = await download(page, 'Download redacted');
  expect(file.name).toBe('patched.redacted.py');
  expect(file.text).toContain(AWS_KEY_ID);
  expect(file.text).not.toContain(DSN_PASSWORD);

  await panel.getByLabel('Infrastructure identifiers').check();
  const infrastructure = panel.getByRole('region', { name: 'Infrastructure' });
  await expect(infrastructure.locator('[data-kind="host"]')).toContainText('Line 6:60');
  const hidden = sharePayload(await createShareLink(page));
  expect(hidden.text).not.toContain(RDS_HOST);
  expect(hidden.text).toContain('@REDACTED_HOST_1:5432/');
  expect((await download(page, 'Download redacted')).text).not.toContain(RDS_HOST);

  // Redact again: the key is hidden once more.
  await shownAsIs.getByRole('button', { name: 'Redact again' }).click();
  await expect(shownAsIs).toHaveCount(0);
  expect(sharePayload(await createShareLink(page)).text).not.toContain(AWS_KEY_ID);
});

test('a selection redacted by hand is listed, survives edits, and leaves the share link', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, SECRET_CONFIG);
  const panel = await openRedactionTab(page);
  await expect.poll(() => rows(page)).toEqual(EXPECTED_ROWS);
  expect(sharePayload(await createShareLink(page)).text).toContain(TEAM_NAME);
  await expect(panel.getByRole('button', { name: 'Redact selection' })).toBeDisabled();

  // Line 15 starts with the name: go there and select the word, with the keyboard only.
  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < 15; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ControlOrMeta+ArrowRight');
  await panel.getByRole('button', { name: 'Redact selection' }).click();

  const manual = panel.locator('.redaction-item[data-kind="manual"]');
  await expect(manual).toContainText('selected by you');
  await expect(manual).toContainText('REDACTED_VALUE_1');
  await expect(manual).toContainText('Line 15:1');
  const link = await createShareLink(page);
  expect(sharePayload(link).text).toContain('REDACTED_VALUE_1 = "orders team"');
  expect(sharePayload(link).text).not.toContain(TEAM_NAME);

  // Kept as a value, not a range: a line added above moves it, and it is still found.
  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('# owners below\n');
  await expect(manual).toContainText('Line 16:1');
  const edited = sharePayload(await createShareLink(page)).text;
  expect(edited.startsWith('# owners below\n')).toBe(true);
  expect(edited).not.toContain(TEAM_NAME);

  // Un-redacting a hand-picked value simply forgets it.
  await manual.getByRole('button', { name: /^Un-redact/ }).click();
  await expect(manual).toHaveCount(0);
  expect(sharePayload(await createShareLink(page)).text).toContain(TEAM_NAME);
});
