import type { Page } from '@playwright/test';
import { expect, test, type AppDriver } from './fixtures';
import { makePdf, makePng } from '../../electron/sandbox/media';
import { replicaWith, signInSandbox, type ReplicaRows } from './helpers';

const EMAIL = 'agent1@reseller-a.example';
const MB = 1024 * 1024;

/** An open case of an authorised customer, read from the account's replica. */
async function pickOpenCase(page: Page): Promise<{ name: string; number: string }> {
  const openOf = (rows: ReplicaRows) => {
    const authorised = new Set(rows.customers.filter((c) => c.access === 'authorized').map((c) => c.customerId));
    return rows.cases
      .filter((c) => c.state !== 'CLOSED' && authorised.has(c.customerId))
      .sort((a, b) => b.updateTimeMs - a.updateTimeMs)[0];
  };
  const found = openOf(await replicaWith(page, (rows) => openOf(rows) !== undefined))!;
  return { name: found.name, number: found.caseNumber };
}

/** Selects the case in the domain's case list; its detail shows the attachments. */
async function openCase(app: AppDriver): Promise<string> {
  const { page } = app;
  const found = await pickOpenCase(page);
  await page.getByTestId('case-view-all').click();
  await page.getByTestId('filter-keyword').fill(found.number);
  await page.locator(`[role="row"][data-case="${found.name}"]`).click();
  await expect(page.getByTestId('attachment-list')).toBeVisible();
  return found.name;
}

function payload(
  name: string,
  bytes: number,
  mimeType = 'application/octet-stream',
  fill = 0x61,
): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType, buffer: Buffer.alloc(bytes, fill) };
}

/** Entries in main's outbox for the signed-in account, asked through the app's own bridge. */
function queuedChanges(page: Page): Promise<number> {
  return page.evaluate(async () => {
    type Envelope<T> = { ok: boolean; value: T };
    const bridge = (window as unknown as { consoleBridge: { invoke: (channel: string, request: unknown) => Promise<Envelope<unknown>> } })
      .consoleBridge;
    const accounts = (await bridge.invoke('accounts.list', {})) as Envelope<{ accounts: Array<{ id: string }> }>;
    const entries = (await bridge.invoke('mutations.list', { accountId: accounts.value.accounts[0]?.id })) as Envelope<unknown[]>;
    return entries.value.length;
  });
}

const chooser = (page: Page) => page.getByTestId('attachment-list').locator('input[type="file"]');

