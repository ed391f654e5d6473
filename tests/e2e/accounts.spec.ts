import { signInSandbox } from './helpers';
import { expect, test } from './fixtures';

test('sign in to two sandbox domains; a restart restores both; signing out of one wipes only its data', async ({ app }) => {
  await signInSandbox(app, 'agent1@reseller-a.example');
  await signInSandbox(app, 'agent1@apac.reseller-a.example');
  await expect(app.page.getByTestId('tab-reseller-a.example')).toBeVisible();
  await expect(app.page.getByTestId('tab-apac.reseller-a.example')).toBeVisible();

  // Both replicas fill from the sandbox.
  const databases = async (): Promise<string[]> =>
    app.page.evaluate(async () =>
      (await indexedDB.databases())
        .map((db) => db.name ?? '')
        .filter((name) => name.startsWith('rsc-replica-'))
        .sort(),
    );
  await expect.poll(databases).toHaveLength(2);
  // The first sync of a domain is history, not news: nothing is marked unread.
  await expect(app.page.getByTestId('last-synced')).toContainText('Synced', { timeout: 60_000 }); // two first syncs
  await expect(app.page.locator('[data-testid^="unread-"]')).toHaveCount(0);

  // Each tab lists only its own domain's customers (the sandbox says whose they are).
  const sandbox = app.harness.sandbox!;
  for (const domain of ['reseller-a.example', 'apac.reseller-a.example']) {
    const expected = sandbox.admin
      .customers()
      .filter((customer) => customer.resellerDomain === domain && !customer.transferred)
      .map((customer) => customer.customerId)
      .sort();
    await app.page.getByTestId(`tab-${domain}`).click();
    await app.page.getByTestId('view-customers').click();
    const listed = async (): Promise<string[]> =>
      (
        await app.page
          .getByTestId('customers-view')
          .locator('[data-customer]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-customer') ?? ''))
      ).sort();
    await expect.poll(listed).toEqual(expected);
  }

  await app.restart();
  await expect(app.page.getByTestId('tab-reseller-a.example')).toBeVisible();
  await expect(app.page.getByTestId('tab-apac.reseller-a.example')).toBeVisible();
  await expect(app.page.getByTestId('try-sandbox')).toHaveCount(0);

  await app.page.getByTestId('tab-apac.reseller-a.example').click();
  await app.page.getByTestId('account-menu-apac.reseller-a.example').click();
  await app.page.getByRole('menuitem', { name: /Sign out/ }).click();
  await expect(app.page.getByTestId('signout-pending')).toHaveText('Every change in this domain has been synced.');
  await app.page.getByTestId('confirm-signout').click();
  await expect(app.page.getByTestId('tab-apac.reseller-a.example')).toHaveCount(0);
  await expect.poll(databases).toHaveLength(1);
  await expect(app.page.getByTestId('tab-reseller-a.example')).toBeVisible();
});
