import { afterEach, describe, expect, it } from 'vitest';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';

// The periodic full listing catches a change the incremental pull missed (here: a
// replica whose watermark ran ahead of the server's clock).

const sender = { url: 'test', isMainFrame: true };
let fixture: CoreFixture | undefined;
afterEach(async () => fixture?.close());

async function missedChange(fullReconcileEveryMs: number): Promise<{ expected: string; replicated: string | undefined }> {
  fixture = await createCoreFixture({ sync: { pull: { fullReconcileEveryMs } as never } });
  const accountId = await fixture.signIn('agent1@reseller-a.example');
  const first = fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
  const replica = await fixture.openReplica(accountId);
  await first;
  const target = [...replica.cases.values()].find(
    (record) => record.state !== 'CLOSED' && replica.customers.get(record.customerId)?.access === 'authorized',
  );
  const expected = target?.priority === 'P4' ? 'P3' : 'P4';
  // The watermark jumps ahead (a skewed clock, a bug): incremental pulls would now see nothing.
  const cursor = JSON.parse(replica.cursor ?? '{}') as { scopes: Record<string, { w?: string }> };
  for (const scope of Object.values(cursor.scopes)) scope.w = '2100-01-01T00:00:00Z';
  replica.cursor = JSON.stringify(cursor);
  const token = fixture.sandbox.admin.mintTokens('agent1@reseller-a.example').accessToken;
  const patched = await fetch(`${fixture.sandbox.baseUrl}/v2/${target?.name}?updateMask=priority`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ priority: expected }),
  });
  expect(patched.status).toBe(200);
  const synced = fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
  await fixture.openReplica(accountId);
  await synced;
  await fixture.core.dispatch('sync.now', { accountId }, sender);
  await fixture.waitForStatus(accountId, (status) => !status.syncing);
  return { expected, replicated: replica.cases.get(target?.name ?? '')?.priority };
}

describe('full reconciliation', () => {
  it('an incremental pull alone misses the change (the control)', async () => {
    const { expected, replicated } = await missedChange(24 * 3_600_000);
    expect(replicated).not.toBe(expected);
  });

  it('the periodic full listing catches it', async () => {
    const { expected, replicated } = await missedChange(0);
    expect(replicated).toBe(expected);
  });
});
