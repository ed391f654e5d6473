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

type Envelope<T> = { ok: boolean; value: T };

/** Calls the app's own bridge from the page (as the renderer does) for the signed-in account. */
export async function bridge<T>(page: Page, channel: string, request: Record<string, unknown> = {}): Promise<T> {
  return page.evaluate(
    async ({ channel, request }) => {
      const b = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<Envelope<unknown>> } }).consoleBridge;
      const accounts = (await b.invoke('accounts.list', {})) as Envelope<{ accounts: Array<{ id: string }> }>;
      const accountId = accounts.value.accounts[0]?.id;
      const result = await b.invoke(channel, channel === 'sync.now' ? {} : { accountId, ...request });
      return result.value as T;
    },
    { channel, request },
  ) as Promise<T>;
}

export const queued = (page: Page): Promise<number> => bridge<unknown[]>(page, 'mutations.list').then((list) => list.length);
export const syncNow = (page: Page): Promise<unknown> => bridge(page, 'sync.now');

export interface ReplicaRows {
  customers: Array<{ customerId: string; displayName: string; access: string; tier: string }>;
  cases: Array<{ name: string; caseNumber: string; state: string; customerId: string; updateTimeMs: number; escalated: boolean }>;
}

/** The account's replica as the renderer stored it (customers and cases). */
export async function replica(page: Page): Promise<ReplicaRows | undefined> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('rsc-replica-'));
    if (names.length === 0) return undefined;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(names[0] ?? '');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const rows = {
      customers: await all<ReplicaRows['customers'][number]>('customers'),
      cases: await all<ReplicaRows['cases'][number]>('cases'),
    };
    db.close();
    return rows;
  });
}

export async function replicaWith(page: Page, ready: (rows: ReplicaRows) => boolean): Promise<ReplicaRows> {
  let found: ReplicaRows | undefined;
  await expect
    .poll(
      async () => {
        found = await replica(page);
        return found !== undefined && ready(found);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found as ReplicaRows;
}

/** Selects a case in the domain's list by its number; its detail opens beside the list. */
export async function openCase(page: Page, name: string, number: string): Promise<void> {
  await page.getByTestId('view-cases').click();
  await page.getByTestId('filter-keyword').fill(number);
  await page.locator(`[role="row"][data-case="${name}"]`).click();
  await expect(page.locator(`[data-testid="case-detail"][data-case="${name}"]`)).toBeVisible();
}

export async function fillNewCase(page: Page, customerId: string, title: string): Promise<void> {
  await page.getByTestId('view-new-case').click();
  // An expert skips the guided start (describe → suggestions) with one key.
  await page.locator('[data-testid="new-case"][data-step]').waitFor();
  if ((await page.getByTestId('new-case').getAttribute('data-step')) === 'describe') await page.keyboard.press('Escape');
  await page.getByTestId('customer-select').selectOption(customerId);
  await page.getByTestId('category-input').fill('mail delivery');
  await page.getByRole('option', { name: 'Google Workspace > Gmail > Mail delivery' }).click();
  await page.getByTestId('title-input').fill(title);
  await page
    .getByTestId('description-input')
    .fill('Steps to reproduce: send from an outside account.\nAlready tried: checked MX records.\nAffected users: the sales team.');
  await page.getByTestId('priority-choice').getByText('P3', { exact: true }).click();
}

export async function screenshot(app: AppDriver, name: string): Promise<void> {
  await app.page.screenshot({ path: `test-results/screens/${name}.png` });
}