test('upload 20 MB with progress, reach the sandbox, preview a cached text file, and open it offline after a restart', async ({ app }) => {
  test.setTimeout(180_000);
  await signInSandbox(app, EMAIL);
  const caseName = await openCase(app);
  const list = () => app.page.getByTestId('attachment-list');

  // 20 MB: staging progress is visible while the bytes go to main, then the queued/sending row.
  await chooser(app.page).setInputFiles(payload('capture-20mb.zip', 20 * MB));
  await expect(list().getByTestId('attachment-staging')).toBeVisible();
  await expect(list().locator('[data-testid="attachment-staging"] progress')).toBeVisible();
  await app.page.screenshot({ path: 'test-results/screens/attachments-uploading.png' });
  await expect(list().locator('[data-testid="attachment-row"][data-filename="capture-20mb.zip"]')).toBeVisible({ timeout: 90_000 });
  await expect(list().locator('[data-testid="attachment-upload"]')).toHaveCount(0);

  // It reached the sandbox.
  const sandbox = app.harness.sandbox!;
  const { accessToken } = sandbox.admin.mintTokens(EMAIL);
  const listed = (await (
    await fetch(`${sandbox.baseUrl}/v2/${caseName}/attachments`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as { attachments?: Array<{ filename: string; sizeBytes: string | number }> };
  expect(listed.attachments?.find((a) => a.filename === 'capture-20mb.zip')?.sizeBytes).toEqual(expect.anything());
  expect(Number(listed.attachments?.find((a) => a.filename === 'capture-20mb.zip')?.sizeBytes)).toBe(20 * MB);

  // A text file: cached, previewed as text (never as HTML).
  const text = 'Mail flow trace\n<b>not bold</b>\nstep 2: delivered\n';
  await chooser(app.page).setInputFiles({ name: 'trace.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  const traceRow = list().locator('[data-testid="attachment-row"][data-filename="trace.txt"]');
  await expect(traceRow).toBeVisible({ timeout: 60_000 });
  await expect(traceRow).toHaveAttribute('data-cached', 'true');
  await app.page.screenshot({ path: 'test-results/screens/attachments-list.png' });
  await traceRow.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(app.page.getByTestId('attachment-preview-text')).toHaveText(text);
  await expect(app.page.getByTestId('attachment-preview').locator('b')).toHaveCount(0);
  await app.page.screenshot({ path: 'test-results/screens/attachments-preview-text.png' });
  await app.page.getByTestId('attachment-preview').getByRole('button', { name: 'Close' }).click();

  // An image and a PDF: previewed inside the app from the cache.
  await chooser(app.page).setInputFiles([
    { name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.from(makePng(7)) },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf('Delivery report for the case')) },
  ]);
  for (const [filename, kind] of [
    ['screenshot.png', 'image'],
    ['report.pdf', 'pdf'],
  ] as const) {
    const row = list().locator(`[data-testid="attachment-row"][data-filename="${filename}"]`);
    await expect(row).toHaveAttribute('data-cached', 'true', { timeout: 60_000 });
    await row.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(app.page.getByTestId('attachment-preview')).toHaveAttribute('data-kind', kind);
    if (kind === 'image') await expect(app.page.getByTestId('attachment-preview').locator('img')).toHaveJSProperty('naturalWidth', 32);
    // Drawn by the bundled pdf.js under the app's CSP (object-src 'none' blocks <object>).
    if (kind === 'pdf') await expect(app.page.getByTestId('attachment-preview-pdf')).toHaveAttribute('data-drawn', '1');
    await app.page.screenshot({ path: `test-results/screens/attachments-preview-${kind}.png` });
    await app.page.getByTestId('attachment-preview').getByRole('button', { name: 'Close' }).click();
  }

  // Offline, restarted: the cached file still opens.
  await sandbox.admin.setOffline(true);
  await app.restart();
  await expect(app.page.getByTestId('attachment-list')).toBeVisible({ timeout: 30_000 });
  const offlineRow = app.page.locator('[data-testid="attachment-row"][data-filename="trace.txt"]');
  await expect(offlineRow).toHaveAttribute('data-cached', 'true');
  await offlineRow.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(app.page.getByTestId('attachment-preview-text')).toHaveText(text);
  await app.page.screenshot({ path: 'test-results/screens/attachments-offline-preview.png' });
});

test.describe('files refused before anything is queued', () => {
  test.use({ appOptions: { sandbox: { maxAttachmentBytes: 5 * MB } } });

  test('a blocked, an oversized and a zero-byte file each get a clear message; nothing is queued', async ({ app }) => {
    await signInSandbox(app, EMAIL);
    await openCase(app);
    const list = app.page.getByTestId('attachment-list');
    await expect(list.getByText(/Up to 5 MB per file/)).toBeVisible();
    await chooser(app.page).setInputFiles([payload('setup.exe', 1024), payload('huge.zip', 6 * MB), payload('empty.log', 0)]);
    const notices = list.getByTestId('attachment-rejections');
    await expect(notices.locator('[data-problem="blocked"]')).toHaveText('setup.exe: .exe files cannot be attached (programs).');
    await expect(notices.locator('[data-problem="too_large"]')).toHaveText(
      'huge.zip: 6 MB is larger than the 5 MB limit, so it was not added.',
    );
    await expect(notices.locator('[data-problem="empty"]')).toHaveText('empty.log: the file is empty (0 bytes), so it was not added.');
    await app.page.screenshot({ path: 'test-results/screens/attachments-rejected.png' });
    await expect(list.getByTestId('attachment-staging')).toHaveCount(0);
    await expect(list.getByTestId('attachment-upload')).toHaveCount(0);
    expect(await queuedChanges(app.page)).toBe(0);
  });

  test('a text file with personal data asks first: "remove file" queues nothing', async ({ app }) => {
    await signInSandbox(app, EMAIL);
    await openCase(app);
    const list = app.page.getByTestId('attachment-list');
    await chooser(app.page).setInputFiles({
      name: 'users.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,email\nJane,jane.doe@customer-a.example\n'),
    });
    const review = list.getByTestId('attachment-pii');
    await expect(review).toContainText('jane.doe@customer-a.example');
    await app.page.screenshot({ path: 'test-results/screens/attachments-pii.png' });
    await review.getByRole('button', { name: 'Remove file' }).click();
    await expect(review).toHaveCount(0);
    await expect(list.getByTestId('attachment-staging')).toHaveCount(0);
    await expect(list.getByTestId('attachment-upload')).toHaveCount(0);
  });
});
