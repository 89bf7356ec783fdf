/**
 * The page in a real browser (issue #8): headless Chromium, launched as the browser tests launch it,
 * against `vite preview` of the built app. Reports medians, asserts nothing.
 *
 * (a) navigation → first analysis shown: a fresh browser context (empty cache) opens the share link of
 *     a sample; timed from the navigation's start to the first finding in the page.
 * (b) keystroke → updated diff: one character typed into the editor that changes what a fix replaces;
 *     timed from the keydown to the diff showing the new text (the typing debounce included).
 *
 * Run with `npm run bench` (after `npm run build`), or alone: `npx tsx bench/browser.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { nodeGrammarSource } from '../cli/node-grammars';
import { createEngine, createParserHost, encodePermalink } from '../engine/index';
import playwrightConfig from '../playwright.config';
import { TYPING_DEBOUNCE_MS } from '../web/src/lib/limits';
import { SAMPLES } from '../web/src/lib/samples';

const root = new URL('..', import.meta.url).pathname;
const PORT = 4183;
const BASE = `http://localhost:${PORT}/`;
const LOAD_RUNS = 7;
const KEYSTROKE_RUNS = 9;
/** The SQLAlchemy sample: line 18 is `    pool_recycle=3600,`, whose value the recycle fix replaces. */
const SAMPLE_ID = 'sqlalchemy';
const RECYCLE_LINE = 18;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function sampleText(file: string): string {
  return readFileSync(join(root, 'web/src/samples', file), 'utf8');
}

/** The share link the page itself would make: redacted text, detected format, file name. */
async function shareFragment(file: string, filename: string | null): Promise<string> {
  const engine = createEngine({ host: createParserHost(nodeGrammarSource) });
  const result = await engine.analyse(sampleText(file), { filename: filename ?? undefined });
  const format = result.format.format;
  return encodePermalink({
    text: result.redacted,
    format: format === 'unknown' ? undefined : format,
    filename: filename ?? undefined,
  });
}

async function startPreview(): Promise<ChildProcess> {
  const server = spawn(
    join(root, 'node_modules/.bin/vite'),
    ['preview', '--port', String(PORT), '--strictPort'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${BASE}`);
}

/** Records, in the page's own clock, when the first finding appears (set before any page script runs). */
function watchFirstFinding() {
  const w = window as unknown as { firstFindingMs?: number };
  new MutationObserver((_, observer) => {
    if (w.firstFindingMs === undefined && document.querySelector('.finding')) {
      w.firstFindingMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function navigationToFirstAnalysis(browser: Browser, fragment: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(watchFirstFinding);
    await page.goto(`${BASE}${fragment}`);
    await page.waitForFunction(
      () => (window as { firstFindingMs?: number }).firstFindingMs !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    // performance.now() counts from the navigation's start: this is navigation → first finding shown.
    times.push(await page.evaluate(() => (window as unknown as { firstFindingMs: number }).firstFindingMs));
    await context.close();
  }
  return times;
}

/** Times one keystroke until the diff shows `expected`; the clock starts at the keydown, in the page. */
async function keystrokeToDiff(page: Page, key: string, expected: string): Promise<number> {
  await page.evaluate((marker) => {
    const w = window as unknown as { keyAt?: number; diffAt?: number };
    w.keyAt = undefined;
    w.diffAt = undefined;
    document.addEventListener('keydown', () => (w.keyAt ??= performance.now()), {
      capture: true,
      once: true,
    });
    new MutationObserver((_, observer) => {
      // Inline, not a named helper: tsx would wrap a named function in `__name`, which the page lacks.
      const diff = document.querySelector('[data-testid="diff"]');
      if (w.keyAt !== undefined && (diff?.textContent ?? '').replace(/\u00a0/g, ' ').includes(marker)) {
        w.diffAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, expected);
  await page.keyboard.type(key);
  await page.waitForFunction(() => (window as { diffAt?: number }).diffAt !== undefined, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { keyAt: number; diffAt: number };
    return w.diffAt - w.keyAt;
  });
}

async function keystrokes(browser: Browser, fragment: string): Promise<number[]> {
  // Tall enough for the diff editor's full height (it renders only the lines in view): line 18 shows.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  const page = await context.newPage();
  await page.goto(`${BASE}${fragment}`);
  await page.locator('.code-editor[data-ready="true"]').waitFor({ timeout: 60_000 });
  // The Monaco diff editor, not the plain fallback, must be the one being timed.
  await page.locator('[data-testid="diff"] .monaco-diff-editor').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="diff"]').getByText('pool_recycle=3600').first().waitFor();

  // Caret before the comma of `pool_recycle=3600,`.
  await page.locator('.code-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let line = 1; line < RECYCLE_LINE; line++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');

  const times: number[] = [];
  // Each `0` makes the recycle value ten times longer: the fix's removed line changes every time.
  for (let i = 1; i <= KEYSTROKE_RUNS; i++) {
    times.push(await keystrokeToDiff(page, '0', `pool_recycle=3600${'0'.repeat(i)},`));
  }
  await context.close();
  return times;
}

/** Initial JS as bench/run.ts counts it: the entry script plus its modulepreloads, gzipped. */
function initialJsGzip(): number {
  const dist = join(root, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)]
    .map((m) => join(dist, m[1] ?? ''))
    .reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
}

export async function browserBench(): Promise<void> {
  if (!existsSync(join(root, 'dist/index.html'))) {
    console.log('\n(no dist/: run `npm run build` first for the browser figures)');
    return;
  }
  const sample = SAMPLES.find((s) => s.id === SAMPLE_ID);
  if (!sample) throw new Error(`no sample ${SAMPLE_ID}`);
  const fragment = await shareFragment(sample.file, sample.filename);
  const server = await startPreview();
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, headless: true });
  try {
    const load = await navigationToFirstAnalysis(browser, fragment);
    const keys = await keystrokes(browser, fragment);
    console.log(
      `\nThe page in headless Chromium (${browser.version()}), vite preview of dist/ on loopback, the ${sample.title} sample (${sample.filename})\n`,
    );
    console.log('| what | runs | median, ms | min, ms | max, ms |');
    console.log('|---|---:|---:|---:|---:|');
    const row = (what: string, values: number[]) =>
      console.log(
        `| ${what} | ${values.length} | ${median(values).toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`,
      );
    row('navigation → first finding shown (share link, fresh context, empty cache)', load);
    row(
      `keystroke → updated diff (Monaco diff editor; includes the ${TYPING_DEBOUNCE_MS} ms typing debounce)`,
      keys,
    );
    console.log(`| initial JS (gzip) | | ${(initialJsGzip() / 1024).toFixed(1)} KB | | |`);
  } finally {
    await browser.close();
    server.kill();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await browserBench();
}
