import { expect, test } from './fixtures';

type Invoke = (channel: string, request: unknown) => Promise<unknown>;

test('malformed bridge requests get typed errors and the app keeps working', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('app-version')).toHaveText('Version 0.1.0');

  const answers = await page.evaluate(async () => {
    const bridge = (window as unknown as { consoleBridge: { invoke: Invoke } }).consoleBridge;
    // The harness's transport under the bridge answers JSON text (tests/harness/page-wire.ts).
    const transport = (window as unknown as { __appIpc: (channel: string, request: unknown) => Promise<string> }).__appIpc;
    const raw = async (channel: string, request: unknown): Promise<unknown> =>
      (JSON.parse(await transport(channel, request)) as { value: unknown }).value;
    return {
      unknownViaBridge: await bridge.invoke('cases.dropTable', {}),
      unknownViaTransport: await raw('cases.dropTable', {}),
      wrongTypes: await bridge.invoke('settings.set', { language: 42 }),
      extraField: await bridge.invoke('settings.set', { language: 'fr', evil: true }),
      notAnObject: await bridge.invoke('app.info', 'hello'),
      oversized: await bridge.invoke('app.echo', { bytes: new Uint8Array(3 * 1024 * 1024) }),
    };
  });
  expect(answers.unknownViaBridge).toMatchObject({ ok: false, error: { code: 'unknown_channel', retryable: false } });
  expect(answers.unknownViaTransport).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  expect(answers.wrongTypes).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  expect(answers.extraField).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  expect(answers.notAnObject).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  expect(answers.oversized).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });

  // Nothing was stored by the bad requests, and the app still answers.
  const settings = await page.evaluate(() =>
    (window as unknown as { consoleBridge: { invoke: Invoke } }).consoleBridge.invoke('settings.get', {}),
  );
  expect(settings).toMatchObject({ ok: true, value: { language: 'system' } });
  const info = await page.evaluate(() => (window as unknown as { consoleBridge: { invoke: Invoke } }).consoleBridge.invoke('app.info', {}));
  expect(info).toMatchObject({ ok: true, value: { version: '0.1.0' } });
});

test('a page from another origin cannot use the bridge', async ({ app }) => {
  // Any other origin: here a data URL page opened in the same browser, then a page on another loopback port.
  const foreign = await app.harness.context.newPage();
  await foreign.goto('data:text/html,<title>foreign</title>');
  const answer = await foreign.evaluate(async () => {
    const bridge = (window as unknown as { consoleBridge?: { invoke: Invoke } }).consoleBridge;
    return bridge ? bridge.invoke('settings.get', {}) : 'no bridge';
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });

  // A child frame inside the app page is not the main frame either (a same-origin
  // iframe of the app itself is refused by the CSP's frame-ancestors, so use srcdoc).
  await app.page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>child</p>';
    frame.name = 'child';
    document.body.append(frame);
  });
  await expect.poll(() => app.page.frame({ name: 'child' })?.url()).toBe('about:srcdoc');
  const child = app.page.frame({ name: 'child' });
  if (!child) throw new Error('the child frame vanished');
  const fromFrame = await child.evaluate(async () => {
    const bridge = (window as unknown as { consoleBridge: { invoke: Invoke } }).consoleBridge;
    return bridge.invoke('settings.get', {});
  });
  expect(fromFrame).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  await expect(app.page.getByTestId('app-version')).toHaveText('Version 0.1.0');
});
