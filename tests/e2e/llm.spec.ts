/**
 * "Explain with your own LLM key" end to end, against a local OpenAI-compatible server
 * (tests/support/openai-test-server.ts) on 127.0.0.1: the page's origin is http://localhost:PORT, so
 * every call is cross-origin, with CORS and a preflight as with a real provider. No test calls a real
 * provider.
 */
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { redact } from '../../redaction/redact';
import { MARKDOWN_ANSWER, type OpenAITestServer, startOpenAITestServer } from '../support/openai-test-server';
import {
  expect,
  finding,
  openApp,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  visibleLines,
  watchErrors,
} from './helpers';
import { DSN_PASSWORD, SECRET_CONFIG, SECRETS } from './secrets';

/** Obviously fake, and long enough that any 8-character piece of it is recognisable. */
const API_KEY = 'sk-test-FAKEkeyForStaleproofE2E-0123456789';

interface SeenRequest {
  url: string;
  failure: string | null;
}

/**
 * helpers.ts's `test`, widened by one origin: any request of the context to an origin other than the
 * page's and the test server's fails the test. Requests the CSP refused never left the browser and do
 * not count (the tests check those refusals themselves).
 */
const test = base.extend<
  { pageErrors: string[]; seen: SeenRequest[]; consoleText: string[]; alsoAllowed: string[] },
  { llm: OpenAITestServer }
