import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';

// The main-side services end to end over real HTTP against the sandbox:
// sign-in through the sandbox's sign-in page, pull, push, token refresh, revocation.

const sender = { url: 'test', isMainFrame: true };
let fixture: CoreFixture;
let accountA: string;
let accountB: string;

const idle = (status: { syncing: boolean; connection: string; pending: number }): boolean =>
  !status.syncing && status.connection === 'online' && status.pending === 0;

beforeAll(async () => {
  fixture = await createCoreFixture();
  accountA = await fixture.signIn('agent1@reseller-a.example');
  accountB = await fixture.signIn('agent1@reseller-b.example');
});
afterAll(async () => fixture?.close());

describe('accounts', () => {
  it('signs in to two reseller domains side by side, without exposing tokens', async () => {
    const result = await fixture.core.dispatch('accounts.list', {}, sender);
    expect(result.ok).toBe(true);
    const state = (result as { value: { accounts: { id: string; domain: string; email: string; status: string }[] } }).value;
    expect(state.accounts.map((account) => [account.domain, account.email, account.status])).toEqual([
      ['reseller-a.example', 'agent1@reseller-a.example', 'active'],
      ['reseller-b.example', 'agent1@reseller-b.example', 'active'],
    ]);
    const serialized = JSON.stringify(state);
    expect(serialized).not.toMatch(/token|sat_|srt_|eyJ/i);
  });

  it('keeps the sign-in URL honest: PKCE S256, state, nonce, loopback redirect, offline access', () => {
    const url = new URL(fixture.browser.opened.at(-1) ?? '');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('a cancelled sign-in leaves nothing behind', async () => {
    fixture.browser.choose('cancel');
    const result = await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const list = await fixture.core.dispatch('accounts.list', {}, sender);
    expect((list as { value: { accounts: unknown[] } }).value.accounts).toHaveLength(2);
  });

  it('refuses a callback whose state does not match, and keeps no account from it', async () => {
    fixture.browser.choose('agent2@reseller-a.example');
    fixture.browser.tamper((location) => {
      location.searchParams.set('state', 'forged-state');
      return location;
    });
    const result = await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox' }, sender);
    fixture.browser.tamper(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const list = (await fixture.core.dispatch('accounts.list', {}, sender)) as { value: { accounts: { email: string }[] } };
    expect(list.value.accounts.map((account) => account.email)).not.toContain('agent2@reseller-a.example');
  });

  it('refuses a code minted for another sign-in (other verifier and redirect; the sandbox suite tests each check alone)', async () => {
    // Start one sign-in and capture its code, then hand that code to a second sign-in: its verifier does not match.
    let stolen: URL | undefined;
    fixture.browser.choose('agent2@reseller-a.example');
    fixture.browser.tamper((location) => {
      stolen = new URL(location);
      location.searchParams.set('error', 'access_denied');
      location.searchParams.delete('code');
      return location;
    });
    await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox' }, sender);
    fixture.browser.tamper((location) => {
      location.searchParams.set('code', stolen?.searchParams.get('code') ?? '');
      return location;
    });
    const result = await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox' }, sender);
    fixture.browser.tamper(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('never writes a token to the log file', async () => {
    const log = await fixture.readLog();
    expect(log).toContain('auth: signed in');
    expect(log).not.toMatch(/sat_[A-Za-z0-9]|srt_[A-Za-z0-9]|eyJhbGci|Bearer [A-Za-z0-9]/);
  });
});

describe('sync', () => {
  it('pulls each domain into its own replica and nothing of the other', async () => {
    const doneA = fixture.waitForStatus(accountA, idle);
    const doneB = fixture.waitForStatus(accountB, idle);
    const replicaA = await fixture.openReplica(accountA);
    const replicaB = await fixture.openReplica(accountB);
    await Promise.all([doneA, doneB]);

    const visibleA = fixture.sandbox.admin.customers().filter((c) => c.resellerDomain === 'reseller-a.example' && !c.transferred);
    expect([...replicaA.customers.keys()].sort()).toEqual(visibleA.map((c) => c.customerId).sort());
    const ownOrgsA = new Set(visibleA.map((c) => c.organization));
    expect(replicaA.cases.size).toBeGreaterThan(0);
    for (const record of replicaA.cases.values()) expect(ownOrgsA.has(record.name.split('/').slice(0, 2).join('/'))).toBe(true);
    const visibleB = new Set(
      fixture.sandbox.admin
        .customers()
        .filter((c) => c.resellerDomain === 'reseller-b.example')
        .map((c) => c.customerId),
    );
    for (const record of replicaB.cases.values()) expect(visibleB.has(record.customerId)).toBe(true);
    for (const name of replicaA.cases.keys()) expect(replicaB.cases.has(name)).toBe(false);
  });

  it('a sync with no changes makes one request and sends no batch', async () => {
    const replica = fixture.replicas.get(accountA);
    const batchesBefore = replica?.batches;
    fixture.sandbox.admin.resetStats();
    const done = fixture.waitForStatus(accountA, idle);
    await fixture.core.dispatch('sync.now', { accountId: accountA }, sender);
    await done;
    const stats = fixture.sandbox.admin.stats();
    const total = Object.entries(stats)
      .filter(([route]) => !route.startsWith('oauth2'))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(stats['cases.search']).toBe(1);
    expect(total).toBe(1);
    expect(replica?.batches).toBe(batchesBefore);
  });

  it('queues a comment while offline and delivers it exactly once when back online', async () => {
    const replica = fixture.replicas.get(accountA);
    const target = [...(replica?.cases.values() ?? [])].find((record) => record.state !== 'CLOSED');
    expect(target).toBeDefined();
    await fixture.sandbox.admin.setOffline(true);
    const offline = fixture.waitForStatus(accountA, (status) => status.connection === 'offline');
    const queued = await fixture.core.dispatch(
      'mutations.enqueue',
      { accountId: accountA, mutation: { kind: 'comment', caseRef: target?.name ?? '', body: 'Offline note: headers attached.' } },
      sender,
    );
    expect(queued).toMatchObject({ ok: true, value: { status: 'queued' } });
    await offline;

    const online = fixture.waitForStatus(accountA, idle);
    await fixture.sandbox.admin.setOffline(false);
    await fixture.core.dispatch('sync.now', { accountId: accountA }, sender);
    await online;
    const onServer = fixture.sandbox.admin
      .listAllComments(target?.name ?? '')
      .filter((comment) => comment.body === 'Offline note: headers attached.');
    expect(onServer).toHaveLength(1);
    expect([...(replica?.comments.values() ?? [])].some((comment) => comment.body === 'Offline note: headers attached.')).toBe(true);
  });

  it('refreshes an expired access token without the agent noticing', async () => {
    fixture.sandbox.admin.expireAccessTokens('agent1@reseller-a.example');
    fixture.sandbox.admin.resetStats();
    const done = fixture.waitForStatus(accountA, idle);
    await fixture.core.dispatch('sync.now', { accountId: accountA }, sender);
    await done;
    expect(fixture.sandbox.admin.stats()['oauth2.token']).toBeGreaterThanOrEqual(1);
  });

  it('a revoked grant asks only that account to sign in again and keeps its queue', async () => {
    const reauth = fixture.waitForStatus(accountB, (status) => status.connection === 'reauth');
    fixture.sandbox.admin.revokeGrantsFor('agent1@reseller-b.example');
    const replicaB = fixture.replicas.get(accountB);
    const target = [...(replicaB?.cases.values() ?? [])].find((record) => record.state !== 'CLOSED');
    await fixture.core.dispatch(
      'mutations.enqueue',
      { accountId: accountB, mutation: { kind: 'set_priority', caseRef: target?.name ?? '', priority: 'P2' } },
      sender,
    );
    await reauth;
    const list = (await fixture.core.dispatch('accounts.list', {}, sender)) as { value: { accounts: { id: string; status: string }[] } };
    expect(list.value.accounts.find((account) => account.id === accountB)?.status).toBe('reauth_required');
    expect(list.value.accounts.find((account) => account.id === accountA)?.status).toBe('active');
    const pending = (await fixture.core.dispatch('mutations.list', { accountId: accountB }, sender)) as { value: unknown[] };
    expect(pending).toMatchObject({ ok: true });
    expect(pending.value).toHaveLength(1);
  });
});
