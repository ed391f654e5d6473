import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bridge, escalatableCase, openCase, replicaWith, searchAsAgent, signInSandbox, syncNow } from './helpers';

// Issue 17 §4 and §6: pending changes that fix things, a network that comes back, and the
// case history (an escalation keeps its justification after sync; a change made elsewhere shows).

const me = 'agent1@reseller-a.example';

/** A new case whose category Google no longer knows: refused for good until the agent picks another. */
function staleCategoryCase(customerId: string, title: string): Record<string, unknown> {
  return {
    kind: 'create_case',
    localId: `local:${randomUUID()}`,
    customerId,
    displayName: title,
    description: 'Steps: send a message from outside.\nTried: MX records checked.\nAffected: the sales team.',
    classificationId: 'retired-category-that-google-no-longer-lists',
    classificationName: 'Google Workspace > Gmail > Old delivery category',
    priority: 'P3',
    languageCode: 'en',
    timeZone: 'Europe/Paris',
    subscriberEmails: [],
  };
}

async function authorisedCustomer(page: Page): Promise<string> {
  const rows = await replicaWith(page, (r) => r.customers.some((c) => c.access === 'authorized'));
  return rows.customers.find((c) => c.access === 'authorized')!.customerId;
}

/** Stages a small file for a case (a local id works) through the same bridge calls the UI uses. */
async function stageAttachment(page: Page, caseRef: string): Promise<void> {
  await page.evaluate(async (caseRef) => {
    type Envelope = { ok: boolean; value: Record<string, unknown> };
    const b = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<Envelope> } }).consoleBridge;
    const accountId = ((await b.invoke('accounts.list', {})).value.accounts as Array<{ id: string }>)[0]?.id;
    const bytes = new TextEncoder().encode('Received: from mx.example by google.com; 10:42\n');
    const begun = await b.invoke('attachments.stageBegin', {
      accountId,
      filename: 'headers.txt',
      mimeType: 'text/plain',
      sizeBytes: bytes.byteLength,
    });
    await b.invoke('attachments.stageChunk', { accountId, uploadId: begun.value.uploadId, offset: 0, bytes });
    const committed = await b.invoke('attachments.stageCommit', { accountId, uploadId: begun.value.uploadId, caseRef });
    if (!committed.ok) throw new Error('staging failed');
  }, caseRef);
}

test('a refused new case is edited in Pending changes and filed; a refused one with an attachment and a comment is discarded with them', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const page = app.page;
  const sandbox = app.harness.sandbox!;
  await signInSandbox(app, me);
  const customerId = await authorisedCustomer(page);

  const title = `Mail to partners bounces ${Date.now()}`;
  await bridge(page, 'mutations.enqueue', { mutation: staleCategoryCase(customerId, title) });
  await syncNow(page);
  await page.getByTestId('view-pending').click();
  const group = page.locator('[data-testid="pending-group"][data-cause="invalid"]');
  await expect(group).toBeVisible({ timeout: 30_000 });
  const entry = group.getByTestId('pending-entry').filter({ hasText: title });
  await expect(entry.getByTestId('pending-state')).toContainText('Refused — Google refused the content');
  await expect(entry).toContainText('unknown classification id');
  await app.harness.page.screenshot({ path: 'test-results/screens/pending-failed-en.png' });

  await entry.getByTestId('pending-edit').click();
  await entry.getByTestId('edit-category-search').fill('courriel');
  await entry.getByRole('button', { name: 'Google Workspace > Gmail > Mail delivery' }).click();
  await entry.getByTestId('edit-save').click();
  await expect(page.getByTestId('pending-entry')).toHaveCount(0, { timeout: 30_000 });
  // Filed once, under its customer's organization (where Google keeps a customer's cases).
  const filed = [...(await searchAsAgent(sandbox, me, `"${title}"`))].map((name) => sandbox.admin.getCase(name));
  expect(filed.filter((c) => c?.displayName === title)).toHaveLength(1);

  // A second refused case, with an attachment and a comment waiting for it.
  const doomed = staleCategoryCase(customerId, `Filed by mistake ${Date.now()}`);
  await bridge(page, 'mutations.enqueue', { mutation: doomed });
  await expect(page.locator('[data-testid="pending-entry"][data-kind="create_case"][data-status="failed"]')).toBeVisible({
    timeout: 30_000,
  });
  await stageAttachment(page, doomed.localId as string);
  await bridge(page, 'mutations.enqueue', { mutation: { kind: 'comment', caseRef: doomed.localId, body: 'Adding the bounce report.' } });
  await expect(page.getByTestId('pending-entry')).toHaveCount(3);
  await page.locator('[data-testid="pending-entry"][data-kind="create_case"]').getByTestId('pending-discard').click();
  const dialog = page.getByTestId('discard-dialog');
  await expect(dialog).toContainText('2 later changes need this case');
  await expect(dialog).toContainText('headers.txt');
  await app.harness.page.screenshot({ path: 'test-results/screens/pending-discard-en.png' });
  await dialog.getByTestId('discard-confirm').click();
  await expect(page.getByTestId('pending-entry')).toHaveCount(0);
  expect(await bridge<unknown[]>(page, 'mutations.list')).toEqual([]);
  // What the agent wrote comes back to copy.
  await expect(page.getByRole('status').locator('textarea')).toHaveValue(/Adding the bounce report\./);
});

