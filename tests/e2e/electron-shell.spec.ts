import { expect, test } from './fixtures';

// Issue 12: the window table of electron/shell/policies.ts, seen from the real app window.
// Runs only where an Electron binary exists; the harness's pages are plain Chromium.

test.skip(({ host }) => host !== 'electron', "Checks Electron's own window rules (the harness host is plain Chromium)");

test('the app window has no Node, opens no window and does not navigate away', async ({ app }) => {
  const { page } = app;
  await page.locator('.first-run, .app-shell').first().waitFor();
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

  const pagesBefore = app.harness.context.pages().length;
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(app.harness.context.pages().length).toBe(pagesBefore);

  await page.evaluate(() => window.location.assign('https://example.com/'));
  await expect(page.locator('.first-run, .app-shell').first()).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/console\//);
});
