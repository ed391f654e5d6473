import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEventBus } from '../../../electron/ipc/event-bus';
import { createIpcRouter, type Handlers } from '../../../electron/ipc/router';
import type { Logger } from '../../../electron/ports';
import { ApiError } from '../../../electron/services/api/api-error';
import { OutboxError } from '../../../electron/services/sync/outbox';
import { AppError, invokeChannels } from '../../../shared/ipc';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';

// One translator at the IPC boundary: every error class a service throws reaches the renderer typed.

const sender = { url: 'test', isMainFrame: true };

function routerThrowing(error: unknown): { route: ReturnType<typeof createIpcRouter>; logged: string[] } {
  const logged: string[] = [];
  const logger: Logger = { info: () => {}, warn: () => {}, error: (message) => void logged.push(message) };
  const thrower = async (): Promise<never> => {
    throw error;
  };
  const handlers = Object.fromEntries(invokeChannels.map((channel) => [channel, thrower])) as unknown as Handlers;
  return { route: createIpcRouter(handlers, { isTrustedSender: () => true, logger }), logged };
}

const fsError = (code: string): Error => Object.assign(new Error(`${code}: failed`), { code });

describe('error translator', () => {
  it.each([
    ['AppError', new AppError('conflict', 'changed elsewhere'), { code: 'conflict', message: 'changed elsewhere', retryable: false }],
    ['ApiError network', new ApiError({ kind: 'network', message: 'fetch failed' }), { code: 'offline', retryable: true }],
    ['ApiError ambiguous', new ApiError({ kind: 'ambiguous', message: 'reset' }), { code: 'offline', retryable: true }],
    ['ApiError 401', new ApiError({ kind: 'http', httpStatus: 401, message: 'no' }), { code: 'unauthorized', retryable: false }],
    ['ApiError 404', new ApiError({ kind: 'http', httpStatus: 404, message: 'gone' }), { code: 'not_found', retryable: false }],
    ['ApiError 429', new ApiError({ kind: 'http', httpStatus: 429, message: 'slow' }), { code: 'rate_limited', retryable: true }],
    ['OutboxError not_found', new OutboxError('not_found', 'no entry'), { code: 'not_found', retryable: false }],
    ['OutboxError invalid_state', new OutboxError('invalid_state', 'in flight'), { code: 'failed_precondition' }],
    ['OutboxError foreign_case', new OutboxError('foreign_case', 'other domain'), { code: 'forbidden' }],
    ['OutboxError closed', new OutboxError('closed', 'closed'), { code: 'unavailable' }],
    ['zod error', z.string().safeParse(1).error, { code: 'invalid_request' }],
    ['abort', new DOMException('aborted', 'AbortError'), { code: 'cancelled' }],
    ['timeout', new DOMException('timed out', 'TimeoutError'), { code: 'unavailable', retryable: true }],
    ['disk full', fsError('ENOSPC'), { code: 'storage_full', retryable: false }],
    ['read-only disk', fsError('EROFS'), { code: 'storage_unavailable' }],
    ['too many open files', fsError('EMFILE'), { code: 'storage_unavailable' }],
  ])('%s becomes a typed error, not internal', async (_name, error, expected) => {
    const { route, logged } = routerThrowing(error);
    await expect(route('settings.get', {}, sender)).resolves.toMatchObject({ ok: false, error: expected });
    expect(logged).toEqual([]);
  });

  it('anything else is internal, logged, and says nothing of the cause', async () => {
    const { route, logged } = routerThrowing(new TypeError('x is undefined at /home/agent/secret.ts'));
    await expect(route('settings.get', {}, sender)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in settings.get.', retryable: false },
    });
    expect(logged).toEqual(['ipc: handler failed']);
  });
});

describe('API errors from the real handlers', () => {
  let fixture: CoreFixture;
  let accountId: string;
  beforeAll(async () => {
    fixture = await createCoreFixture({ sandbox: { cases: 20 }, httpTimeoutMs: 5_000 });
    accountId = await fixture.signIn('agent1@reseller-a.example');
    await fixture.openReplica(accountId);
    await fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
  });
  afterAll(async () => fixture?.close());

  const someCase = (): string => [...(fixture.replicas.get(accountId)?.cases.keys() ?? [])][0] ?? '';

  it('not_found for an attachment or a case that does not exist', async () => {
    const missing = `${someCase()}/attachments/does-not-exist`;
    await expect(fixture.core.dispatch('attachments.openDownload', { accountId, attachmentName: missing }, sender)).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await expect(
      fixture.core.dispatch('attachments.saveAs', { accountId, attachmentName: missing, filename: 'x.txt' }, sender),
    ).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
    const caseName = someCase().replace(/\d+$/, '999999999');
    await expect(fixture.core.dispatch('cases.fetchThread', { accountId, caseName }, sender)).resolves.toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/^(not_found|forbidden)$/) },
    });
  });

  it('offline when the backend cannot be reached', async () => {
    await fixture.sandbox.admin.setOffline(true);
    try {
      const attachmentName = `${someCase()}/attachments/a`;
      await expect(fixture.core.dispatch('attachments.openDownload', { accountId, attachmentName }, sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'offline', retryable: true },
      });
      await expect(fixture.core.dispatch('cases.fetchThread', { accountId, caseName: someCase() }, sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'offline' },
      });
    } finally {
      await fixture.sandbox.admin.setOffline(false);
    }
  });

  it('unauthorized once the grant is revoked', async () => {
    fixture.sandbox.admin.revokeGrantsFor('agent1@reseller-a.example');
    fixture.sandbox.admin.expireAccessTokens();
    await expect(fixture.core.dispatch('cases.fetchThread', { accountId, caseName: someCase() }, sender)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });
});

describe('event bus', () => {
  it('drops and logs a payload outside its schema instead of throwing into the publisher', () => {
    const logged: string[] = [];
    const bus = createEventBus({ info: () => {}, warn: () => {}, error: (message) => void logged.push(message) });
    const received: unknown[] = [];
    bus.subscribe((_event, payload) => received.push(payload));
    expect(() => bus.publish('app.heartbeat', { seq: 'one' } as never)).not.toThrow();
    bus.publish('app.heartbeat', { seq: 1, at: 'now' });
    expect(received).toEqual([{ seq: 1, at: 'now' }]);
    expect(logged).toEqual(['events: dropped a payload outside its schema']);
  });
});
