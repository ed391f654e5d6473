import { expect, test } from './fixtures';

test('the page gets name and version from main over the bridge, and events from main reach the page', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('app-name')).toHaveText('Reseller Support Console');
  await expect(page.getByTestId('app-version')).toHaveText('Version 0.1.0');
  await expect(page.getByTestId('app-host')).toHaveText('Test harness (Chromium)');

  // page → bridge → core → page
  const echoed = await page.evaluate(async () => {
    const bridge = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<unknown> } }).consoleBridge;
    return bridge.invoke('app.echo', { text: 'héllo 你好', bytes: new Uint8Array([1, 2, 3]) });
  });
  expect(echoed).toEqual({ ok: true, value: { text: 'héllo 你好', byteLength: 3 } });

  // core → page: an event emitted on demand reaches a listener in the page.
  const seq = await page.evaluate(async () => {
    const bridge = (
      window as unknown as {
        consoleBridge: {
          invoke: (c: string, r: unknown) => Promise<unknown>;
          on: (e: string, l: (p: { seq: number }) => void) => () => void;
        };
      }
    ).consoleBridge;
    const received = new Promise<number>((resolve) => {
      const off = bridge.on('app.heartbeat', (payload) => {
        off();
        resolve(payload.seq);
      });
    });
    await bridge.invoke('app.emitHeartbeat', {});
    return received;
  });
  expect(seq).toBe(1);
});

test('a setting changed in the page is stored by main, announced to the page and survives a restart', async ({ app }) => {
  await app.page.evaluate(() =>
    (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<unknown> } }).consoleBridge.invoke('settings.set', {
      language: 'zh-TW',
    }),
  );
  // settings.changed reaches the page, which switches language at once.
  await expect(app.page.getByRole('button', { name: /試用沙箱/ })).toBeVisible();
  await app.restart();
  await expect(app.page.getByTestId('app-version')).toHaveText('版本 0.1.0');
});

test('the bridge global is one frozen object with only invoke and on', async ({ app }) => {
  const surface = await app.page.evaluate(() => {
    const bridge = (window as unknown as { consoleBridge: object }).consoleBridge;
    return {
      keys: Object.keys(bridge).sort(),
      frozen: Object.isFrozen(bridge),
      writable: Object.getOwnPropertyDescriptor(window, 'consoleBridge')?.writable,
    };
  });
  expect(surface).toEqual({ keys: ['invoke', 'on'], frozen: true, writable: false });
});
