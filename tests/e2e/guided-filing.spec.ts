import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { replicaWith, screenshot, signInSandbox, type ReplicaRows } from './helpers';

// Issue 18 §1 and issue 17 §5: the guided start (describe → suggestions → prefilled form),
// driven by the keyboard alone; PII "keep" files the case; a draft's files survive a restart.

const EMAIL = 'agent1@reseller-a.example';
test.use({ appOptions: { sandbox: { extensions: ['helpCenter'] } } });

type FullCase = ReplicaRows['cases'][number] & { displayName: string; description: string; classificationName?: string };

/**
 * An authorised customer with a recent Gmail case to be "similar" to. Filed under Gmail because
 * its title goes into the description: a title naming another product (Calendar, Drive…) would
 * rightly pull the suggested category away from Gmail, and which case was touched last depends
 * on the simulation's clock.
 */
async function customerWithRecentCase(page: Page): Promise<{ customer: ReplicaRows['customers'][number]; recent: FullCase }> {
  const rows = await replicaWith(page, (r) => r.customers.some((c) => c.access === 'authorized') && r.cases.length > 50);
  const authorised = new Map(rows.customers.filter((c) => c.access === 'authorized').map((c) => [c.customerId, c]));
  const recent = (rows.cases as FullCase[])
    .filter(
      (c) =>
        authorised.has(c.customerId) &&
        /Gmail/.test(c.classificationName ?? '') &&
        /^[\x20-\x7e]+$/.test(c.displayName) &&
        c.displayName.split(' ').length >= 4,
    )
    .sort((a, b) => b.updateTimeMs - a.updateTimeMs)[0]!;
  return { customer: authorised.get(recent.customerId)!, recent };
}

const focusedTestId = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

async function tabTo(page: Page, testId: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 60 && (await focusedTestId(page)) !== testId; i++) await page.keyboard.press(key);
  expect(await focusedTestId(page)).toBe(testId);
}

test('keyboard only: describe, see help, the Gmail incident and the similar case, link the incident, file a prefilled case with contact preference', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await signInSandbox(app, EMAIL);
  const page = app.page;
  const { customer, recent } = await customerWithRecentCase(page);

  // "c" opens New case; the guided start has the focus in its description.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('c');
  await expect(page.getByTestId('guided-description')).toBeFocused();
  await tabTo(page, 'customer-select', 'Shift+Tab');
  // Arrow keys rather than type-ahead: a native select forgets typed letters after a pause,
  // which a loaded machine makes likely.
  const select = page.getByTestId('customer-select');
  for (let i = 0; i < 60 && (await select.inputValue()) !== customer.customerId; i++) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(customer.customerId);
  await tabTo(page, 'guided-description');
  const description = `${recent.displayName}. Outbound mail delivery to external recipients is delayed for all users since this morning.`;
  await page.keyboard.type(description);

  const suggestions = page.getByTestId('guided-suggestions');
  await expect(suggestions.getByTestId('help-article').first()).toContainText('Mail delivery delays');
  await expect(suggestions.getByTestId('guided-incident')).toContainText('Gmail');
  // Among the similar cases (another Gmail case may share more words with the description).
  await expect(suggestions.getByTestId('similar-case').filter({ hasText: `#${recent.caseNumber}` })).toHaveCount(1);
  await screenshot(app, 'guided-start-en');

  await tabTo(page, 'link-incident');
  await page.keyboard.press('Enter');
  await expect(suggestions.getByTestId('incident-linked')).toBeVisible();
  await page.keyboard.press('Control+Enter');

  // "None of these helps": the form, prefilled; the focus waits on the first thing left to decide.
  await expect(page.getByTestId('new-case')).toHaveAttribute('data-step', 'form');
  await expect(page.getByTestId('title-input')).toHaveValue(recent.displayName);
  await expect(page.getByTestId('category-input')).toHaveValue(/Gmail/);
  await expect(page.getByTestId('priority-hint')).toContainText('P1');
  await expect(page.getByTestId('linked-incident-banner')).toContainText('Gmail');
  await page.keyboard.press('Space');
  await tabTo(page, 'contact-email');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('contact-phone')).toBeChecked();
  await screenshot(app, 'guided-form-en');
  await page.keyboard.press('Control+Enter');

  const detail = page.getByTestId('case-detail');
  await expect(detail.getByTestId('case-title')).toHaveText(recent.displayName);
  await expect(detail.getByTestId('contact-preference-line')).toContainText(/Phone/);
  await expect
    .poll(async () => (await detail.getAttribute('data-case')) ?? '', { timeout: 30_000 })
    .toMatch(/^organizations\/\d+\/cases\/\d+$/);
  const filed = app.harness.sandbox!.admin.getCase((await detail.getAttribute('data-case'))!)!;
  expect(filed.priority).toBe('P1');
  expect(filed.description).toMatch(/^Contact preference: phone, language [a-zA-Z-]+\n\n/);
  expect(filed.description).toContain('Possibly related to Google Workspace Status Dashboard incident');
  expect(filed.classification?.displayName).toMatch(/Gmail/);
});

