import type { Page } from '@playwright/test';
import type { HttpFetch } from '../../electron/ports';
import { expect, test } from './fixtures';
import { openCase, replicaWith, screenshot, searchAsAgent, signInSandbox } from './helpers';

// Issue 14 with every sandbox extension off (Google's own behaviour): each customer's cases
// come from its own organization; what the agent may do for a customer comes from Google's
// answers, shows on the customer and its cases, and changes without a restart.

const domains = ['reseller-a.example', 'reseller-b.example'];
const GROUP_A = 'group:support-team@reseller-a.example';

async function syncNowFromStatusBar(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
}

test('two domains from per-customer scopes; no-access, read-only and not-authorised customers say so; access granted later appears', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const sandbox = app.harness.sandbox!;
  const { admin } = sandbox;
  for (const domain of domains) await signInSandbox(app, `agent1@${domain}`);
  const page = app.page;

  // Each domain lists exactly the cases of the customer organizations its agent may read.
  for (const domain of domains) {
    await page.getByTestId(`tab-${domain}`).click();
    await page.getByTestId('view-cases').click();
    await page.getByTestId('case-view-all').click();
    const expected = await searchAsAgent(sandbox, `agent1@${domain}`, '');
    expect(expected.size).toBeGreaterThan(0);
    await expect(page.getByTestId('list-count')).toHaveAttribute('data-hydrated', 'true');
    await expect
      .poll(async () => Number(await page.getByTestId('list-count').getAttribute('data-total')), { timeout: 30_000 })
      .toBe(expected.size);
  }

  // A customer without organization access: shown as such, with what to do and the portal.
  await page.getByTestId('tab-reseller-a.example').click();
  const adatum = admin.customers().find((c) => c.customerDomain === 'adatum-finance.example')!;
  await page.getByTestId('view-customers').click();
  const row = page.locator(`[data-customer="${adatum.customerId}"]`);
  await expect(row.getByTestId('access-state')).toHaveText(/No API access for this customer/);
  await expect(row).toContainText('A super admin of the customer grants Cloud access');
  await screenshot(app, 'customers-access-en');
  await row.getByRole('button', { name: 'Adatum Finance' }).click();
  const notice = page.getByTestId('access-notice');
  await expect(notice).toHaveAttribute('data-access', 'no_api_access');
  await expect(notice.getByTestId('open-portal')).toBeVisible();
  await screenshot(app, 'customer-no-access-en');

  // The customer grants access later: after re-discovery ("Sync now") its cases appear, no restart.
  admin.grantOrganizationAccess(adatum.customerId, GROUP_A);
  await syncNowFromStatusBar(page);
  await expect(page.getByTestId('customer-title').locator('..').getByTestId('access-state')).toHaveAttribute('data-access', 'authorized', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('access-notice')).toHaveCount(0);
  await expect
    .poll(async () => Number(await page.getByTestId('list-count').getAttribute('data-total')), { timeout: 30_000 })
    .toBeGreaterThan(0);

  // A customer that turns reseller access off: its cases say so before the agent types anything.
  const wingtip = admin.customers().find((c) => c.customerDomain === 'wingtip-toys.example')!;
  admin.setCustomerAuthorized(wingtip.customerId, false);
  await syncNowFromStatusBar(page);
  const rows = await replicaWith(
    page,
    (r) => r.customers.some((c) => c.customerId === wingtip.customerId && c.access === 'not_authorized'),
    wingtip.resellerDomain, // two accounts are signed in: read that one's replica
  );
  const target = rows.cases.find((c) => c.customerId === wingtip.customerId && c.state !== 'CLOSED')!;
  await openCase(page, target.name, target.caseNumber);
  const detail = page.getByTestId('case-detail');
  await expect(detail.getByTestId('composer')).toBeDisabled();
  await expect(detail.getByTestId('composer-blocked')).toContainText('Reseller access not authorised');
  for (const action of ['action-priority', 'action-escalate', 'action-share', 'action-close'])
    await expect(detail.getByTestId(action)).toHaveAttribute('aria-disabled', 'true');
  await expect(detail.getByTestId('attach-blocked')).toBeVisible();
  // The shortcut (and a click) on an action that is not offered says why instead of opening it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(page.getByTestId('priority-dialog')).toHaveCount(0);
  await expect(detail.getByTestId('case-notice')).toContainText('has not authorised reseller access');
  await expect(detail.getByTestId('access-notice').getByTestId('open-portal')).toBeVisible();
  await screenshot(app, 'case-not-authorised-en');

  // The same screens in Simplified Chinese and French.
  for (const [language, suffix] of [
    ['zh-CN', 'zh-CN'],
    ['fr', 'fr'],
  ] as const) {
    await page.evaluate(
      (lng) =>
        (window as unknown as { consoleBridge: { invoke(c: string, r: unknown): Promise<unknown> } }).consoleBridge.invoke('settings.set', {
          language: lng,
        }),
      language,
    );
    await expect(detail.getByTestId('composer-blocked')).not.toContainText('Reseller access');
    await screenshot(app, `case-not-authorised-${suffix}`);
  }
});

/** Answers the first case of every cases:search page as a newer API version might. */
const newerApi =
  (inner: HttpFetch): HttpFetch =>
  async (input, init) => {
    const response = await inner(input, init);
    if (!new URL(input).pathname.endsWith('/cases:search') || !response.ok) return response;
    const body = (await response.json()) as { cases?: Record<string, unknown>[] };
    if (body.cases?.[0]) body.cases[0] = { ...body.cases[0], state: 'AWAITING_PARTNER', priority: 'P5', surveyLink: 'https://example.com' };
    return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
  };

test.describe('a value Google added after this version', () => {
  test.use({ appOptions: { wrapFetch: newerApi } });

  test('a case with an unknown state and priority syncs and shows as Other', async ({ app }) => {
    test.setTimeout(60_000);
    await signInSandbox(app, 'agent1@reseller-a.example');
    const page = app.page;
    const rows = await replicaWith(page, (r) => r.cases.some((c) => c.state === 'STATE_UNSPECIFIED'));
    const odd = rows.cases.find((c) => c.state === 'STATE_UNSPECIFIED')!;
    await openCase(page, odd.name, odd.caseNumber);
    const listRow = page.locator(`[role="row"][data-case="${odd.name}"]`);
    await expect(listRow.locator('.cell.state')).toContainText('Other');
    await expect(listRow.locator('.cell.priority')).toContainText('Other');
    const detail = page.getByTestId('case-detail');
    await expect(detail.getByTestId('case-state')).toContainText('Other');
    await expect(detail.getByTestId('case-state')).toHaveAttribute('data-other', 'AWAITING_PARTNER');
    await expect(detail.getByTestId('case-priority')).toHaveText('Other');
    await expect(detail.getByTestId('case-priority')).toHaveAttribute('data-other', 'P5');
    await expect(page.getByTestId('connection')).toHaveText('Online');
    await screenshot(app, 'case-other-state-en');
  });
});