test('when the network returns, queued changes are sent within 5 s, without "sync now"; a countdown shows the next try', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const page = app.page;
  const sandbox = app.harness.sandbox!;
  await signInSandbox(app, me);
  const rows = await replicaWith(page, (r) => r.cases.some((c) => c.state !== 'CLOSED'));
  const target = rows.cases.find((c) => c.state !== 'CLOSED')!;

  await sandbox.admin.setOffline(true);
  await syncNow(page);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  const body = `Queued offline ${Date.now()}`;
  await bridge(page, 'mutations.enqueue', { mutation: { kind: 'comment', caseRef: target.name, body } });
  await page.getByTestId('view-pending').click();
  await expect(page.getByTestId('retry-countdown')).toContainText(/Next try in \d+ s/);
  // Let several attempts fail: a plain exponential backoff would wait many seconds by now.
  for (let failures = 0; failures < 4;) {
    const status = (await app.harness.waitForEvent('sync.status')) as { connection: string; syncing: boolean };
    if (status.connection === 'offline' && !status.syncing) failures += 1;
  }
  await sandbox.admin.setOffline(false);
  const back = Date.now();
  await expect
    .poll(() => sandbox.admin.listAllComments(target.name).some((c) => c.body === body), { timeout: 5_000, intervals: [100] })
    .toBe(true);
  expect(Date.now() - back).toBeLessThan(5_000);
  await expect(page.getByTestId('pending-entry')).toHaveCount(0, { timeout: 20_000 });
});

test('the thread shows the escalation with its justification after sync, and a priority change made elsewhere', async ({ app }) => {
  test.setTimeout(90_000);
  const page = app.page;
  const sandbox = app.harness.sandbox!;
  await signInSandbox(app, me);
  const target = await escalatableCase(app);
  const justification = `The payroll run for 300 employees is blocked (${Date.now()}).`;

  await openCase(page, target.name, target.caseNumber);
  const detail = page.getByTestId('case-detail');
  await detail.getByTestId('action-escalate').click();
  const dialog = page.getByTestId('escalate-dialog');
  await dialog.getByTestId('escalate-reason').selectOption('BUSINESS_IMPACT');
  await dialog.getByTestId('escalate-justification').fill(justification);
  await dialog.getByTestId('submit-escalation').click();
  // Queued: already in the history, marked as not sent yet.
  await expect(detail.locator('[data-testid="case-event"][data-kind="escalated"]')).toBeVisible();

  await expect.poll(() => sandbox.admin.getCase(target.name)?.escalated, { timeout: 20_000 }).toBe(true);
  await syncNow(page);
  const escalation = detail.locator('[data-testid="case-event"][data-kind="escalated"][data-source="confirmed"]');
  await expect(escalation).toBeVisible({ timeout: 20_000 });
  await expect(escalation.getByTestId('escalation-justification')).toHaveText(justification);
  await expect(escalation).toContainText('The business impact has grown');
  await expect(escalation).toContainText('You');

  // A colleague changes the priority from the portal: the next sync shows it, saying it was seen in sync.
  const token = sandbox.admin.mintTokens('agent2@reseller-a.example').accessToken;
  const newPriority = sandbox.admin.getCase(target.name)?.priority === 'P1' ? 'P2' : 'P1';
  const patched = await fetch(`${sandbox.baseUrl}/v2/${target.name}?updateMask=priority`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ priority: newPriority }),
  });
  expect(patched.status).toBe(200);
  await syncNow(page);
  const seen = detail.locator('[data-testid="case-event"][data-kind="priority"][data-source="sync"]');
  await expect(seen).toBeVisible({ timeout: 20_000 });
  await expect(seen).toContainText(`→ ${newPriority}`);
  await escalation.scrollIntoViewIfNeeded();
  await app.harness.page.screenshot({ path: 'test-results/screens/case-history-en.png' });

  // The history survives a restart (it lives in the replica, not in the outbox).
  await app.restart();
  await openCase(app.page, target.name, target.caseNumber);
  await expect(app.page.getByTestId('case-detail').getByTestId('escalation-justification')).toHaveText(justification);
});
