/**
 * The screenshots under docs/screenshots/, linked from the README: `npm run build`, then
 * `npx tsx scripts/screenshots.ts`. Each state is opened the way a person shares it: a share link of
 * a gallery sample (redacted text only), in Debian's Chromium against `vite preview` of dist/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { nodeGrammarSource } from '../cli/node-grammars';
import type { EnvironmentProfile } from '../engine/index';
import { createEngine, createParserHost, encodePermalink } from '../engine/index';
import playwrightConfig from '../playwright.config';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'docs', 'screenshots');
const PORT = 4199;
const BASE = `http://localhost:${PORT}/`;
const engine = createEngine({ host: createParserHost(nodeGrammarSource) });

async function link(
  file: string,
  filename: string | null,
  environment?: EnvironmentProfile,
): Promise<string> {
  const text = readFileSync(join(root, 'web/src/samples', file), 'utf8');
  const result = await engine.analyse(text, { filename: filename ?? undefined, environment });
  const format = result.format.format;
  return encodePermalink({
    text: result.redacted,
    format: format === 'unknown' ? undefined : format,
    filename: filename ?? undefined,
    environment,
  });
}

/** A link with several files, as the page makes one with several tabs open (`active` is shown). */
async function linkOf(
  files: ReadonlyArray<{ file: string; filename: string; text?: (t: string) => string }>,
  active: number,
): Promise<string> {
  const shared = [];
  for (const { file, filename, text } of files) {
    const raw = readFileSync(join(root, 'web/src/samples', file), 'utf8');
    const result = await engine.analyse(text ? text(raw) : raw, { filename });
    const format = result.format.format;
    shared.push({ text: result.redacted, format: format === 'unknown' ? undefined : format, filename });
  }
  const [first, ...others] = shared as [(typeof shared)[number], ...typeof shared];
  return encodePermalink({ ...first, others, active });
}

async function preview(): Promise<ChildProcess> {
  const server = spawn(
    join(root, 'node_modules/.bin/vite'),
    [
      'preview',
      '--port',
      String(PORT),
      '--strictPort',
      ...(process.env.STALEPROOF_DIST ? ['--outDir', process.env.STALEPROOF_DIST] : []),
    ],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${BASE}`);
}

/** Waits until the analysis and (when there is one) the Monaco diff have drawn. */
async function settle(page: Page, withDiff: boolean) {
  if (withDiff) {
    await page.locator('.finding').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="diff"] .monaco-diff-editor').first().waitFor({ timeout: 60_000 });
  }
  await page.waitForTimeout(1200);
}

const server = await preview();
const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
try {
  mkdirSync(out, { recursive: true });
  const shot = async (
    name: string,
    fragment: string,
    options: {
      dark?: boolean;
      width?: number;
      withDiff?: boolean;
      before?: (page: Page) => Promise<void>;
    } = {},
  ) => {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1440, height: 900 },
      colorScheme: options.dark ? 'dark' : 'light',
    });
    const page = await context.newPage();
    await page.goto(`${BASE}${fragment}`);
    await settle(page, options.withDiff ?? true);
    if (options.before) {
      await options.before(page);
      await page.waitForTimeout(800);
    }
    await page.screenshot({ path: join(out, name) });
    await context.close();
    console.log(`docs/screenshots/${name}`);
  };

  await shot('01-start.png', '', { withDiff: false });
  await shot('02-findings-and-diff.png', await link('sqlalchemy.py.txt', 'db.py'));
  await shot(
    '03-pgbouncer-dark-environment.png',
    await link('pgbouncer.ini.txt', 'pgbouncer.ini', {
      preset: 'aurora',
      failoverProne: true,
      platform: 'aurora',
    }),
    {
      dark: true,
      before: async (page) => {
        await page.getByText('Environment', { exact: false }).first().click();
      },
    },
  );
  await shot('04-error-triage.png', await link('traceback.txt', null), { withDiff: false });
  await shot('05-narrow-postgresql-conf.png', await link('postgresql.conf.txt', 'postgresql.conf'), {
    width: 760,
  });
  await shot(
    '06-tabs-read-together.png',
    await linkOf(
      [
        {
          file: 'sqlalchemy.py.txt',
          filename: 'db.py',
          text: (t) => t.replace('pool_recycle=3600', 'pool_recycle=200'),
        },
        {
          file: 'pgbouncer.ini.txt',
          filename: 'pgbouncer.ini',
          text: (t) => t.replace('client_idle_timeout = 0', 'client_idle_timeout = 120'),
        },
      ],
      0,
    ),
  );
  await shot('07-explain-settings.png', await link('sqlalchemy.py.txt', 'db.py'), {
    before: async (page) => {
      await page.getByRole('tab', { name: /^Explain/ }).click();
      await page.getByRole('heading', { name: 'Explain with your own LLM key' }).waitFor();
    },
  });
} finally {
  await browser.close();
  server.kill();
}
