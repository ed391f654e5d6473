import { expect, test } from './fixtures';
import { signInSandbox } from './helpers';

// The renderer must never see a token: not in bridge answers, events, IndexedDB or
// localStorage, and no token may reach the log file. Sandbox tokens have Google's
// shapes: access `ya29.…`, refresh `1//…`, codes `4/…`, ID tokens are JWTs.
const tokenShapes = /ya29\.[\w-]{8,}|1\/\/[\w-]{8,}|4\/sbx-[\w-]{8,}|eyJ[\w-]{10,}\.eyJ[\w-]{10,}/;

test('no token reaches the renderer or the logs, and an expired access token refreshes unnoticed', async ({ app }) => {
  await signInSandbox(app, 'agent1@reseller-a.example');
  await signInSandbox(app, 'agent1@reseller-b.example');
  await expect(app.page.getByTestId('last-synced')).toContainText(/Synced/);

  // Force a refresh mid-use: the next sync gets a 401, refreshes once, and goes on.
  app.harness.sandbox?.admin.expireAccessTokens();
  await app.page.evaluate(() =>
    (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<unknown> } }).consoleBridge.invoke('sync.now', {}),
  );
  await expect.poll(() => app.harness.sandbox?.admin.stats()['oauth2.token'] ?? 0).toBeGreaterThanOrEqual(4);
  await expect(app.page.getByTestId('connection')).toHaveText('Online');

  expect(app.harness.traffic.length).toBeGreaterThan(10);
  expect(app.harness.traffic.filter((line) => tokenShapes.test(line))).toEqual([]);

  const stored = await app.page.evaluate(async () => {
    const out: string[] = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index) ?? '';
      out.push(`${key}=${localStorage.getItem(key) ?? ''}`);
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name ?? '');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        out.push(JSON.stringify(rows));
      }
      db.close();
    }
    return out;
  });
  expect(stored.join('\n').length).toBeGreaterThan(1000);
  expect(stored.filter((text) => tokenShapes.test(text))).toEqual([]);

  const log = await app.harness.readLog();
  expect(log).toContain('auth: signed in');
  expect(log.split('\n').filter((line) => tokenShapes.test(line))).toEqual([]);
});

test('a revoked grant asks only that domain to sign in again', async ({ app }) => {
  await signInSandbox(app, 'agent1@reseller-a.example');
  await signInSandbox(app, 'agent1@reseller-b.example');
  app.harness.sandbox?.admin.revokeGrantsFor('agent1@reseller-b.example');
  app.harness.sandbox?.admin.expireAccessTokens('agent1@reseller-b.example');
  await app.page.evaluate(() =>
    (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<unknown> } }).consoleBridge.invoke('sync.now', {}),
  );
  await expect(app.page.getByTestId('tab-reseller-b.example')).toHaveClass(/reauth/);
  await expect(app.page.getByTestId('tab-reseller-a.example')).not.toHaveClass(/reauth/);
});
