import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fillNewCase, replicaWith, signInSandbox } from './helpers';
import { expect, test } from './fixtures';

// Issue 16 §3: signing out of one domain leaves nothing of it behind — not in the page's
// Web Storage or IndexedDB, not in main's files (outbox, drafts, uploads) or vault — and
// the other domain keeps all of its own.

const kept = 'reseller-a.example';
const gone = 'apac.reseller-a.example';
const marker = 'Wipe-me draft of a customer problem';

test.skip(({ host }) => host === 'electron', 'The main-side checks read the in-process core, vault and profile of the harness.');

async function accountIds(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const b = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<{ value: unknown }> } }).consoleBridge;
    const { accounts } = (await b.invoke('accounts.list', {})).value as { accounts: Array<{ id: string; domain: string }> };
    return Object.fromEntries(accounts.map((account) => [account.domain, account.id]));
  });
}

/** Leaves a trace of the account on main's side: a file kept with a new-case draft and an upload half staged. */
async function stageFiles(page: Page, accountId: string): Promise<void> {
  await page.evaluate(
    async ({ accountId, marker }) => {
      type Envelope = { ok: boolean; value: Record<string, unknown> };
      const b = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<Envelope> } }).consoleBridge;
      const bytes = new TextEncoder().encode(`${marker} of ${accountId}\n`);
      const begin = (filename: string) =>
        b.invoke('attachments.stageBegin', { accountId, filename, mimeType: 'text/plain', sizeBytes: bytes.byteLength * 2 });
      const kept = await begin('kept.txt');
      await b.invoke('attachments.stageChunk', { accountId, uploadId: kept.value.uploadId, offset: 0, bytes });
      await b.invoke('attachments.stageChunk', { accountId, uploadId: kept.value.uploadId, offset: bytes.byteLength, bytes });
      const forDraft = await b.invoke('attachments.stageForDraft', {
        accountId,
        uploadId: kept.value.uploadId,
        draftId: crypto.randomUUID(),
        piiKept: false,
      });
      if (!forDraft.ok) throw new Error('stageForDraft failed');
      const half = await begin('half.txt');
      await b.invoke('attachments.stageChunk', { accountId, uploadId: half.value.uploadId, offset: 0, bytes });
    },
    { accountId, marker },
  );
}

/** Every file under main's user data folder (logs aside: they record that a sign-out happened) with its text. */
async function mainFiles(root: string): Promise<Array<{ file: string; text: string }>> {
  const found: Array<{ file: string; text: string }> = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== path.join(root, 'logs')) await walk(full);
      } else found.push({ file: path.relative(root, full), text: await fs.readFile(full, 'latin1') });
    }
  };
  await walk(root);
  return found;
}

const webStorage = (page: Page): Promise<string> =>
  page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
const replicas = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('rsc-replica-')));

test('signing out of one of two domains wipes everything of it and nothing of the other', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await signInSandbox(app, `agent1@${kept}`);
  await signInSandbox(app, `agent1@${gone}`);
  const ids = await accountIds(page);
  const goneId = ids[gone]!;
  const keptId = ids[kept]!;

  // Work in both domains: a saved view, a new-case draft with customer text, staged files.
  for (const domain of [kept, gone]) {
    await page.getByTestId(`tab-${domain}`).click();
    const rows = await replicaWith(page, (r) => r.customers.some((c) => c.access === 'authorized'), domain);
    await fillNewCase(page, rows.customers.find((c) => c.access === 'authorized')!.customerId, `${marker} (${domain})`);
    await expect.poll(() => webStorage(page)).toContain(`${marker} (${domain})`);
    await stageFiles(page, ids[domain]!);
  }
  expect(await webStorage(page)).toContain(goneId);
  expect(await replicas(page)).toContain(`rsc-replica-${goneId}`);
  const userData = path.join(app.harness.profileDir, 'app');
  expect((await mainFiles(userData)).some(({ file }) => file.includes(goneId))).toBe(true);
  expect(await app.harness.vault.get(`refresh:${goneId}`)).toBeDefined();

  await page.getByTestId(`tab-${gone}`).click();
  await page.getByTestId(`account-menu-${gone}`).click();
  await page.getByRole('menuitem', { name: /Sign out/ }).click();
  await page.getByTestId('confirm-signout').click();
  await expect(page.getByTestId(`tab-${gone}`)).toHaveCount(0);

  // The page: no key or value of the signed-out account, no replica (the blob cache is in it).
  await expect.poll(() => replicas(page)).toEqual([`rsc-replica-${keptId}`]);
  await expect.poll(() => webStorage(page)).not.toContain(goneId);
  expect(await webStorage(page)).not.toContain(`${marker} (${gone})`);
  // Main: no file named after it or holding its id or text, no refresh token, its portal partition cleared.
  const leftovers = (await mainFiles(userData)).filter(({ file, text }) => file.includes(goneId) || text.includes(goneId));
  expect(leftovers.map(({ file }) => file)).toEqual([]);
  expect(await app.harness.vault.get(`refresh:${goneId}`)).toBeUndefined();
  expect(app.harness.portalClears).toEqual([goneId]);

  // The other domain keeps its draft, its replica, its files and its token.
  expect(await webStorage(page)).toContain(`${marker} (${kept})`);
  expect((await mainFiles(userData)).some(({ file }) => file.includes(keptId))).toBe(true);
  expect(await app.harness.vault.get(`refresh:${keptId}`)).toBeDefined();
  await page.getByTestId(`tab-${kept}`).click();
  await page.getByTestId('view-new-case').click();
  await expect(page.getByTestId('title-input')).toHaveValue(`${marker} (${kept})`);
});
