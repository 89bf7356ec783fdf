import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  createShareLink,
  expect,
  finding,
  findingsRegion,
  insertedLines,
  openApp,
  pasteIntoEditor,
  sharePayload,
  test,
  watchErrors,
} from './helpers';
import { DSN_PASSWORD } from './secrets';

/** Three safe fixes (pre-ping, recycle, keepalives) and two review ones (tcp_user_timeout, connect_timeout). */
const TEXT = `from sqlalchemy import create_engine

DATABASE_URL = "postgresql://app:${DSN_PASSWORD}@db.internal/orders"

engine = create_engine(
    DATABASE_URL,
    pool_size=10,
    max_overflow=5,
    pool_recycle=-1,
)
`;

const PRE_PING = 'python.sqlalchemy.pre-ping-missing';
const RECYCLE = 'python.sqlalchemy.recycle-disabled';
const KEEPALIVES = 'python.libpq.keepalives-missing';
const TCP = 'python.libpq.tcp-user-timeout-missing';
const CONNECT = 'python.libpq.connect-timeout-missing';

const KEEPALIVE_ARGS =
  '"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3';

/** The file as the fixes leave it: `extra` more connect_args, and pre-ping unless left out. */
function patched({ prePing = true, extra = '' }: { prePing?: boolean; extra?: string } = {}): string {
  return TEXT.replace(
    '    pool_recycle=-1,\n',
    `    pool_recycle=200,\n${prePing ? '    pool_pre_ping=True,\n' : ''}    connect_args={${KEEPALIVE_ARGS}${extra}},\n`,
  );
}

function toggle(page: Page, ruleId: string) {
  return finding(page, ruleId).getByRole('checkbox', { name: 'Apply this fix' });
}

/** The connect_args line the diff shows as inserted. */
async function insertedConnectArgs(page: Page): Promise<string | undefined> {
  return (await insertedLines(page.getByTestId('diff'))).find((line) => line.includes('connect_args='));
}

async function downloadPatched(page: Page): Promise<string> {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download patched file/ }).click(),
  ]);
  return readFile(await saved.path(), 'utf8');
}

async function pasteSample(page: Page) {
  await openApp(page);
  await pasteIntoEditor(page, TEXT);
  await expect(finding(page, CONNECT)).toHaveCount(1);
  await expect.poll(() => insertedConnectArgs(page)).toBe(`    connect_args={${KEEPALIVE_ARGS}},`);
}

test('review fixes are off by default and say what they may change; turned on, the diff and the download have it', async ({
  page,
}) => {
  await pasteSample(page);
  for (const id of [PRE_PING, RECYCLE, KEEPALIVES]) await expect(toggle(page, id)).toBeChecked();
  for (const id of [TCP, CONNECT]) {
    await expect(toggle(page, id)).not.toBeChecked();
    await expect(finding(page, id).locator('.badge')).toHaveText('review');
  }
  // The rule docs' fix-safety text, its first sentence: what turning the fix on may change.
  await expect(finding(page, TCP).locator('.finding__review')).toContainText(
    'Review before applying: the key needs libpq 12 or later linked into the driver',
  );
  await expect(findingsRegion(page).locator('.findings__summary')).toHaveText(
    '5 findings · 3 of 5 fixes chosen · 0 of 2 to review.',
  );
  expect(await downloadPatched(page)).toBe(patched());

  await toggle(page, TCP).check();
  await expect
    .poll(() => insertedConnectArgs(page))
    .toBe(`    connect_args={${KEEPALIVE_ARGS}, "tcp_user_timeout": 30000},`);
  await expect(finding(page, TCP).locator('.finding__fix-text')).toContainText('In the patched file:');
  expect(await downloadPatched(page)).toBe(patched({ extra: ', "tcp_user_timeout": 30000' }));
});

test('a safe fix turned off is left out of the diff and the download', async ({ page }) => {
  await pasteSample(page);
  await toggle(page, PRE_PING).uncheck();
  await expect.poll(() => insertedLines(page.getByTestId('diff'))).not.toContain('    pool_pre_ping=True,');
  await expect(finding(page, PRE_PING).locator('.finding__fix-text')).toContainText('Suggested:');
  expect(await downloadPatched(page)).toBe(patched({ prePing: false }));
});

