import { expect, type Page } from '@playwright/test';
import type { AppDriver } from './fixtures';

/**
 * Signs in to a sandbox reseller domain the way an agent does: the app opens
 * the sign-in page in the "system browser" (another page here), the agent
 * picks the demo user, the loopback redirect completes the sign-in.
 */
export async function signInSandbox(app: AppDriver, email: string): Promise<void> {
  const { page } = app;
  const signInPage = app.harness.context.waitForEvent('page');
  const firstRun = page.getByTestId('try-sandbox');
  await page.locator('[data-testid="try-sandbox"], .tab-strip').first().waitFor();
  if (await firstRun.isVisible()) await firstRun.click();
  else {
    await page.getByRole('button', { name: 'Add a reseller domain' }).click();
    await page.getByRole('menuitem', { name: 'Sandbox domain' }).click();
  }
  const browser: Page = await signInPage;
  await browser.locator(`button[value="${email}"]`).click();
  await expect(browser.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await browser.close();
  const domain = email.split('@')[1] ?? '';
  await expect(page.getByTestId(`tab-${domain}`)).toBeVisible();
}
