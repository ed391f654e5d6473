import { expect, test } from './fixtures';
import { fillNewCase, openCase, replicaWith, signInSandbox, syncNow } from './helpers';

// Issue 5: changes made offline are queued durably, survive a restart while still
// offline, and reach the sandbox exactly once when the connection returns.

test('offline: priority, comment, close and a new case survive a restart and each reach the sandbox exactly once', async ({ app }) => {
  test.setTimeout(90_000);
  await signInSandbox(app, 'agent1@reseller-a.example');
  const sandbox = app.harness.sandbox!;
  const rows = await replicaWith(app.page, (r) => r.cases.length > 0 && r.customers.some((c) => c.access === 'authorized'));
  const authorised = new Set(rows.customers.filter((c) => c.access === 'authorized').map((c) => c.customerId));
  const target = rows.cases.find((c) => c.state !== 'CLOSED' && authorised.has(c.customerId) && !sandbox.admin.getCase(c.name)?.escalated)!;
  const originalPriority = sandbox.admin.getCase(target.name)?.priority;
  const newPriority = originalPriority === 'P2' ? 'P3' : 'P2';
  const comment = `Offline note ${Date.now()}: the customer sent new headers.`;
  const title = `Filed while offline ${Date.now()}`;

  // Go offline: the app notices on its next sync and says so.
  await sandbox.admin.setOffline(true);
  await syncNow(app.page);
  await expect(app.page.getByTestId('offline-banner')).toBeVisible();

  await openCase(app.page, target.name, target.caseNumber);
  const detail = app.page.getByTestId('case-detail');
  await detail.getByTestId('action-priority').click();
  await app.page.getByTestId('priority-dialog').getByText(newPriority, { exact: true }).click();
  await app.page.getByTestId('save-priority').click();
  await expect(detail.getByTestId('case-priority')).toHaveText(newPriority);
  await detail.getByTestId('composer').fill(comment);
  await detail.getByTestId('composer').press('Control+Enter');
  await expect(detail).toContainText(comment);
  await detail.getByTestId('action-close').click();
  await app.page.getByTestId('confirm-close').click();

  const customerId = [...authorised][0] ?? '';
  await fillNewCase(app.page, customerId, title);
  await app.page.getByTestId('submit-case').click();
  await expect(app.page.getByTestId('case-detail').getByTestId('case-title')).toHaveText(title);

  // Four changes queued; nothing reached the server.
  await app.page.getByTestId('view-pending').click();
  await expect(app.page.getByTestId('pending-list').locator('li')).toHaveCount(4);
  expect(sandbox.admin.getCase(target.name)?.priority).toBe(originalPriority);

  // Restart while still offline: the changes are still there, still pending.
  await app.restart();
  await app.page.getByTestId('view-pending').click();
  await expect(app.page.getByTestId('pending-list').locator('li')).toHaveCount(4);
  await expect(app.page.getByTestId('pending-count')).toBeVisible();

  // Back online: each change reaches the sandbox exactly once and the pending marks clear.
  await sandbox.admin.setOffline(false);
  await syncNow(app.page);
  await expect(app.page.getByTestId('pending-list').locator('li')).toHaveCount(0, { timeout: 30_000 });
  await expect(app.page.getByTestId('pending-count')).toHaveCount(0);
  const onServer = sandbox.admin.getCase(target.name);
  expect(onServer).toMatchObject({ priority: newPriority, state: 'CLOSED' });
  expect(sandbox.admin.listAllComments(target.name).filter((c) => c.body === comment)).toHaveLength(1);

  const token = sandbox.admin.mintTokens('agent1@reseller-a.example').accessToken;
  // The new case lives under its customer's organization (Google has no search across customers).
  const org = sandbox.admin.customers().find((c) => c.customerId === customerId)?.organization;
  const found = (await (
    await fetch(`${sandbox.baseUrl}/v2/${org}/cases:search?query=${encodeURIComponent(`"${title}"`)}&pageSize=50`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as {
    cases?: { displayName: string }[];
  };
  expect((found.cases ?? []).filter((c) => c.displayName === title)).toHaveLength(1);
});
