import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, finding, openApp, RULE_ID, SNIPPET, test } from './helpers';

const PGBOUNCER_INI = `[databases]
app = host=db.internal port=5432 dbname=app

[pgbouncer]
listen_port = 6432
server_idle_timeout = 600
`;

const PGXPOOL_GO = `package db

import (
\t"context"

\t"github.com/jackc/pgx/v5/pgxpool"
)

func Connect(ctx context.Context) (*pgxpool.Pool, error) {
\treturn pgxpool.New(ctx, "postgres://app@db/app?sslmode=require&connect_timeout=10")
}
`;

/** Replaces the whole editor text with a real paste (a ClipboardEvent over a select-all). */
async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
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

/** The page says "works offline" only once the service worker has cached this build. */
async function waitUntilOffline(page: Page): Promise<void> {
  await expect(page.getByTestId('offline-status')).toContainText('Works offline', { timeout: 20_000 });
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe(
    'activated',
  );
}

/** The page's cache names; none while it is between two loads (it reloads itself into an update). */
function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys()).catch(() => []);
}

/** Which build files the cache holds, by file name without its hash. */
function cachedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('staleproof-'));
    const urls = await Promise.all(
      names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)),
    );
    return urls.flat().map((url) => new URL(url).pathname);
  });
}

test('once loaded, the page works with the network off: config and Python files', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitUntilOffline(page);

  await context.setOffline(true);
  // And every request that still reaches the network fails (what the service worker answers never does).
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  // Truly offline: a request the service worker does not answer fails.
  expect(
    await page.evaluate(() =>
      fetch('/not-in-the-build.txt').then(
        () => 'answered',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await replaceEditorText(page, PGBOUNCER_INI);
  await expect(finding(page, 'pgbouncer.keepalive-timers-unset')).toHaveCount(1);

  await replaceEditorText(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expect(finding(page, 'pgbouncer.keepalive-timers-unset')).toHaveCount(0);
  // The diff editor is one of Monaco's lazy parts: it came from the cache too.
  await expect(page.getByTestId('diff').locator('.editor.modified .line-insert').first()).toBeVisible();
  await expect(page.getByTestId('offline-status')).toContainText('Works offline');
});

test('a code grammar used once is kept for offline use; one never used is not cached', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitUntilOffline(page);
  const upFront = await cachedFiles(page);
  expect(upFront.some((path) => /\/tree-sitter-python-[\w-]+\.wasm$/.test(path))).toBe(true);
  expect(upFront.some((path) => /\/tree-sitter-go-[\w-]+\.wasm$/.test(path))).toBe(false);

  // This first page is not controlled by the service worker: the page names the grammar it used.
  await replaceEditorText(page, PGXPOOL_GO);
  await expect(finding(page, 'go.pgxpool.ping-timeout-missing')).toHaveCount(1);
  await expect
    .poll(async () => (await cachedFiles(page)).some((path) => /\/tree-sitter-go-[\w-]+\.wasm$/.test(path)))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await replaceEditorText(page, PGXPOOL_GO);
  await expect(finding(page, 'go.pgxpool.ping-timeout-missing')).toHaveCount(1);
  const cached = await cachedFiles(page);
  expect(cached.some((path) => /\/tree-sitter-kotlin-[\w-]+\.wasm$/.test(path))).toBe(false);
});

/**
 * A new deploy needs a server whose `sw.js` changes, which the shared preview server cannot do (and a
 * browser fetches its service worker script past Playwright's routes): a small proxy of it on a port of
 * its own, whose `sw.js` gets a new version when the test says so.
 */
test.describe('updates', () => {
  let server: Server;
  let origin = '';
  let deploy = 0;
  // Known once the server listens (on any free port); Playwright wants the `{}` pattern.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function names from it
  test.use({ baseURL: async ({}, use) => use(origin) });

  test.beforeAll(async () => {
    const upstream = test.info().project.use.baseURL ?? '';
    server = createServer(async (request, response) => {
      const upstreamResponse = await fetch(new URL(request.url ?? '/', upstream));
      let body: string | Buffer = Buffer.from(await upstreamResponse.arrayBuffer());
      if (request.url === '/sw.js' && deploy > 0) {
        const version = String(body).match(/"version":"([0-9a-f]{16})"/)?.[1] ?? '';
        body = String(body).replaceAll(version, `${deploy}`.padStart(16, 'f'));
      }
      response.statusCode = upstreamResponse.status;
      for (const name of ['content-type', 'content-security-policy']) {
        const value = upstreamResponse.headers.get(name);
        if (value) response.setHeader(name, value);
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a new deploy is announced, takes over on the next load, and the old cache is deleted', async ({
    page,
    context,
  }) => {
    test.slow(); // three installs of the whole build
    await openApp(page);
    await waitUntilOffline(page);
    await page.reload();
    await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const [oldCache, ...others] = await page.evaluate(() => caches.keys());
    expect(others).toEqual([]);
    expect(oldCache).toMatch(/^staleproof-[0-9a-f]{16}$/);

    // The next deploy: same files, another version (so no file is downloaded twice).
    deploy = 1;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('A new version of staleproof is ready', { timeout: 20_000 });
    await expect(notice.getByRole('button', { name: 'Reload now' })).toBeVisible();
    // The running page keeps the build it started with until then.
    expect(await page.evaluate(() => caches.keys())).toContain(oldCache);

    // A plain reload: the page hands over to the waiting worker and loads again under it.
    await page.reload();
    await expect.poll(() => cacheNames(page), { timeout: 20_000 }).toEqual(['staleproof-fffffffffffffff1']);
    await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
    await expect(page.getByTestId('offline-status')).toContainText('Works offline');
    await expect(page.getByTestId('update-notice')).toHaveCount(0);

    // The next one, taken with the button.
    deploy = 2;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByTestId('update-notice').getByRole('button', { name: 'Reload now' }).click();
    await expect.poll(() => cacheNames(page), { timeout: 20_000 }).toEqual(['staleproof-fffffffffffffff2']);
    await expect(page.getByTestId('offline-status')).toContainText('Works offline');

    await context.setOffline(true);
    await page.reload();
    await replaceEditorText(page, SNIPPET);
    await expect(finding(page, RULE_ID)).toHaveCount(1);
  });
});
