import { afterEach, describe, expect, it } from 'vitest';
import { createCoreFixture, type CoreFixture } from '../../support/core-fixture';

// A replica that cannot commit a batch (IndexedDB full, say) answers replica.nack: main must
// fail that sync at once with the reason, keep its cursor, and deliver the batch again later.

let fixture: CoreFixture | undefined;
afterEach(async () => fixture?.close());

describe('replica.nack', () => {
  it('fails the sync at once with the reason, then the retry delivers what was refused', async () => {
    let refusing = true;
    const refused: string[] = [];
    fixture = await createCoreFixture({
      // The ack timeout is far beyond the test's own timeout: only the nack can end the wait.
      sync: { ackTimeoutMs: 10 * 60_000 },
      refuseBatch: (batch) => {
        if (!refusing) return undefined;
        refused.push(batch.batchId);
        return 'QuotaExceededError: the disk is full';
      },
    });
    const accountId = await fixture.signIn('agent1@reseller-a.example');
    const failed = new Promise<string>((resolve) => {
      const off = fixture?.core.events.subscribe((event, payload) => {
        const status = payload as { accountId: string; lastError?: string };
        if (event === 'sync.status' && status.accountId === accountId && status.lastError) {
          off?.();
          resolve(status.lastError);
        }
      });
    });
    const replica = await fixture.openReplica(accountId);
    expect(await failed).toBe('The local replica could not store a batch: QuotaExceededError: the disk is full');
    expect(refused.length).toBeGreaterThan(0);
    expect(replica.batches).toBe(0);
    expect(replica.cursor).toBeNull();

    refusing = false;
    const synced = fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online' && status.pending === 0);
    await fixture.core.dispatch('sync.now', { accountId }, { url: 'test', isMainFrame: true });
    await synced;
    expect(replica.cases.size).toBeGreaterThan(0);
    expect(replica.cursor).not.toBeNull();
  });
});
