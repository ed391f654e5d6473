import { expect, test } from './fixtures';
import { openCase, replicaWith, signInSandbox } from './helpers';

// Issue 12: "Open in Google's portal" goes through portal.open with the account's id, so
// main opens that domain's own portal window (its own persistent session), never a plain
// link in the system browser. The harness records what main was asked to open.

test.skip(
  ({ host }) => host === 'electron',
  'The harness records portal.open; Electron opens a real portal window (see shell-windows.test.ts)',
);

test("Open in Google's portal asks main for the account's portal window, with the case", async ({ app }) => {
  await signInSandbox(app, 'agent1@reseller-a.example');
  const { page } = app;
  const rows = await replicaWith(page, (r) => r.cases.some((c) => /^\d+$/.test(c.caseNumber)));
  const kase = rows.cases.find((c) => /^\d+$/.test(c.caseNumber))!;
  const account = await page.evaluate(async () => {
    const b = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<{ value: unknown }> } }).consoleBridge;
    const state = (await b.invoke('accounts.list', {})).value as { accounts: Array<{ id: string; domain: string }> };
    return state.accounts.find((a) => a.domain === 'reseller-a.example')!;
  });
  const pagesBefore = app.harness.context.pages().length;

  await openCase(page, kase.name, kase.caseNumber);
  await page.getByTestId('action-portal').click();
  await expect.poll(() => app.harness.portalOpens.length).toBe(1);
  expect(app.harness.portalOpens[0]?.accountId).toBe(account.id);
  expect(app.harness.portalOpens[0]?.url).toMatch(/^https:\/\/support\.google\.com\//);
  expect(app.harness.portalOpens[0]?.url).toContain(kase.caseNumber);
  // Nothing went to the system browser (the old link opened a page there).
  expect(app.harness.context.pages().length).toBe(pagesBefore);

  // The domain's menu opens the same account's portal on its start page.
  await page.getByTestId('account-menu-reseller-a.example').click();
  await page.getByTestId('menu-portal').click();
  await expect.poll(() => app.harness.portalOpens.length).toBe(2);
  expect(app.harness.portalOpens[1]).toEqual({ accountId: account.id, url: 'https://support.google.com/a/' });
});
