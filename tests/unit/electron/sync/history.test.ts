import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../../electron/sandbox';
import { createCoreFixture, type CoreFixture, type MemoryReplica } from '../../support/core-fixture';

// History at the speed of the API: threads of open and recently closed cases come with the
// first sync; long-closed ones when the agent opens the case, and from the background trickle.

const sender = { url: 'test', isMainFrame: true };
const DAY = 86_400_000;
let sandbox: SandboxHandle;
let fixture: CoreFixture;
let accountId: string;
let replica: MemoryReplica;

const idle = (status: { syncing: boolean; connection: string }): boolean => !status.syncing && status.connection === 'online';
const hasThread = (caseName: string): boolean => [...replica.comments.values()].some((comment) => comment.caseName === caseName);

function longClosed(): string[] {
  const now = fixture.sandbox.admin.now().getTime();
  return [...replica.cases.values()]
    .filter((record) => record.state === 'CLOSED' && now - Date.parse(record.updateTime) > 31 * DAY)
    .filter((record) => fixture.sandbox.admin.listAllComments(record.name).length > 0)
    .map((record) => record.name);
}

beforeAll(async () => {
  // No trickle at first: the initial sync alone decides which threads come eagerly.
  sandbox = await startSandbox({ seed: 'history', cases: 500, supportSimulation: { enabled: false } });
  fixture = await createCoreFixture({ existingSandbox: sandbox, sync: { pull: { trickleCasesPerCycle: 0 } as never } });
  accountId = await fixture.signIn('agent1@reseller-a.example');
  const done = fixture.waitForStatus(accountId, idle);
  replica = await fixture.openReplica(accountId);
  await done;
});
afterAll(async () => {
  await fixture?.close();
  await sandbox?.close();
});

describe('history', () => {
  it('brings the threads of open and recently closed cases, complete, and leaves long-closed ones for later', () => {
    const now = fixture.sandbox.admin.now().getTime();
    const eager = [...replica.cases.values()].filter(
      (record) => record.state !== 'CLOSED' || now - Date.parse(record.updateTime) <= 30 * DAY,
    );
    expect(eager.length).toBeGreaterThan(10);
    for (const record of eager) {
      const server = fixture.sandbox.admin.listAllComments(record.name).map((comment) => comment.name);
      const local = [...replica.comments.values()].filter((comment) => comment.caseName === record.name).map((comment) => comment.name);
      expect(local.sort(), record.name).toEqual(server.sort());
    }
    expect(longClosed().length).toBeGreaterThan(3);
    for (const name of longClosed()) expect(hasThread(name), name).toBe(false);
  });

  it('loads a long-closed case’s history when the agent opens it', async () => {
    const [name] = longClosed();
    const result = await fixture.core.dispatch('cases.fetchThread', { accountId, caseName: name }, sender);
    expect(result.ok).toBe(true);
    expect(hasThread(name ?? '')).toBe(true);
  });

  it('trickles the rest of the history in the background until every scope is done', async () => {
    // The same replica, now with an engine that may trickle: one sync fetches every long-closed thread.
    await fixture.close();
    fixture = await createCoreFixture({ existingSandbox: sandbox, sync: { pull: { trickleCasesPerCycle: 500 } as never } });
    accountId = await fixture.signIn('agent1@reseller-a.example');
    fixture.replicas.set(accountId, replica);
    const done = fixture.waitForStatus(accountId, idle);
    await fixture.openReplica(accountId);
    await done;
    const cursor = JSON.parse(replica.cursor ?? '{}') as { scopes: Record<string, { h?: unknown }> };
    expect(Object.values(cursor.scopes).every((scope) => scope.h === true)).toBe(true);
    for (const name of longClosed()) expect(hasThread(name), name).toBe(true);
  });
});
