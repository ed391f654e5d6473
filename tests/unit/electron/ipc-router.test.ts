import { describe, expect, it } from 'vitest';
import { createIpcRouter, estimateSize, type Handlers } from '../../../electron/ipc/router';
import type { Logger } from '../../../electron/ports';
import { AppError, invokeChannels, maxRequestBytes } from '../../../shared/ipc';
import { createHandlers } from '../../../electron/ipc/handlers';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const trusted = { url: 'app://console/index.html', isMainFrame: true };

const unused = async (): Promise<never> => {
  throw new Error('not used in these tests');
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'accounts.list': unused,
    'accounts.signIn': unused,
    'accounts.cancelSignIn': unused,
    'accounts.signOut': unused,
    'replica.hello': unused,
    'replica.ack': unused,
    'replica.nack': unused,
    'mutations.enqueue': unused,
    'mutations.list': unused,
    'mutations.retry': unused,
    'mutations.edit': unused,
    'mutations.discard': unused,
    'sync.now': unused,
    'sync.statuses': unused,
    'backend.info': unused,
    'backend.incidents': unused,
    'agency.get': unused,
    'agency.savePlan': unused,
    'agency.deletePlan': unused,
    'agency.setDefaultPlan': unused,
    'agency.setCustomer': unused,
    'agency.clearDemo': unused,
    'agency.importCsv': unused,
    'agency.exportCsv': unused,
    'reports.savePdf': unused,
    'reports.saveCsv': unused,
    'help.search': unused,
    'policy.get': unused,
    'log.write': unused,
    'diagnostics.preview': unused,
    'diagnostics.save': unused,
    'update.status': unused,
    'update.check': unused,
    'update.restart': unused,
    'attachments.stageBegin': unused,
    'attachments.stageChunk': unused,
    'attachments.stageCommit': unused,
    'attachments.stageAbort': unused,
    'attachments.stageForDraft': unused,
    'attachments.draftFiles': unused,
    'attachments.draftFileHead': unused,
    'attachments.commitDraftFile': unused,
    'attachments.discardDraftFiles': unused,
    'attachments.openDownload': unused,
    'attachments.readChunk': unused,
    'attachments.cancelDownload': unused,
    'attachments.saveAs': unused,
    'cases.fetchThread': unused,
    'portal.open': unused,
    'app.info': async () => ({ name: 'Console', version: '1.2.3', host: 'harness', platform: 'linux' }),
    'app.echo': async (request) => ({ byteLength: request.bytes?.byteLength ?? 0 }),
    'app.emitHeartbeat': async () => ({ seq: 1 }),
    'settings.get': async () => {
      throw new Error('disk on fire');
    },
    'settings.set': async () => {
      throw new AppError('conflict', 'changed elsewhere');
    },
    ...overrides,
  };
}

const router = createIpcRouter(handlers(), {
  isTrustedSender: (sender) => sender.url?.startsWith('app://console/') === true && sender.isMainFrame,
  logger: silent,
  validateResponses: true,
});

describe('IPC router', () => {
  it('answers a valid request with an ok envelope', async () => {
    await expect(router('app.info', {}, trusted)).resolves.toEqual({
      ok: true,
      value: { name: 'Console', version: '1.2.3', host: 'harness', platform: 'linux' },
    });
  });

  it('refuses unknown channels, including prototype names', async () => {
    for (const channel of ['nope', 'constructor', '__proto__', 42, null]) {
      const result = await router(channel, {}, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel', retryable: false } });
    }
  });

  it('refuses untrusted senders before looking at the request', async () => {
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://console/index.html', isMainFrame: false },
      { url: undefined, isMainFrame: true },
    ]) {
      await expect(router('app.info', {}, sender)).resolves.toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
  });

  it('refuses requests that do not match the schema', async () => {
    await expect(router('app.info', { extra: 1 }, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await expect(router('app.info', 'string', trusted)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await expect(router('settings.set', { language: 'klingon' }, trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('language') },
    });
  });

  it('refuses anything but plain data (a prototype set to a typed array, a class instance)', async () => {
    const disguised = Object.setPrototypeOf({ text: 'x' }, Uint8Array.prototype) as unknown;
    await expect(router('app.echo', { bytes: disguised }, trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    await expect(router('app.echo', new Date(), trusted)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await expect(router('app.echo', { bytes: new Uint8Array(2) }, trusted)).resolves.toMatchObject({ ok: true });
  });

  it('refuses oversized payloads', async () => {
    const result = await router('app.echo', { bytes: new Uint8Array(maxRequestBytes + 1) }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const text = await router('app.echo', { text: 'x'.repeat(maxRequestBytes) }, trusted);
    expect(text).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });

  it('maps thrown errors to codes without leaking internals', async () => {
    const crashed = await router('settings.get', {}, trusted);
    expect(crashed).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong in settings.get.', retryable: false } });
    await expect(router('settings.set', {}, trusted)).resolves.toEqual({
      ok: false,
      error: { code: 'conflict', message: 'changed elsewhere', retryable: false },
    });
  });

  it('turns a response outside its schema into an internal error', async () => {
    const broken = createIpcRouter(handlers({ 'app.emitHeartbeat': async () => ({ seq: 'one' }) as never }), {
      isTrustedSender: () => true,
      logger: silent,
      validateResponses: true,
    });
    await expect(broken('app.emitHeartbeat', {}, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('estimateSize', () => {
  it('counts bytes and strings and stops early on huge input', () => {
    expect(estimateSize({ a: new Uint8Array(100) }, 1e9)).toBeGreaterThanOrEqual(100);
    const huge = Array.from({ length: 100_000 }, () => 'x'.repeat(100));
    expect(estimateSize(huge, 1000)).toBeLessThan(1000 + 300);
  });
  it('survives cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(estimateSize(cyclic, 1e6)).toBeLessThan(100);
  });
});

describe('contract guard', () => {
  it('has a handler for every channel', () => {
    const real = createHandlers({
      ports: {} as never,
      settings: {} as never,
      agency: {} as never,
      reports: {} as never,
      auth: {} as never,
      sync: {} as never,
      backends: {} as never,
      attachments: {} as never,
      drafts: {} as never,
      policy: {} as never,
      updates: {} as never,
      diagnostics: {} as never,
      rendererLog: () => undefined,
      emitHeartbeat: () => 0,
      statusFeed: async () => [],
      helpSearch: async () => undefined,
    });
    expect(Object.keys(real).sort()).toEqual([...invokeChannels].sort());
  });
});
