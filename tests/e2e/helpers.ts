import { expect, type Locator, type Page } from '@playwright/test';
import type { SandboxHandle } from '../../electron/sandbox';
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
  customers: Array<{ customerId: string; displayName: string; access: string }>;
  cases: Array<{ name: string; caseNumber: string; state: string; customerId: string; updateTimeMs: number; escalated: boolean }>;
}

/** An account's replica as the renderer stored it (customers and cases): the only account's, or that of `domain`. */
export async function replica(page: Page, domain?: string): Promise<ReplicaRows | undefined> {
  return page.evaluate(async (wanted) => {
    let name: string | undefined;
    if (wanted) {
      const b = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<Envelope<unknown>> } }).consoleBridge;
      const accounts = (await b.invoke('accounts.list', {})) as Envelope<{ accounts: Array<{ id: string; domain: string }> }>;
      const id = accounts.value.accounts.find((account) => account.domain === wanted)?.id;
      name = id ? `rsc-replica-${id}` : undefined;
    } else {
      name = (await indexedDB.databases()).map((db) => db.name ?? '').find((candidate) => candidate.startsWith('rsc-replica-'));
    }
    if (!name || !(await indexedDB.databases()).some((db) => db.name === name)) return undefined;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name ?? '');
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
  }, domain);
}

export async function replicaWith(page: Page, ready: (rows: ReplicaRows) => boolean, domain?: string): Promise<ReplicaRows> {
  let found: ReplicaRows | undefined;
  await expect
    .poll(
      async () => {
        found = await replica(page, domain);
        return found !== undefined && ready(found);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found as ReplicaRows;
}

/** An open, not yet escalated case of an authorised Premium Support customer (one that can be escalated), the newest first. */
export async function escalatableCase(app: AppDriver): Promise<ReplicaRows['cases'][number]> {
  const premiumIds = new Set(
    app.harness
      .sandbox!.admin.customers()
      .filter((c) => c.premium && c.authorized && !c.transferred)
      .map((c) => c.customerId),
  );
  const escalatable = (c: ReplicaRows['cases'][number]): boolean => premiumIds.has(c.customerId) && c.state !== 'CLOSED' && !c.escalated;
  const rows = await replicaWith(app.page, (r) => r.cases.some(escalatable));
  return rows.cases.filter(escalatable).sort((a, b) => b.updateTimeMs - a.updateTimeMs)[0]!;
}

/** Selects a case in the domain's list by its number; its detail opens beside the list. */
export async function openCase(page: Page, name: string, number: string): Promise<void> {
  await page.getByTestId('view-cases').click();
  // Any case of the domain, not only the agent's own (the default view).
  await page.getByTestId('case-view-all').click();
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

/**
 * What the agent's own view of a domain holds, asked of the sandbox the way Google works:
 * `cases:search` on the organization of every customer the agent may read (its projects'
 * cases come with it), every page, with the agent's token.
 */
export async function searchAsAgent(sandbox: SandboxHandle, email: string, query: string): Promise<Set<string>> {
  const domain = email.split('@')[1] ?? '';
  const token = sandbox.admin.mintTokens(email).accessToken;
  const orgs = sandbox.admin
    .customers()
    .filter((customer) => customer.resellerDomain === domain && !customer.transferred && customer.readers.includes(email))
    .map((customer) => customer.organization);
  const names = new Set<string>();
  for (const org of orgs) {
    let pageToken = '';
    do {
      const url = `${sandbox.baseUrl}/v2/${org}/cases:search?query=${encodeURIComponent(query)}&pageSize=100${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, await response.clone().text()).toBe(200);
      const body = (await response.json()) as { cases?: Array<{ name: string }>; nextPageToken?: string };
      for (const found of body.cases ?? []) names.add(found.name);
      pageToken = body.nextPageToken ?? '';
    } while (pageToken);
  }
  return names;
}

/** Which reseller domain each case parent (customer organization or project) belongs to. */
export function domainOfParent(sandbox: SandboxHandle): (caseName: string) => string | undefined {
  const byParent = new Map(
    sandbox.admin.customers().flatMap((c) => [c.organization, ...c.projects].map((parent) => [parent, c.resellerDomain] as const)),
  );
  return (caseName) => byParent.get(caseName.split('/cases/')[0] ?? '');
}

/** Every row of the (virtualized) list: scrolls it top to bottom, collecting row attributes. */
export async function collectRows(page: Page): Promise<Map<string, { domain: string | null; number: string }>> {
  return page
    .evaluate(async () => {
      const out = new Map<string, { domain: string | null; number: string }>();
      // The shown list: tabs that are not shown stay mounted (hidden, zero height) and come first.
      const scroller = [...document.querySelectorAll<HTMLElement>('[data-testid="case-scroll"]')].find((el) => el.clientHeight > 0);
      const read = (): void => {
        for (const row of scroller?.querySelectorAll<HTMLElement>('[data-case]') ?? []) {
          out.set(row.dataset.case ?? '', { domain: row.dataset.domain ?? null, number: row.dataset.caseNumber ?? '' });
        }
      };
      if (!scroller) return out;
      scroller.scrollTop = 0;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        read();
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
        scroller.scrollTop += scroller.clientHeight - 40;
      }
      scroller.scrollTop = 0;
      return [...out.entries()];
    })
    .then((entries) => new Map(entries));
}

export async function listTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId('list-count').getAttribute('data-total'));
}

/** Opens a filter's popover; a press that lands while the list re-renders is pressed again. */
async function openFilter(page: Page, testId: string, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByTestId(testId).click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/** Sets the status filter (a multi-select): 'open', 'any', or exactly these states. */
export async function chooseStates(page: Page, states: 'open' | 'any' | readonly string[]): Promise<void> {
  const dialog = await openFilter(page, 'filter-state', 'Status');
  await dialog.getByRole('button', { name: states === 'open' ? 'Open' : 'Any status' }).click();
  if (Array.isArray(states))
    for (const state of states) await dialog.getByRole('option', { name: stateLabels[state] ?? state, exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

const stateLabels: Record<string, string> = {
  NEW: 'New',
  IN_PROGRESS_GOOGLE_SUPPORT: 'Google Support working',
  ACTION_REQUIRED: 'Action required',
  SOLUTION_PROVIDED: 'Solution provided',
  CLOSED: 'Closed',
};

/** Sets the priority filter to exactly one priority (English labels). */
export async function choosePriority(page: Page, priority: 'P1' | 'P2' | 'P3' | 'P4'): Promise<void> {
  const dialog = await openFilter(page, 'filter-priority', 'Priority');
  await dialog.getByRole('option', { name: new RegExp(`^${priority} `) }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}