>({
  llm: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startOpenAITestServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors = watchErrors(page);
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  consoleText: [
    async ({ context }, use) => {
      const lines: string[] = [];
      context.on('console', (message) => lines.push(message.text()));
      await use(lines);
      expect(
        lines.filter((line) => line.includes(API_KEY.slice(0, 12))),
        'the key in a console message',
      ).toEqual([]);
    },
    { auto: true },
  ],
  // An origin a test itself points the page at (a server it just closed).
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  alsoAllowed: async ({}, use) => {
    await use([]);
  },
  seen: [
    async ({ context, baseURL, llm, alsoAllowed }, use) => {
      const seen = new Map<object, SeenRequest>();
      context.on('request', (request) => seen.set(request, { url: request.url(), failure: null }));
      context.on('requestfailed', (request) => {
        const entry = seen.get(request);
        if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
      });
      const list: SeenRequest[] = [];
      await use(list);
      list.push(...seen.values());
      const allowed = new Set([new URL(baseURL ?? '').origin, llm.origin, ...alsoAllowed]);
      const offOrigin = list
        .filter((r) => !/^(data|blob):/.test(r.url) && !allowed.has(new URL(r.url).origin))
        .filter((r) => !/BLOCKED_BY_CSP|csp/i.test(r.failure ?? ''));
      expect(
        offOrigin.map((r) => r.url),
        'requests to another origin',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

declare global {
  interface Window {
    __cspViolations: string[];
    __llmXss?: number;
  }
}

async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
}

/** The settings as the page saves them, in place before its first script (the "Allow" already done). */
async function configure(page: Page, baseURL: string, model: string, ask = false): Promise<void> {
  await page.addInitScript(
    ([url, name, askBeforeSending]) => {
      sessionStorage.setItem(
        'staleproof.llm',
        JSON.stringify({ provider: 'custom', baseURL: url, model: name, askBeforeSending }),
      );
    },
    [baseURL, model, ask] as const,
  );
}

async function openExplain(page: Page) {
  await page.getByRole('tab', { name: /^Explain/ }).click();
  const panel = page.getByRole('tabpanel', { name: /^Explain/ });
  await expect(panel.getByRole('heading', { name: 'Explain with your own LLM key' })).toBeVisible();
  return panel;
}

/** What the page can fetch now: 'ok', or 'refused' with the CSP violation it caused. */
async function tryFetch(page: Page, url: string): Promise<string> {
  return page.evaluate(async (target) => {
    try {
      await fetch(target, { mode: 'no-cors' });
      return 'ok';
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return window.__cspViolations.some(
        (v) => v.startsWith('connect-src') && v.includes(new URL(target).host),
      )
        ? 'refused by CSP'
        : 'failed';
    }
  }, url);
}

function everythingButAuthorization(llm: OpenAITestServer): string {
  return JSON.stringify(
    llm.requests.map((r) => ({
      url: r.url,
      body: r.body,
      headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => name !== 'authorization')),
    })),
  );
}

test('the whole flow: CSP narrowed to the allowed endpoint, consent, redacted body, streamed answer, follow-up', async ({
  page,
  context,
  llm,
}) => {
  test.slow(); // a reload and two requests
  await recordViolations(context);
  const before = llm.requests.length;
  await openApp(page);

  // Nothing configured: the second policy allows only the page's own origin.
  expect(await tryFetch(page, `${llm.origin}/`)).toBe('refused by CSP');

  await pasteIntoEditor(page, SECRET_CONFIG);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  const ruleIds = await page
    .locator('[data-rule]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule') ?? ''));
  expect(ruleIds.length).toBeGreaterThan(1);

  let panel = await openExplain(page);
  await panel.getByLabel('Provider').selectOption('custom');
  await panel.getByLabel('Base URL').fill(llm.baseURL);
  await expect(panel.getByTestId('explain-blocker')).toContainText(
    `Allow ${llm.origin}: reloads the page; your text is kept.`,
  );
  await Promise.all([
    page.waitForEvent('load'),
    panel.getByRole('button', { name: `Allow ${llm.origin}` }).click(),
  ]);
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();
  await expect
    .poll(async () => (await visibleLines(page.locator('.code-editor'))).join('\n'))
    .toContain('create_engine(');

  // After the reload: back on the Explain tab, the endpoint kept, the key asked for again.
  panel = page.getByRole('tabpanel', { name: /^Explain/ });
  await expect(panel.getByLabel('Base URL')).toHaveValue(llm.baseURL);
  await expect(panel.getByLabel(/^API key/)).toHaveValue('');
  expect(await tryFetch(page, `${llm.origin}/`)).toBe('ok');
  const other = `http://127.0.0.1:${Number(new URL(llm.origin).port) + 1}/`;
  expect(await tryFetch(page, other)).toBe('refused by CSP');
  expect(await tryFetch(page, 'https://example.com/')).toBe('refused by CSP');

  await panel.getByLabel('Model').fill('normal');
  await panel.getByLabel(/^API key/).fill(API_KEY);
  await panel.getByRole('button', { name: 'Explain the findings' }).click();

  // Consent: exactly the body, with placeholders, and the endpoint.
  const consent = panel.getByRole('region', { name: 'This is what will be sent' });
  await expect(consent).toContainText(`POST ${llm.baseURL}/chat/completions`);
  const shown = await consent.getByLabel('Request body').inputValue();
  expect(shown).toContain('REDACTED_PASSWORD_1');
  for (const id of ruleIds) expect(shown).toContain(id);
  for (const secret of SECRETS) expect(shown).not.toContain(secret);
  expect(llm.chatBodies()).toHaveLength(0);
  await consent.getByRole('button', { name: 'Send' }).click();

  const answer = panel.getByRole('article', { name: 'Answer' }).first();
  await expect(answer.getByRole('heading', { name: 'What happens' })).toBeVisible();
  await expect(answer).toContainText('After a failover the pool hands out dead connections.');
  await expect(panel.getByLabel('Ask a follow-up question')).toBeVisible();

  const [first] = llm.chatBodies();
  expect(first?.model).toBe('normal');
  expect(first?.stream).toBe(true);
  expect(JSON.parse(shown ?? '')).toEqual(first);
  const user = first?.messages[1]?.content ?? '';
  expect(user).toContain(redact(SECRET_CONFIG).text);
  for (const id of ruleIds) expect(user).toContain(id);

  // A follow-up carries the thread; a secret typed into it is redacted too.
  await panel
    .getByLabel('Ask a follow-up question')
    .fill(`Would password ${DSN_PASSWORD} survive a failover?`);
  await panel.getByRole('button', { name: 'Ask' }).click();
  await consent.getByText('Don’t ask again').click();
  await consent.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByRole('article', { name: 'Answer' })).toHaveCount(2);
  await expect(panel.getByRole('article', { name: 'Answer' }).nth(1)).toContainText('dead connections');
  const second = llm.chatBodies()[1];
  expect(second?.messages.slice(0, 2)).toEqual(first?.messages);
  expect(second?.messages[2]).toEqual({ role: 'assistant', content: NORMAL_TEXT });
  expect(second?.messages[3]?.role).toBe('user');
  expect(second?.messages[3]?.content).toBe('Would password REDACTED_PASSWORD_1 survive a failover?');
  await expect(panel.getByLabel('Show me what will be sent before each request')).not.toBeChecked();

  // The key: only in `Authorization: Bearer`, on the requests themselves, and nowhere the page keeps.
  const mine = llm.requests.slice(before);
  const posts = mine.filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(2);
  for (const r of posts) expect(r.headers.authorization).toBe(`Bearer ${API_KEY}`);
  const rest = everythingButAuthorization({ ...llm, requests: mine });
  expect(rest).not.toContain(API_KEY.slice(0, 12));
  for (const secret of SECRETS) expect(rest).not.toContain(secret);
  expect(page.url()).not.toContain(API_KEY.slice(0, 12));
  const storage = JSON.stringify(
    await page.evaluate(() => [Object.entries(localStorage), Object.entries(sessionStorage)]),
  );
  expect(storage).not.toContain(API_KEY.slice(0, 12));
});