test('PII "keep" with a reason files the case with the finding kept (no nested form)', async ({ app }) => {
  await signInSandbox(app, EMAIL);
  const page = app.page;
  const { customer } = await customerWithRecentCase(page);
  await page.getByTestId('view-new-case').click();
  await page.getByTestId('customer-select').selectOption(customer.customerId);
  await page
    .getByTestId('guided-description')
    .fill('The shared mailbox billing.desk@acme-customer.example stops receiving mail after the MX change.');
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('category-input').fill('mail delivery');
  await page.getByRole('option', { name: 'Google Workspace > Gmail > Mail delivery' }).click();
  await page.getByTestId('priority-choice').getByText('P3', { exact: true }).click();
  const pii = page.getByTestId('description-pii');
  await pii.getByRole('button', { name: 'Keep anyway' }).click();
  await pii.getByRole('textbox').fill('The mailbox address is what is broken');
  await pii.getByRole('textbox').press('Enter');
  await expect(pii.locator('.pii-row.kept')).toHaveCount(1);
  await page.getByTestId('submit-case').click();
  const detail = page.getByTestId('case-detail');
  await expect
    .poll(async () => (await detail.getAttribute('data-case')) ?? '', { timeout: 30_000 })
    .toMatch(/^organizations\/\d+\/cases\/\d+$/);
  const filed = app.harness.sandbox!.admin.getCase((await detail.getAttribute('data-case'))!)!;
  expect(filed.description).toContain('billing.desk@acme-customer.example');
});

test('a draft with two attachments survives a restart and files both', async ({ app }) => {
  test.setTimeout(120_000);
  await signInSandbox(app, EMAIL);
  const page = app.page;
  const { customer } = await customerWithRecentCase(page);
  await page.getByTestId('view-new-case').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('customer-select').selectOption(customer.customerId);
  await page.getByTestId('category-input').fill('mail delivery');
  await page.getByRole('option', { name: 'Google Workspace > Gmail > Mail delivery' }).click();
  await page.getByTestId('title-input').fill('Bounces from one partner domain');
  await page.getByTestId('description-input').fill('Steps: send to partner.example. Tried: checked SPF. Affected: sales team.');
  await page.getByTestId('priority-choice').getByText('P3', { exact: true }).click();
  await page.locator('[data-testid="attachment-drop-zone"] input[type="file"]').setInputFiles([
    { name: 'headers.txt', mimeType: 'text/plain', buffer: Buffer.from('Received: from mx.partner.example\n') },
    { name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  ]);
  await expect(page.getByTestId('chosen-file')).toHaveCount(2);

  // Leaving the view and restarting the app keep the draft and both files.
  await page.getByTestId('view-cases').click();
  await app.restart();
  await app.page.getByTestId('view-new-case').click();
  await expect(app.page.getByTestId('title-input')).toHaveValue('Bounces from one partner domain');
  await expect(app.page.getByTestId('chosen-file')).toHaveCount(2);
  await app.page.getByTestId('submit-case').click();

  const detail = app.page.getByTestId('case-detail');
  await expect
    .poll(async () => (await detail.getAttribute('data-case')) ?? '', { timeout: 30_000 })
    .toMatch(/^organizations\/\d+\/cases\/\d+$/);
  await expect(detail.getByTestId('attachment-list')).toContainText('headers.txt', { timeout: 30_000 });
  await expect(detail.getByTestId('attachment-list')).toContainText('screenshot.png');
  // Filing cleared the draft: the next new case starts blank with no files.
  await app.page.getByTestId('view-new-case').click();
  await expect(app.page.getByTestId('new-case')).toHaveAttribute('data-step', 'describe');
  await expect(app.page.getByTestId('guided-description')).toHaveValue('');
});
