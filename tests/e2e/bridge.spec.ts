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

  // core → page: an event emitted on demand shows up in the status bar.
  await expect(page.getByTestId('heartbeat')).toHaveText('Waiting for the main process…');
  await page.evaluate(() =>
    (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<unknown> } }).consoleBridge.invoke('app.emitHeartbeat', {}),
  );
  await expect(page.getByTestId('heartbeat')).toHaveText('Main process heartbeat #1');
});

test('a setting changed in the page is stored by main, announced to the page and survives a restart', async ({ app }) => {
  await app.page.getByTestId('language-select').selectOption('zh-TW');
  await expect(app.page.getByRole('heading', { name: '設定' })).toBeVisible();
  await app.restart();
  await expect(app.page.getByTestId('language-select')).toHaveValue('zh-TW');
  await expect(app.page.getByTestId('app-version')).toHaveText('版本 0.1.0');
});

test('the bridge global is one frozen object with only invoke and on', async ({ app }) => {
  const surface = await app.page.evaluate(() => {
    const bridge = (window as unknown as { consoleBridge: object }).consoleBridge;
    return { keys: Object.keys(bridge).sort(), frozen: Object.isFrozen(bridge), writable: Object.getOwnPropertyDescriptor(window, 'consoleBridge')?.writable };
  });
  expect(surface).toEqual({ keys: ['invoke', 'on'], frozen: true, writable: false });
});