const NORMAL_TEXT = '## What happens\n\nAfter a **failover** the pool hands out dead connections.\n';

async function readyToAsk(
  page: Page,
  llm: OpenAITestServer,
  model: string,
  baseURL = llm.baseURL,
  ask = false,
) {
  await configure(page, baseURL, model, ask);
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  const panel = await openExplain(page);
  await panel.getByLabel(/^API key/).fill(API_KEY);
  await panel.getByRole('button', { name: 'Explain the findings' }).click();
  return panel;
}

/** Nothing is lost from the page when a request fails: the text and the findings are still there. */
async function pageIntact(page: Page) {
  await expect(page.getByRole('tab', { name: /^Findings/ })).toContainText(/\d/);
  expect((await visibleLines(page.locator('.code-editor'))).join('\n')).toContain('pool_recycle=200');
}

test('Stop aborts the stream: the server sees the connection closed, the partial answer stays', async ({
  page,
  llm,
}) => {
  const closedBefore = llm.closedEarly;
  const panel = await readyToAsk(page, llm, 'slow');
  await expect(panel.getByRole('article', { name: 'Answer' })).toContainText('word3');
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByText('Stopped. What arrived is kept.')).toBeVisible();
  await expect(panel.getByRole('article', { name: 'Answer' })).toContainText('word3');
  await expect.poll(() => llm.closedEarly).toBeGreaterThan(closedBefore);
  await expect(panel.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await pageIntact(page);
});

const ERRORS: ReadonlyArray<{ model: string; kind: string; text: RegExp }> = [
  { model: 'e401', kind: 'bad-key', text: /refused the API key \(401\)/ },
  {
    model: 'e403',
    kind: 'no-access',
    text: /no access to the model “e403” at http:\/\/127\.0\.0\.1:\d+\/v1 \(403\)/,
  },
  { model: 'e404', kind: 'not-found', text: /model “e404” or the endpoint .* was not found \(404\)/ },
  { model: 'e429', kind: 'rate-limit', text: /Rate limit or quota reached \(429\): try again in 17 s/ },
  {
    model: 'nocors',
    kind: 'cors',
    text: /running but refused requests from this page \(CORS\).*Access-Control-Allow-Origin: http:\/\/localhost:\d+/,
  },
];

for (const { model, kind, text } of ERRORS) {
  test(`error ${model}: a specific message, nothing lost`, async ({ page, llm }) => {
    const panel = await readyToAsk(page, llm, model);
    const alert = panel.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error', kind);
    await expect(alert).toContainText(text);
    if (model === 'e401') {
      // The server echoed the key masked; the page hides what is left of it.
      await expect(alert).toContainText('[key hidden]');
      await expect(alert).not.toContainText(API_KEY.slice(0, 8));
    }
    await expect(panel.getByRole('button', { name: 'Retry' })).toBeEnabled();
    await pageIntact(page);
    if (model === 'e429') {
      // Nothing was retried behind the person's back; Retry sends the same request again.
      const bodies = llm.chatBodies();
      const last = bodies[bodies.length - 1];
      await panel.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => llm.chatBodies().length).toBe(bodies.length + 1);
      expect(llm.chatBodies()[bodies.length]).toEqual(last);
      await expect(alert).toContainText(text);
    }
  });
}

