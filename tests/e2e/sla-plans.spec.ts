// Issue 14 §4: the agency's SLA plans and Google support offerings, set in Settings, drive
// the list's and the detail's clocks (one clock function) and whether escalation is offered.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { escalatableCase, openCase, replicaWith, signInSandbox } from './helpers';

const EMAIL = 'agent1@reseller-a.example';

async function addPlan(page: Page, name: string, firstResponseMinutes: number, updateMinutes: number): Promise<void> {
  await page.getByTestId('plan-add').click();
  const editor = page.getByTestId('plan-editor');
  await editor.getByTestId('plan-name').fill(name);
  await editor.getByTestId('plan-coverage').selectOption('24x7');
  for (const p of ['P1', 'P2', 'P3', 'P4']) {
    await editor.getByTestId(`target-${p}-firstResponseMinutes`).fill(String(firstResponseMinutes));
    await editor.getByTestId(`target-${p}-updateMinutes`).fill(String(updateMinutes));
  }
  await editor.getByTestId('plan-save').click();
  await expect(page.getByTestId('plans-table')).toContainText(name);
}

async function setCustomer(page: Page, customerId: string, field: 'customer-plan' | 'customer-offering', label: string): Promise<void> {
  await page.getByTestId('view-settings').click();
  const select = page.locator(`[data-testid="customer-plans"] tr[data-customer="${customerId}"] [data-testid="${field}"]`);
  await select.selectOption({ label });
  await expect(select.locator('option:checked')).toHaveText(label);
}

/** The list cell's text and the detail's running clock, once both show the same minute. */
async function listAndDetailClock(page: Page, name: string, caseNumber: string): Promise<{ list: string; detail: string }> {
  await openCase(page, name, caseNumber);
  const cell = page.locator(`[role="row"][data-case="${name}"] .cell.sla`);
  const badge = page.locator(`[data-testid="case-detail"][data-case="${name}"] [data-current="true"] .sla-text`);
  let texts = { list: '', detail: '' };
  await expect
    .poll(async () => {
      texts = { list: (await cell.innerText()).trim(), detail: (await badge.innerText()).trim() };
      return texts.list !== '' && texts.list === texts.detail;
    })
    .toBe(true);
  return texts;
}

test('changing a customer’s SLA plan in Settings changes the list and the detail clocks identically', async ({ app }) => {
  test.setTimeout(120_000);
  await signInSandbox(app, EMAIL);
  const page = app.page;
  const sandbox = app.harness.sandbox!;
  const authorised = new Set(
    sandbox.admin
      .customers()
      .filter((c) => c.authorized && !c.transferred && c.resellerDomain === 'reseller-a.example')
      .map((c) => c.customerId),
  );
  // A case being worked on: its clock runs under any plan (first response, or the next update).
  const rows = await replicaWith(page, (r) =>
    r.cases.some((c) => authorised.has(c.customerId) && (c.state === 'IN_PROGRESS_GOOGLE_SUPPORT' || c.state === 'NEW')),
  );
  const target = rows.cases
    .filter((c) => authorised.has(c.customerId) && (c.state === 'IN_PROGRESS_GOOGLE_SUPPORT' || c.state === 'NEW'))
    .sort((a, b) => b.updateTimeMs - a.updateTimeMs)[0]!;

  await page.getByTestId('view-settings').click();
  await addPlan(page, 'Tight 24×7', 1, 1);
  await addPlan(page, 'Relaxed 24×7', 129_600, 129_600);

  await setCustomer(page, target.customerId, 'customer-plan', 'Tight 24×7');
  const tight = await listAndDetailClock(page, target.name, target.caseNumber);
  expect(tight.list).toMatch(/overdue/);

  await setCustomer(page, target.customerId, 'customer-plan', 'Relaxed 24×7');
  const relaxed = await listAndDetailClock(page, target.name, target.caseNumber);
  expect(relaxed.list).toMatch(/left/);
  expect(relaxed.list).not.toBe(tight.list);

  // The SLA column sorts by time left: breached (least time) first.
  await page.getByTestId('view-cases').click();
  await page.getByTestId('filter-keyword').fill('');
  await page.locator('[role="columnheader"].cell.sla button').click();
  await expect(page.locator('[role="columnheader"].cell.sla')).toHaveAttribute('aria-sort', 'ascending');
  const first = page.locator('[data-testid="case-list"] [role="row"][data-case]').first().locator('.cell.sla');
  await expect(first).toContainText(/overdue|left/);
});

test('escalation is offered only where the agency recorded an offering that allows it, and succeeds there', async ({ app }) => {
  test.setTimeout(120_000);
  await signInSandbox(app, EMAIL);
  const page = app.page;
  const sandbox = app.harness.sandbox!;
  // An open case of a customer Google gives Premium Support (the sandbox knows; the app only knows what the agency recorded).
  const target = await escalatableCase(app);

  // Recorded as Standard: escalation is not offered, and the reason says where to record it.
  await setCustomer(page, target.customerId, 'customer-offering', 'Standard');
  await openCase(page, target.name, target.caseNumber);
  const detail = page.getByTestId('case-detail');
  await expect(detail.getByTestId('case-offering')).toHaveText('Standard support');
  // The action says why instead of opening (the same reason as its tooltip), and where to record it.
  await expect(detail.getByTestId('action-escalate')).toHaveAttribute('aria-disabled', 'true');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('e');
  await expect(detail.getByTestId('case-notice')).toContainText('SLA plans');
  await expect(page.getByTestId('escalate-dialog')).toHaveCount(0);

  // Recorded as Premium: offered, and Google accepts it.
  await setCustomer(page, target.customerId, 'customer-offering', 'Premium');
  await openCase(page, target.name, target.caseNumber);
  await expect(detail.getByTestId('case-offering')).toHaveText('Premium Support');
  await detail.getByTestId('action-escalate').click();
  const dialog = page.getByTestId('escalate-dialog');
  await dialog.getByTestId('escalate-reason').selectOption('RESOLUTION_TIME');
  await dialog.getByTestId('escalate-justification').fill('No answer for three days on a P2 affecting the finance team.');
  await dialog.getByTestId('submit-escalation').click();
  await expect.poll(() => sandbox.admin.getCase(target.name)?.escalated, { timeout: 20_000 }).toBe(true);
  await expect(detail.getByTestId('case-escalated')).toHaveText('Escalated');
});
