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
  reporter: process.env.PW_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]] : [['list']],
  projects: [
    { name: 'harness', metadata: { host: 'harness' } },
    { name: 'electron', metadata: { host: 'electron' } },
  ],
});