test('a stream cut mid-answer keeps the partial text, says so and offers Retry', async ({ page, llm }) => {
  const panel = await readyToAsk(page, llm, 'cut');
  await expect(panel.getByRole('alert')).toHaveAttribute('data-error', 'cut');
  await expect(panel.getByRole('alert')).toContainText('cut off before it finished');
  await expect(panel.getByRole('article', { name: 'Answer' })).toContainText(
    'The first half of the answer arrived, then',
  );
  await expect(panel.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await pageIntact(page);
});

test('a server that is not running is told apart from CORS', async ({ page, llm, alsoAllowed }) => {
  // A port that was free a moment ago: nothing listens there.
  const probe = await startOpenAITestServer();
  const closed = probe.baseURL;
  alsoAllowed.push(probe.origin);
  await probe.close();
  const panel = await readyToAsk(page, llm, 'normal', closed);
  await expect(panel.getByRole('alert')).toHaveAttribute('data-error', 'network');
  await expect(panel.getByRole('alert')).toContainText(`Could not reach ${closed}`);
  await pageIntact(page);
});

test('the answer renders as Markdown without raw HTML or images, and the panel passes axe', async ({
  page,
  context,
  llm,
}) => {
  test.slow(); // axe walks the whole page, Monaco included
  await recordViolations(context);
  const panel = await readyToAsk(page, llm, 'markdown');
  const answer = panel.getByRole('article', { name: 'Answer' });
  await expect(answer.getByRole('link', { name: 'the docs' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(answer).toContainText('[image: diagram of the failover] (http://127.0.0.2:9/diagram.png)');
  await expect(answer).toContainText('bold html');
  expect(await answer.locator('img, script, b, iframe').count()).toBe(0);
  expect(await page.locator('img[src*="127.0.0.2"]').count()).toBe(0);
  expect(await page.evaluate(() => window.__llmXss)).toBeUndefined();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await answer.getByRole('button', { name: 'Copy' }).click();
  await expect(answer.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MARKDOWN_ANSWER);

  const { violations } = await new AxeBuilder({ page }).include('#panel-explain').analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the settings and the consent step have no serious axe violations (${colorScheme})`, async ({
    page,
    llm,
  }) => {
    test.slow(); // axe walks the whole panel
    const sentBefore = llm.chatBodies().length;
    await page.emulateMedia({ colorScheme });
    const panel = await readyToAsk(page, llm, 'normal', llm.baseURL, true);
    await panel.getByLabel('Remember the key and settings on this device').check();
    await expect(panel.getByRole('note')).toContainText('stored unencrypted');
    await expect(panel.getByRole('region', { name: 'This is what will be sent' })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('#panel-explain').analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`,
      );
    expect(serious).toEqual([]);
    // "Remember" keeps the key on this device, and Forget removes it.
    await expect
      .poll(async () => page.evaluate(() => localStorage.getItem('staleproof.llm.remembered') ?? ''))
      .toContain(API_KEY);
    await panel.getByRole('button', { name: 'Forget' }).click();
    expect(await page.evaluate(() => localStorage.getItem('staleproof.llm.remembered'))).toBeNull();
    await expect(panel.getByLabel(/^API key/)).toHaveValue('');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    // Cancel: the consent step closes and nothing was sent.
    await expect(panel.getByRole('region', { name: 'This is what will be sent' })).toHaveCount(0);
    expect(llm.chatBodies()).toHaveLength(sentBefore);
  });
}

test('with several tabs open, the request carries each file redacted, its findings, and what links them', async ({
  page,
  llm,
}) => {
  const app = `from sqlalchemy import create_engine\n\nengine = create_engine(\n    "postgresql+psycopg2://app:${DSN_PASSWORD}@pgbouncer.internal:6432/app",\n    pool_recycle=200,\n)\n`;
  const ini =
    '[databases]\napp = host=db.internal dbname=app password=fake-ini-tab-pw-31\n\n[pgbouncer]\nclient_idle_timeout = 120\n';
  await configure(page, llm.baseURL, 'normal');
  await openApp(page);
  await page.getByLabel('Open config files').setInputFiles([
    { name: 'db.py', mimeType: 'text/x-python', buffer: Buffer.from(app) },
    { name: 'pgbouncer.ini', mimeType: 'text/plain', buffer: Buffer.from(ini) },
  ]);
  await page
    .getByRole('tablist', { name: 'Files' })
    .getByRole('tab', { name: /^db\.py/ })
    .click();
  await expect(finding(page, 'python.sqlalchemy.recycle-too-long')).toHaveCount(1, { timeout: 30_000 });
  const before = llm.requests.length;
  const panel = await openExplain(page);
  await panel.getByLabel(/^API key/).fill(API_KEY);
  await panel.getByRole('button', { name: 'Explain the findings' }).click();
  // The answer streams in only after the server has the request.
  await expect(panel.getByRole('article', { name: 'Answer' })).toContainText('dead connections');
  expect(llm.requests.length).toBeGreaterThan(before);
  const body = llm.chatBodies().slice(-1)[0];
  const user = body?.messages.find((m) => m.role === 'user')?.content ?? '';
  expect(user).toContain('File: db.py');
  expect(user).toContain('client_idle_timeout, pgbouncer.ini line 5');
  expect(user).toContain('Other file of the same deployment: pgbouncer.ini (format pgbouncer-ini)');
  expect(user).toContain('client_idle_timeout = 120');
  expect(user).toContain('python.sqlalchemy.recycle-too-long');
  const sent = everythingButAuthorization(llm);
  expect(sent).not.toContain('fake-ini-tab-pw-31');
  expect(sent).not.toContain(DSN_PASSWORD);
});
