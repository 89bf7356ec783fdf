import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  downloadButton,
  expect,
  finding,
  openApp,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  test,
  withPrePing,
} from './helpers';
import { DSN_PASSWORD, SECRET_CONFIG, SECRETS } from './secrets';

const BOM = '\uFEFF';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const bytes = (text: string) => Buffer.from(text, 'utf8');

/** Opens `text` as the file `name` through the page's file picker (the bytes as given, BOM and all). */
async function openFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByLabel('Open config files').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.isBuffer(text) ? text : bytes(text),
  });
  await expect(page.locator('.filename')).toHaveText(name);
}

/** Clicks `button` and returns the saved file's suggested name and exact bytes. */
async function save(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
}

function downloads(page: Page): Locator {
  return page.getByRole('region', { name: 'Proposed changes' });
}

/** Applies `patch` to a file `name` holding `original` with GNU patch or git apply; returns the result's bytes. */
async function applyPatch(
  tool: 'patch' | 'git',
  name: string,
  original: Buffer,
  patch: Buffer,
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'staleproof-e2e-'));
  try {
    await writeFile(join(dir, name), original);
    await writeFile(join(dir, 'changes.patch'), patch);
    const run =
      tool === 'patch'
        ? spawnSync('patch', ['-p1', '--batch', '--forward', '-i', 'changes.patch'], {
            cwd: dir,
            encoding: 'utf8',
          })
        : spawnSync('git', ['apply', '--whitespace=nowarn', 'changes.patch'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, `${tool} failed: ${run.stdout}${run.stderr}`).toBe(0);
    return await readFile(join(dir, name));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const PROPERTIES: Array<{ label: string; original: string; patched: string }> = [
  { label: 'CRLF line endings stay CRLF', original: crlf(SNIPPET), patched: crlf(withPrePing(SNIPPET)) },
  {
    label: 'a UTF-8 byte-order mark is kept',
    original: `${BOM}${SNIPPET}`,
    patched: `${BOM}${withPrePing(SNIPPET)}`,
  },
  {
    label: 'a missing final newline stays missing',
    original: SNIPPET.slice(0, -1),
    patched: withPrePing(SNIPPET).slice(0, -1),
  },
  {
    label: 'mixed line endings stay as they were',
    // Two lines in the middle end in CRLF, the others in LF. The added line takes the first line's LF.
    original: SNIPPET.replace('URL,\n', 'URL,\r\n').replace('=10,\n', '=10,\r\n'),
    patched: withPrePing(SNIPPET).replace('URL,\n', 'URL,\r\n').replace('=10,\n', '=10,\r\n'),
  },
  {
    label: 'all at once: BOM, CRLF, no final newline',
    original: `${BOM}${crlf(SNIPPET).slice(0, -2)}`,
    patched: `${BOM}${crlf(withPrePing(SNIPPET)).slice(0, -2)}`,
  },
];

for (const { label, original, patched } of PROPERTIES) {
  test(`the patched download is byte for byte: ${label}`, async ({ page }) => {
    await openApp(page);
    await openFile(page, 'db.py', original);
    await expect(finding(page, RULE_ID)).toHaveCount(1);
    await expect(downloadButton(page)).toBeEnabled();

    const file = await save(page, downloadButton(page));
    expect(file.name).toBe('db.py');
    expect(JSON.stringify(file.bytes.toString('utf8'))).toBe(JSON.stringify(patched));
    expect(file.bytes.equals(bytes(patched))).toBe(true);

    // The unified patch turns the original into exactly that file, with GNU patch and with git apply.
    const patch = await save(page, downloads(page).getByRole('button', { name: 'Download db.py.patch' }));
    expect(patch.name).toBe('db.py.patch');
    expect(patch.bytes.toString('utf8').startsWith('--- a/db.py\n+++ b/db.py\n@@ ')).toBe(true);
    for (const tool of ['patch', 'git'] as const) {
      const applied = await applyPatch(tool, 'db.py', bytes(original), patch.bytes);
      expect(applied.equals(file.bytes), `${tool}: ${applied.toString('utf8')}`).toBe(true);
    }
  });
}

test('a CRLF file with a byte-order mark keeps both when edited in the editor', async ({ page }) => {
  await openApp(page);
  const original = `${BOM}# pool settings\r\n${crlf(SNIPPET)}`;
  await openFile(page, 'db.py', original);
  await expect(finding(page, RULE_ID)).toHaveCount(1);

  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  await page.keyboard.type(' (edited)');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# second');
  const edited = `${BOM}# pool settings (edited)\r\n# second\r\n${crlf(SNIPPET)}`;
  const expected = `${BOM}# pool settings (edited)\r\n# second\r\n${crlf(withPrePing(SNIPPET))}`;
  // The button waits for the result of the latest text; until then a click saves nothing older.
  await expect
    .poll(async () => (await save(page, downloadButton(page))).bytes.toString('utf8'))
    .toBe(expected);

  const patch = await save(page, downloads(page).getByRole('button', { name: 'Download db.py.patch' }));
  expect((await applyPatch('patch', 'db.py', bytes(edited), patch.bytes)).equals(bytes(expected))).toBe(true);
});

test('the three downloads sit together, named by their files, and say which hold real values', async ({
  page,
}) => {
  await openApp(page);
  await openFile(page, 'db.py', SECRET_CONFIG);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  const region = downloads(page);
  const patchedButton = region.getByRole('button', { name: 'Download patched file db.py' });
  const patchButton = region.getByRole('button', { name: 'Download db.py.patch' });
  const redactedButton = region.getByRole('button', { name: 'Download db.redacted.py' });
  await expect(patchedButton).toHaveText('db.py');
  await expect(patchButton).toHaveText('db.py.patch');
  await expect(redactedButton).toHaveText('db.redacted.py');
  await expect(region).toContainText(
    'db.py and db.py.patch hold your real values, for your own repository; db.redacted.py is the one to share.',
  );

  // The file and the patch carry the real values; the redacted copy has none of them.
  const patched = (await save(page, patchedButton)).bytes.toString('utf8');
  const patch = (await save(page, patchButton)).bytes.toString('utf8');
  const redacted = await save(page, redactedButton);
  expect(patched).toContain(DSN_PASSWORD);
  expect(patch).toContain('+    pool_pre_ping=True,');
  expect(redacted.name).toBe('db.redacted.py');
  for (const secret of SECRETS) expect(redacted.bytes.toString('utf8')).not.toContain(secret);
  expect(redacted.bytes.toString('utf8')).toContain('REDACTED_PASSWORD_1');
});

test('pasted text gets default names, and nothing to change disables the file and the patch', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  const region = downloads(page);
  const patch = await save(page, region.getByRole('button', { name: 'Download patched.py.patch' }));
  expect(patch.name).toBe('patched.py.patch');
  expect(patch.bytes.toString('utf8')).toMatch(/^--- a\/patched\.py\n\+\+\+ b\/patched\.py\n@@ /);
  await expect(region.getByRole('button', { name: 'Download patched.redacted.py' })).toBeEnabled();

  await openFile(page, 'pool.py', withPrePing(SNIPPET));
  await expect(page.getByTestId('diff')).toHaveCount(0);
  await expect(region.getByRole('button', { name: 'Download patched file pool.py' })).toBeDisabled();
  await expect(region.getByRole('button', { name: 'Download pool.py.patch' })).toBeDisabled();
  // The redacted copy does not depend on a fix.
  await expect(region.getByRole('button', { name: 'Download pool.redacted.py' })).toBeEnabled();
});
