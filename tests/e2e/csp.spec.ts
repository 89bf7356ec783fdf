import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { encodePermalink } from '../../engine/permalink';
import { redact } from '../../redaction/redact';
import { cspFromHtml, securityHeaders } from '../../web/vite/security-headers';
import {
  createShareLink,
  expect,
  finding,
  openApp,
  pasteIntoEditor,
  RULE_ID,
  SNIPPET,
  test,
  visibleLines,
} from './helpers';

declare global {
  interface Window {
    /** Every `securitypolicyviolation` event of the document, recorded from before the page's own scripts. */
    __cspViolations: string[];
    /** Elements that markup in the user's text would create, had it been parsed as HTML. */
    __injected: string[];
    /** Set only by the payloads' handlers. */
    __xss?: number;
  }
}

/** Records CSP violations and any script-capable element carrying the payload marker, in every page. */
async function watchPages(context: BrowserContext): Promise<string[]> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    window.__injected = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sample})`,
      ),
    );
    const dangerous = new Set(['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'svg', 'A', 'STYLE']);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const element of [node, ...node.querySelectorAll('*')]) {
            if (dangerous.has(element.tagName) && element.outerHTML.includes('staleproof-xss')) {
              window.__injected.push(element.outerHTML);
            }
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  // What the browser prints for violations in workers too, which the document's event does not see.
  const consoleViolations: string[] = [];
  const listen = (message: { text(): string }) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  };
  context.on('page', (page) => {
    page.on('console', listen);
    page.on('worker', (worker) => worker.on('console', listen));
  });
  return consoleViolations;
}

async function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations);
}

test('no CSP violation across loading Monaco, pasting, the diff, rule docs and a share link', async ({
  page,
  context,
}) => {
  test.slow(); // two pages, each loading Monaco and its diff editor
  const consoleViolations = await watchPages(context);
  const response = await page.goto('/');
  await expect(page.locator('.code-editor[data-ready="true"]')).toBeVisible();

  // The header a host sends (here `npm run preview`) is the page's own meta policy plus frame-ancestors.
  const meta = cspFromHtml(await readFile('web/index.html', 'utf8'));
  expect(response?.headers()['content-security-policy']).toBe(securityHeaders(meta)[0]?.[1]);
  const policies = page.locator('meta[http-equiv="Content-Security-Policy"]');
  expect(await policies.first().getAttribute('content')).toBe(meta);
  // The second policy, from public/csp-boot.js: no LLM endpoint allowed, so the page's own origin only.
  expect(await policies.nth(1).getAttribute('content')).toBe("connect-src 'self'");
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(meta).toContain("connect-src 'self' https: http://localhost:* http://127.0.0.1:*;");
  expect(meta).toContain("worker-src 'self';");
  expect(meta).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  // No inline script in the page, no inline event handler.
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/\son[a-z]+=/i);

  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expect(page.getByTestId('diff').locator('.editor.modified .line-insert').first()).toBeVisible();
  await finding(page, RULE_ID).getByText('Docs').click();
  await expect(finding(page, RULE_ID).getByText('What it checks')).toBeVisible();

  const link = await createShareLink(page);
  const opened = await context.newPage();
  await opened.goto(link);
  await expect(opened.locator('[data-link="opened"]')).toBeVisible();
  await expect(finding(opened, RULE_ID)).toHaveCount(1);
  await expect(opened.getByTestId('diff').locator('.editor.modified .line-insert').first()).toBeVisible();

  expect(await violationsOf(page)).toEqual([]);
  expect(await violationsOf(opened)).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

test('the policy is enforced: an injected inline script, an inline handler and a blob: worker are refused', async ({
  page,
  context,
}) => {
  await watchPages(context);
  await openApp(page);
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__xss = 1';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__xss = 2');
    document.body.append(button);
    button.click();
    button.remove();
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    const worker = await new Promise<string>((resolve) => {
      const blobWorker = new Worker(url);
      blobWorker.onmessage = () => resolve('ran');
      blobWorker.onerror = () => resolve('refused');
    });
    return { injected: window.__xss ?? 'refused', worker };
  });
  expect(outcome).toEqual({ injected: 'refused', worker: 'refused' });
  const directives = (await violationsOf(page)).map((violation) => violation.split(' ')[0]);
  expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'worker-src']));
});

const PAYLOAD_LINE = `# <img src=x onerror="window.__xss=1;/*staleproof-xss*/"> <script>window.__xss=2;/*staleproof-xss*/</script>`;
const PAYLOAD_CONFIG = `${PAYLOAD_LINE}
engine = create_engine(
    "postgresql://app@db/orders?application_name=<svg/onload=window.__xss=3;/*staleproof-xss*/>",
    pool_size=10,
    max_overflow=5,
    pool_recycle=200,
)
`;
const PAYLOAD_NAME = '<img src=x onerror=window.__xss=4;staleproof-xss>.py';

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate(() => window.__injected)).toEqual([]);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  expect(await violationsOf(page)).toEqual([]);
}

test('markup in pasted text, a file name and a share link stays text', async ({ page, context }) => {
  test.slow(); // two pages, each loading Monaco and its diff editor
  await watchPages(context);
  await openApp(page);
  await pasteIntoEditor(page, PAYLOAD_CONFIG);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expect.poll(async () => (await visibleLines(page.locator('.code-editor')))[0]).toBe(PAYLOAD_LINE);
  await expect(page.getByTestId('diff').locator('.editor.modified .line-insert').first()).toBeVisible();
  await expectNothingInjected(page);

  await page.getByLabel('Open config files').setInputFiles({
    name: PAYLOAD_NAME,
    mimeType: 'text/x-python',
    buffer: Buffer.from(PAYLOAD_CONFIG),
  });
  await expect(page.locator('.filename')).toHaveText(PAYLOAD_NAME);
  await expect(finding(page, RULE_ID)).toHaveCount(1);
  await expectNothingInjected(page);

  // A link crafted by someone else, not made by the page: markup in its text and its file name.
  const fragment = await encodePermalink({
    text: redact(PAYLOAD_CONFIG).text,
    format: 'python',
    filename: PAYLOAD_NAME,
  });
  const opened = await context.newPage();
  await opened.goto(`/${fragment}`);
  await expect(opened.locator('[data-link="opened"]')).toBeVisible();
  await expect(opened.locator('.filename')).toHaveText(PAYLOAD_NAME);
  await expect(finding(opened, RULE_ID)).toHaveCount(1);
  await expect.poll(async () => (await visibleLines(opened.locator('.code-editor')))[0]).toBe(PAYLOAD_LINE);
  await expectNothingInjected(opened);
});
