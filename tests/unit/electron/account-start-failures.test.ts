import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { journalFileName } from '../../../electron/services/sync/outbox';
import type { SyncStatus } from '../../../shared/ipc';
import { createMemoryVault, createNodePorts } from '../../harness/node-ports';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';
import { createSandboxBrowser } from '../support/sandbox-browser';

// A damaged file on disk costs one account its sync, never the app, the other accounts or sign-out.

const sender = { url: 'test', isMainFrame: true };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function statuses(core: { dispatch: CoreFixture['core']['dispatch'] }): Promise<Map<string, SyncStatus>> {
  const result = await core.dispatch('sync.statuses', {}, sender);
  if (!result.ok) throw new Error(result.error.message);
  return new Map((result.value as SyncStatus[]).map((status) => [status.accountId, status]));
}

describe('an account that cannot start', () => {
  it('damaged outbox: the app starts, that account shows the error, others sync, retry and sign-out work', async () => {
    const fixture = await createCoreFixture();
    cleanups.push(() => fixture.close());
    const broken = await fixture.signIn('agent1@reseller-a.example');
    const healthy = await fixture.signIn('agent1@reseller-b.example');
    await fixture.restart();
    // A journal that cannot even be read (here: a directory where the file should be).
    const journal = path.join(fixture.userData, 'outbox', broken, journalFileName);
    rmSync(journal, { force: true });
    mkdirSync(path.join(journal, 'junk'), { recursive: true });
    await fixture.restart(); // resolves: start never rejects for one account

    const byAccount = await statuses(fixture.core);
    expect(byAccount.get(broken)).toMatchObject({ connection: 'error', lastError: expect.stringMatching(/EISDIR/) });
    expect(byAccount.get(healthy)?.connection).not.toBe('error');

    const list = await fixture.core.dispatch('mutations.list', { accountId: broken }, sender);
    expect(list).toMatchObject({ ok: false, error: { code: 'unavailable', retryable: true } });
    await fixture.openReplica(healthy);
    await fixture.waitForStatus(healthy, (status) => !status.syncing && status.connection === 'online');
    expect((await fixture.core.dispatch('mutations.list', { accountId: healthy }, sender)).ok).toBe(true);

    // Retry after the damage is gone: "Sync now" starts the account.
    rmSync(journal, { recursive: true, force: true });
    const retried = await fixture.core.dispatch('sync.now', { accountId: broken }, sender);
    expect(retried.ok).toBe(true);
    expect((await statuses(fixture.core)).get(broken)?.connection).not.toBe('error');

    // Break it again and sign out: sign-out wipes the unreadable files without opening them.
    await fixture.restart();
    rmSync(journal, { force: true });
    mkdirSync(path.join(journal, 'junk'), { recursive: true });
    await fixture.restart();
    const signOut = await fixture.core.dispatch('accounts.signOut', { accountId: broken }, sender);
    expect(signOut).toMatchObject({ ok: true, value: { discardedChanges: 0 } });
    expect((await statuses(fixture.core)).has(broken)).toBe(false);
    expect((await fixture.core.dispatch('mutations.list', { accountId: healthy }, sender)).ok).toBe(true);
  });

  it('a damaged replica cursor gives a full pull, not an error', async () => {
    const fixture = await createCoreFixture({ sandbox: { cases: 30 } });
    cleanups.push(() => fixture.close());
    const account = await fixture.signIn('agent1@reseller-a.example');
    const replica = await fixture.openReplica(account);
    await fixture.waitForStatus(account, (status) => !status.syncing && status.connection === 'online');
    const casesBefore = replica.cases.size;
    expect(casesBefore).toBeGreaterThan(0);
    replica.cursor = '{"v":1,"customerIds":[1,2';
    replica.cases.clear();
    const synced = fixture.waitForStatus(account, (status) => !status.syncing && status.connection === 'online');
    await fixture.openReplica(account);
    await synced;
    expect(replica.cases.size).toBe(casesBefore);
  });

  it('damaged embedded sandbox state: the app opens, the account shows the error, retry is not cached, sign-out works', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'rsc-start-'));
    cleanups.push(() => rmSync(userData, { recursive: true, force: true }));
    const account = {
      id: 'acc_0123456789abcdef',
      email: 'agent1@reseller-a.example',
      domain: 'reseller-a.example',
      backend: 'sandbox',
      color: '#1a73e8',
      status: 'active',
      addedAt: '2025-01-01T00:00:00.000Z',
    };
    writeFileSync(path.join(userData, 'accounts.json'), JSON.stringify({ accounts: [account] }));
    const stateFile = path.join(userData, 'sandbox', 'state.json');
    mkdirSync(path.join(stateFile, 'junk'), { recursive: true }); // unreadable state
    const ports = createNodePorts({
      userData,
      host: { kind: 'harness', appName: 'test', appVersion: '0', platform: 'linux' },
      vault: createMemoryVault(),
      browser: createSandboxBrowser(),
    });
    const core = createCore(ports, { isTrustedSender: () => true, heartbeatMs: 0, validateResponses: true });
    cleanups.push(() => core.stop());
    await core.start();

    expect((await statuses(core)).get(account.id)).toMatchObject({ connection: 'error' });
    const info = await core.dispatch('app.info', {}, sender);
    expect(info.ok).toBe(true);

    rmSync(stateFile, { recursive: true, force: true });
    expect((await core.dispatch('sync.now', { accountId: account.id }, sender)).ok).toBe(true);
    expect((await statuses(core)).get(account.id)?.connection).not.toBe('error');

    const signOut = await core.dispatch('accounts.signOut', { accountId: account.id }, sender);
    expect(signOut.ok).toBe(true);
    const list = await core.dispatch('accounts.list', {}, sender);
    expect(list).toMatchObject({ ok: true, value: { accounts: [] } });
  });
});
