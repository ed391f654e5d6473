import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { replicaWith, screenshot, signInSandbox } from './helpers';

// Issue 18 §2–3: the status page works offline from its cache and says how old it is; one
// comment from an incident reaches open cases in two domains, each under its own domain, once.

const DOMAINS = ['reseller-a.example', 'reseller-b.example'] as const;

type Envelope<T> = { ok: boolean; value: T; error?: { message: string } };

/** Calls the bridge as the renderer does, for the account of one domain. */
async function bridgeFor<T>(page: Page, domain: string, channel: string, request: Record<string, unknown>): Promise<T> {
  return page.evaluate(
    async ({ domain, channel, request }) => {
      const b = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<Envelope<unknown>> } }).consoleBridge;
      const accounts = (await b.invoke('accounts.list', {})) as Envelope<{ accounts: Array<{ id: string; domain: string }> }>;
      const accountId = accounts.value.accounts.find((a) => a.domain === domain)?.id;
      const result = await b.invoke(channel, { accountId, ...request });
      if (!result.ok) throw new Error(result.error?.message ?? 'bridge call failed');
      return result.value as T;
    },
    { domain, channel, request },
  ) as Promise<T>;
}

test('an incident posts one comment to cases of two domains, each under its own domain; the page works offline from its cache', async ({
  app,
}) => {
  test.setTimeout(150_000);
  const sandbox = app.harness.sandbox!;
  for (const domain of DOMAINS) await signInSandbox(app, `agent1@${domain}`);
  const page = app.page;

  // One new Gmail case per domain, filed while the Gmail incident runs.
  const titles: Record<string, string> = {};
  for (const domain of DOMAINS) {
    const customer = sandbox.admin.customers().find((c) => c.resellerDomain === domain && c.authorized && !c.transferred)!;
    titles[domain] = `Outbound mail delayed at ${customer.customerDomain} ${Date.now()}`;
    await bridgeFor(page, domain, 'mutations.enqueue', {
      mutation: {
        kind: 'create_case',
        localId: `local:${crypto.randomUUID()}`,
        customerId: customer.customerId,
        displayName: titles[domain],
        description: 'External recipients receive our mail hours late.',
        classificationId: await categoryId(page),
        priority: 'P2',
        languageCode: 'en',
        timeZone: 'UTC',
        subscriberEmails: [],
      },
    });
  }
  await replicaWith(page, () => true);

  await page.getByTestId('tab-status').click();
  const view = page.getByTestId('status-view');
  await expect(view.getByTestId('feed-age')).toHaveAttribute('data-source', 'live');
  const cases = view.getByTestId('incident-case');
  for (const domain of DOMAINS) await expect(cases.filter({ hasText: titles[domain]! })).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('status-indicator')).toBeVisible();
  for (const domain of DOMAINS) await cases.filter({ hasText: titles[domain]! }).getByRole('checkbox').check();
  const names = await Promise.all(DOMAINS.map((domain) => cases.filter({ hasText: titles[domain]! }).getAttribute('data-case')));
  await expect(view.getByTestId('incident-comment')).toHaveValue(/Google reports incident/);
  await screenshot(app, 'status-en');
  await view.getByTestId('incident-apply').click();
  await expect(view.getByTestId('incident-result')).toContainText('Queued 2 changes');

  for (const [index, domain] of DOMAINS.entries()) {
    const name = names[index]!;
    await expect
      .poll(() => sandbox.admin.listAllComments(name).filter((c) => c.body?.startsWith('Google reports incident')).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const comment = sandbox.admin.listAllComments(name).find((c) => c.body?.startsWith('Google reports incident'))!;
    expect(JSON.stringify(comment.creator)).toContain(`@${domain}`);
  }

  // Offline after a restart: the cached feed, with its age.
  await sandbox.admin.setOffline(true);
  await app.restart();
  await app.page.getByTestId('tab-status').click();
  const age = app.page.getByTestId('feed-age');
  await expect(age).toHaveAttribute('data-source', 'cache');
  await expect(age).toContainText('Offline: showing the copy saved');
  await expect(app.page.getByTestId('incident-row').first()).toBeVisible();
  await app.page.getByTestId('status-period').selectOption('all');
  await expect(app.page.getByTestId('incident-row')).toHaveCount(8);
  // The comments went out exactly once, also after the restart.
  for (const name of names)
    expect(sandbox.admin.listAllComments(name!).filter((c) => c.body?.startsWith('Google reports incident')).length).toBe(1);
  await sandbox.admin.setOffline(false);
});

/** The id of "Gmail > Mail delivery" from a replica (the category list is the same for every domain; it comes with the first sync). */
async function categoryId(page: Page): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        id = await page.evaluate(async () => {
          const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((n) => n.startsWith('rsc-replica-'));
          for (const name of names) {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const request = indexedDB.open(name);
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
            const all = await new Promise<Array<{ id: string; displayName: string }>>((resolve) => {
              const request = db.transaction('categories').objectStore('categories').getAll();
              request.onsuccess = () => resolve(request.result as Array<{ id: string; displayName: string }>);
              request.onerror = () => resolve([]);
            });
            db.close();
            const found = all.find((c) => c.displayName === 'Google Workspace > Gmail > Mail delivery');
            if (found) return found.id;
          }
          return undefined;
        });
        return id;
      },
      { timeout: 30_000 },
    )
    .toBeTruthy();
  return id!;
}
