import { defineConfig } from '@playwright/test';

// A private port and build folder (STALEPROOF_PORT, STALEPROOF_DIST) let two builds be tested side by side.
const PORT = Number(process.env.STALEPROOF_PORT ?? 4173);
const DIST = process.env.STALEPROOF_DIST;

export default defineConfig({
  testDir: 'tests/e2e',
  // Not the default test-results/: Playwright empties its output folder, and the unit report lives there.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }], ['html', { open: 'never' }]]
    : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium: `npx playwright install` cannot download a browser here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    headless: true,
  },
  webServer: {
    // Tests run against the production build, CSP and all; `npm test` builds it first.
    command: DIST
      ? `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`
      : `npx vite preview --port ${PORT} --strictPort`,
    port: PORT,
    reuseExistingServer: !process.env.CI,
  },
});