test('apply all, none and apply all safe', async ({ page }) => {
  await pasteSample(page);
  const shortcuts = findingsRegion(page).getByRole('group', { name: 'Fixes in the patched file' });
  await expect(shortcuts.getByRole('button', { name: 'Apply all safe' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await shortcuts.getByRole('button', { name: 'Apply all', exact: true }).click();
  for (const id of [PRE_PING, RECYCLE, KEEPALIVES, TCP, CONNECT])
    await expect(toggle(page, id)).toBeChecked();
  await expect
    .poll(() => insertedConnectArgs(page))
    .toBe(`    connect_args={${KEEPALIVE_ARGS}, "tcp_user_timeout": 30000, "connect_timeout": 10},`);
  expect(await downloadPatched(page)).toBe(
    patched({ extra: ', "tcp_user_timeout": 30000, "connect_timeout": 10' }),
  );

  await shortcuts.getByRole('button', { name: 'None' }).click();
  for (const id of [PRE_PING, RECYCLE, KEEPALIVES, TCP, CONNECT])
    await expect(toggle(page, id)).not.toBeChecked();
  await expect(page.locator('.diff-empty')).toHaveText(
    'No changes: no fix is chosen. Turn fixes on in the findings.',
  );
  await expect(page.getByRole('button', { name: /^Download patched file/ })).toBeDisabled();

  await shortcuts.getByRole('button', { name: 'Apply all safe' }).click();
  await expect.poll(() => insertedConnectArgs(page)).toBe(`    connect_args={${KEEPALIVE_ARGS}},`);
  expect(await downloadPatched(page)).toBe(patched());
});

test('a choice follows its finding when a line is added above it', async ({ page }) => {
  await pasteSample(page);
  await toggle(page, TCP).check();
  await toggle(page, RECYCLE).uncheck();
  await expect
    .poll(() => insertedConnectArgs(page))
    .toBe(`    connect_args={${KEEPALIVE_ARGS}, "tcp_user_timeout": 30000},`);

  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# pools\n');
  // The finding moved a line down (its id, an offset, changed too): the choices stayed with it.
  await expect(finding(page, TCP).getByRole('button', { name: 'Line 6:10' })).toBeVisible();
  await expect(toggle(page, TCP)).toBeChecked();
  await expect(toggle(page, RECYCLE)).not.toBeChecked();
  await expect(toggle(page, CONNECT)).not.toBeChecked();
  expect(await downloadPatched(page)).toBe(
    `# pools\n${patched({ extra: ', "tcp_user_timeout": 30000' }).replace('pool_recycle=200', 'pool_recycle=-1')}`,
  );
});

test('a share link carries the chosen fixes and reopens with the same choices', async ({ page, context }) => {
  await pasteSample(page);
  await toggle(page, TCP).check();
  await toggle(page, PRE_PING).uncheck();
  await expect
    .poll(() => insertedConnectArgs(page))
    .toBe(`    connect_args={${KEEPALIVE_ARGS}, "tcp_user_timeout": 30000},`);

  const url = await createShareLink(page);
  const payload = sharePayload(url);
  expect(payload.text).not.toContain(DSN_PASSWORD);
  // Numbered as the redacted text numbers its findings: the placeholder is longer than the password.
  const call = payload.text.indexOf('create_engine(\n');
  const recycle = payload.text.indexOf('-1,');
  expect(call).toBeGreaterThan(TEXT.indexOf('create_engine(\n'));
  expect(payload.fixes).toEqual([`${RECYCLE}@${recycle}`, `${KEEPALIVES}@${call}`, `${TCP}@${call}`]);

  const other = await context.newPage();
  const errors = watchErrors(other);
  await other.goto(url);
  await expect(other.locator('[data-link="opened"]')).toBeVisible();
  await expect(finding(other, CONNECT)).toHaveCount(1);
  await expect(toggle(other, TCP)).toBeChecked();
  await expect(toggle(other, PRE_PING)).not.toBeChecked();
  await expect(toggle(other, KEEPALIVES)).toBeChecked();
  await expect(toggle(other, RECYCLE)).toBeChecked();
  await expect(toggle(other, CONNECT)).not.toBeChecked();
  const received = await downloadPatched(other);
  expect(received).toContain('"keepalives_count": 3, "tcp_user_timeout": 30000}');
  expect(received).not.toContain('pool_pre_ping');
  expect(received).not.toContain('connect_timeout');
  expect(errors).toEqual([]);
});
