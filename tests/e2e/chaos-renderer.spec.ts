import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bridge, replicaWith, signInSandbox, syncNow } from './helpers';

// Chaos on the renderer side: the page that holds the Dexie replica (real IndexedDB in
// Chromium) is crashed again and again while batches arrive through a faulty backend. After
// each crash the page reloads and says hello with whatever cursor survived. In the end the
// replica holds every queued comment exactly once, the server too, and nothing is pending.
// (Engine-side kills and the full fault matrix: tests/unit/electron/sync-chaos.test.ts.)

const comments = 40;
const crashes = 6;

/** Comment bodies stored in the page's IndexedDB replica, with how often each appears. */
async function replicaComments(page: Page, prefix: string): Promise<Record<string, number>> {
  return page.evaluate(async (wanted) => {
    const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('rsc-replica-'));
    const counts: Record<string, number> = {};
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<{ body: string }[]>((resolve, reject) => {
        const request = db.transaction('comments').objectStore('comments').getAll();
        request.onsuccess = () => resolve(request.result as { body: string }[]);
        request.onerror = () => reject(request.error);
      });
      db.close();
      for (const row of rows) if (row.body.startsWith(wanted)) counts[row.body] = (counts[row.body] ?? 0) + 1;
    }
    return counts;
  }, prefix);
}

test.skip(({ host }) => host === 'electron', 'Kills and reopens the renderer page, which only the harness host can do');

test('the replica survives renderer crashes mid-sync: every change once, nothing pending', async ({ app }) => {
  test.setTimeout(240_000);
  await signInSandbox(app, 'agent1@reseller-a.example');
  const sandbox = app.harness.sandbox!;
  const rows = await replicaWith(app.page, (r) => r.cases.length > 5 && r.customers.some((c) => c.access === 'authorized'));
  const authorised = new Set(rows.customers.filter((c) => c.access === 'authorized').map((c) => c.customerId));
  const targets = rows.cases.filter((c) => c.state !== 'CLOSED' && authorised.has(c.customerId)).slice(0, 8);
  const prefix = `renderer chaos ${Date.now()}`;

  // Offline: queue the changes in main's outbox.
  await sandbox.admin.setOffline(true);
  await syncNow(app.page);
  const bodies: string[] = [];
  for (let index = 0; index < comments; index += 1) {
    const target = targets[index % targets.length]!;
    const body = `${prefix} #${index}`;
    bodies.push(body);
    await bridge(app.page, 'mutations.enqueue', { mutation: { kind: 'comment', caseRef: target.name, body } });
  }

  // Online through faults; crash the page (the Dexie side) while batches are being applied.
  await sandbox.admin.setOffline(false);
  await sandbox.admin.setFaults({ errorRates: { 429: 0.06, 503: 0.06 }, resetRate: 0.04, dropResponseRate: 0.05, retryAfterSeconds: 0 });
  let crashed = 0;
  for (let round = 0; round < crashes; round += 1) {
    // A batch on its way to the page (or, once everything is in, a bounded wait: crash anyway).
    const batch = app.harness.waitForEvent('replica.batch');
    await syncNow(app.page);
    await Promise.race([batch, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    const cdp = await app.harness.context.newCDPSession(app.page);
    const died = app.page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // the renderer dies: this call never answers
    await died;
    crashed += 1;
    await app.harness.reopenPage();
    await expect(app.page.locator('.tab-strip')).toBeVisible();
  }
  await sandbox.admin.clearFaults();
  await syncNow(app.page);

  await expect
    .poll(async () => Object.keys(await replicaComments(app.page, prefix)).length, { timeout: 90_000, message: 'replica catches up' })
    .toBe(comments);
  const inReplica = await replicaComments(app.page, prefix);
  const duplicatedInReplica = Object.values(inReplica).filter((count) => count > 1).length;
  const onServer = targets.flatMap((target) => sandbox.admin.listAllComments(target.name).map((c) => c.body ?? ''));
  const lost = bodies.filter((body) => !onServer.includes(body)).length;
  const duplicatedOnServer = bodies.filter((body) => onServer.filter((candidate) => candidate === body).length > 1).length;
  console.log(
    `renderer chaos: ${comments} comments, ${crashed} renderer crashes, ${lost} lost, ${duplicatedOnServer + duplicatedInReplica} duplicated`,
  );
  expect({ crashed, lost, duplicatedOnServer, duplicatedInReplica }).toEqual({
    crashed: crashes,
    lost: 0,
    duplicatedOnServer: 0,
    duplicatedInReplica: 0,
  });
  await expect.poll(() => bridge<unknown[]>(app.page, 'mutations.list').then((list) => list.length), { timeout: 30_000 }).toBe(0);
});
