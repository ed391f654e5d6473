import { defineConfig } from '@playwright/test';

// Two hosts run the same specs: the harness (Node core + Debian Chromium) always,
// real Electron only where a binary exists (see tests/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  forbidOnly: true,
  // skip-reasons prints each skipped test's reason as it ends (the list reporter shows only a dash).
  reporter: [
    ['list'],
    ['./build/scripts/skip-reasons.mjs'],
    ...(process.env.PW_JSON_REPORT ? [['json', { outputFile: process.env.PW_JSON_REPORT }] as const] : []),
  ],
  projects: [
    { name: 'harness', metadata: { host: 'harness' } },
    { name: 'electron', metadata: { host: 'electron' } },
  ],
});
