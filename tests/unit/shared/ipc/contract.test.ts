import { describe, expect, it } from 'vitest';
import { createBridge, eventChannels, invokeChannels, invokeContract, type BridgeTransport } from '../../../../shared/ipc';

describe('bridge contract', () => {
  it('keeps the channel names stable (a rename must update this list on purpose)', () => {
    expect(invokeChannels).toMatchInlineSnapshot(`
      [
        "app.info",
        "app.echo",
        "app.emitHeartbeat",
        "settings.get",
        "settings.set",
        "accounts.list",
        "accounts.signIn",
        "accounts.cancelSignIn",
        "accounts.signOut",
        "replica.hello",
        "replica.ack",
        "replica.nack",
        "mutations.enqueue",
        "mutations.list",
        "mutations.retry",
        "mutations.edit",
        "mutations.discard",
        "sync.now",
        "sync.statuses",
        "backend.info",
        "attachments.stageBegin",
        "attachments.stageChunk",
        "attachments.stageCommit",
        "attachments.stageAbort",
        "attachments.stageForDraft",
        "attachments.draftFiles",
        "attachments.draftFileHead",
        "attachments.commitDraftFile",
        "attachments.discardDraftFiles",
        "attachments.openDownload",
        "attachments.readChunk",
        "attachments.cancelDownload",
        "attachments.saveAs",
        "portal.open",
        "cases.fetchThread",
        "backend.incidents",
        "agency.get",
        "agency.savePlan",
        "agency.deletePlan",
        "agency.setDefaultPlan",
        "agency.setCustomer",
        "agency.clearDemo",
        "agency.importCsv",
        "agency.exportCsv",
        "reports.savePdf",
        "reports.saveCsv",
        "help.search",
        "policy.get",
        "log.write",
        "diagnostics.preview",
        "diagnostics.save",
        "update.status",
        "update.check",
        "update.restart",
      ]
    `);
    expect(eventChannels).toMatchInlineSnapshot(`
      [
        "app.heartbeat",
        "settings.changed",
        "agency.changed",
        "accounts.changed",
        "replica.batch",
        "outbox.changed",
        "sync.status",
        "attachments.uploadProgress",
        "update.status",
      ]
    `);
  });

  it('every request schema rejects junk', () => {
    for (const channel of invokeChannels) {
      const schema = invokeContract[channel].request;
      for (const junk of [null, 'text', 42, [], { __proto__: { polluted: true }, unexpected: 1 }]) {
        expect(schema.safeParse(junk).success, `${channel} accepted ${JSON.stringify(junk)}`).toBe(false);
      }
    }
  });
});

describe('createBridge', () => {
  function fakeTransport(): BridgeTransport & { calls: string[]; emit: (event: string, payload: unknown) => void } {
    const calls: string[] = [];
    const listeners = new Map<string, (payload: unknown) => void>();
    return {
      calls,
      invoke: async (channel) => {
        calls.push(channel);
        return { ok: true, value: { channel } };
      },
      subscribe: (event, listener) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
      emit: (event, payload) => listeners.get(event)?.(payload),
    };
  }

  it('is frozen and exposes only invoke and on', () => {
    const bridge = createBridge(fakeTransport());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('refuses unknown channels without touching the transport', async () => {
    const transport = fakeTransport();
    const bridge = createBridge(transport);
    await expect(bridge.invoke('nope' as never, {} as never)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(transport.calls).toEqual([]);
    await bridge.invoke('app.info', {});
    expect(transport.calls).toEqual(['app.info']);
  });

  it('turns a transport failure into an unavailable error', async () => {
    const bridge = createBridge({ invoke: async () => Promise.reject(new Error('gone')), subscribe: () => () => {} });
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'gone', retryable: true },
    });
  });

  it('delivers events and unsubscribes', () => {
    const transport = fakeTransport();
    const bridge = createBridge(transport);
    const seen: unknown[] = [];
    const off = bridge.on('app.heartbeat', (payload) => seen.push(payload));
    transport.emit('app.heartbeat', { seq: 1, at: 'now' });
    off();
    transport.emit('app.heartbeat', { seq: 2, at: 'later' });
    expect(seen).toEqual([{ seq: 1, at: 'now' }]);
    expect(() => bridge.on('nope' as never, () => {})).toThrow(TypeError);
  });
});
