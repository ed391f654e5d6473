import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/ipc';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';

// Issue 17 §4: while the backend cannot be reached the loop probes at a short, fixed
// interval instead of backing off for minutes, says when the next try is, and sends the
// queue as soon as the network is back — without the agent pressing "sync now".

const sender = { url: 'test', isMainFrame: true };
const probeMs = 300;
let fixture: CoreFixture;
let accountId: string;

beforeAll(async () => {
  // A long backoff: without the probe cap, the fifth failure would wait 16–32 s.
  fixture = await createCoreFixture({ sync: { maxBackoffMs: 10 * 60_000, offlineProbeMs: probeMs } });
  accountId = await fixture.signIn('agent1@reseller-a.example');
  const synced = fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
  await fixture.openReplica(accountId);
  await synced;
});
afterAll(async () => fixture?.close());

it('probes every offlineProbeMs while offline, announces the next attempt, and pushes on its own when the network returns', async () => {
  const target = [...(fixture.replicas.get(accountId)?.cases.values() ?? [])].find((record) => record.state !== 'CLOSED');
  expect(target).toBeDefined();
  const waits: number[] = [];
  const offlineFailures = new Promise<void>((resolve) => {
    const off = fixture.core.events.subscribe((event, payload) => {
      const status = payload as SyncStatus;
      if (event !== 'sync.status' || status.accountId !== accountId || status.syncing || status.connection !== 'offline') return;
      expect(status.nextAttemptAt, 'an offline status says when the next attempt is').toBeDefined();
      waits.push(Date.parse(status.nextAttemptAt ?? '') - Date.now());
      if (waits.length >= 5) {
        off();
        resolve();
      }
    });
  });
  await fixture.sandbox.admin.setOffline(true);
  const body = `Queued while offline ${Date.now()}`;
  await fixture.core.dispatch('mutations.enqueue', { accountId, mutation: { kind: 'comment', caseRef: target?.name ?? '', body } }, sender);
  await offlineFailures;
  for (const wait of waits) expect(wait).toBeLessThanOrEqual(probeMs);

  const delivered = fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online' && status.pending === 0);
  await fixture.sandbox.admin.setOffline(false);
  await delivered;
  expect(fixture.sandbox.admin.listAllComments(target?.name ?? '').filter((comment) => comment.body === body)).toHaveLength(1);
  const status = (await fixture.core.dispatch('sync.statuses', {}, sender)) as { value: SyncStatus[] };
  expect(status.value.find((candidate) => candidate.accountId === accountId)?.nextAttemptAt).toBeUndefined();
});
