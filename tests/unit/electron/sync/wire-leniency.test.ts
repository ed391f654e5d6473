import { afterEach, describe, expect, it } from 'vitest';
import type { HttpFetch } from '../../../../electron/ports';
import { toReplicaCase } from '../../../../electron/services/sync/mapping';
import { CaseSchema, SearchCasesResponseSchema } from '../../../../shared/api';
import { REPLICA_LIMITS, replicaCaseSchema } from '../../../../shared/ipc';
import { createCoreFixture, type CoreFixture } from '../../support/core-fixture';

// Google adds fields and enum values without a new API version, and nothing stops a
// server from sending a field larger than the replica keeps. Neither may fail a page: a
// failed page is retried forever and stalls the account's sync.

let fixture: CoreFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** Answers `cases:search` as a newer (or odder) server would, by rewriting the first case of each page. */
function rewritingSearch(rewrite: (wire: Record<string, unknown>) => Record<string, unknown>): (inner: HttpFetch) => HttpFetch {
  return (inner) => async (input, init) => {
    const response = await inner(input, init);
    if (!new URL(input).pathname.endsWith('/cases:search') || !response.ok) return response;
    const body = (await response.json()) as { cases?: Record<string, unknown>[] };
    if (body.cases?.[0]) body.cases[0] = rewrite(body.cases[0]);
    return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
  };
}

async function syncOnce(wrapFetch: (inner: HttpFetch) => HttpFetch) {
  fixture = await createCoreFixture({ sandbox: { seed: 'lenient', cases: 200 }, wrapFetch });
  const accountId = await fixture.signIn('agent1@reseller-a.example');
  const done = fixture.waitForStatus(accountId, (status) => !status.syncing);
  const replica = await fixture.openReplica(accountId);
  await done;
  return { replica, status: fixture.core.sync.statuses().find((status) => status.accountId === accountId) };
}

describe('lenient with what Google may add', () => {
  it('a case with an unknown state, priority and field syncs, keeping what Google sent', async () => {
    const rewritten: string[] = [];
    const { replica, status } = await syncOnce(
      rewritingSearch((wire) => {
        rewritten.push(String(wire['name']));
        const creator = (wire['creator'] ?? {}) as Record<string, unknown>;
        return {
          ...wire,
          state: 'WAITING_ON_PARTNER',
          priority: 'P5',
          newField: { nested: true },
          creator: { displayName: creator['displayName'], username: 'someone@reseller-a.example' },
        };
      }),
    );
    expect(status?.lastError).toBeUndefined();
    expect(rewritten.length).toBeGreaterThan(0);
    const record = replica.cases.get(rewritten[0] ?? '');
    expect(record).toMatchObject({
      state: 'STATE_UNSPECIFIED',
      otherState: 'WAITING_ON_PARTNER',
      priority: 'P4',
      otherPriority: 'P5',
      creatorEmail: 'someone@reseller-a.example',
    });
  });

  it('a field of the wrong shape reads as absent; an item without a name is skipped, not the page', () => {
    const parsed = CaseSchema.safeParse({ name: 'organizations/1/cases/2', escalated: 'yes', updateTime: 'not a time', state: 'NEW' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ name: 'organizations/1/cases/2', state: 'NEW' });
    const page = SearchCasesResponseSchema.parse({
      cases: [{ name: 'organizations/1/cases/3' }, { title: 'no name' }, 7],
      nextPageToken: 'n',
    });
    expect(page).toEqual({ cases: [{ name: 'organizations/1/cases/3' }], nextPageToken: 'n' });
  });
});

describe('trimmed to the replica’s limits', () => {
  const base = { name: 'organizations/1/cases/42', updateTime: '2026-11-30T10:00:00Z', createTime: '2026-11-30T09:00:00Z' };

  it('keeps a record at exactly the limits as it is', () => {
    const wire = CaseSchema.parse({
      ...base,
      displayName: 't'.repeat(REPLICA_LIMITS.title),
      description: 'd'.repeat(REPLICA_LIMITS.text),
      subscriberEmailAddresses: Array.from({ length: REPLICA_LIMITS.subscribers }, (_, i) => `s${i}@example.com`),
    });
    const record = replicaCaseSchema.parse(toReplicaCase(wire, 'C1'));
    expect(record.displayName).toHaveLength(REPLICA_LIMITS.title);
    expect(record.description).toHaveLength(REPLICA_LIMITS.text);
    expect(record.subscriberEmails).toHaveLength(REPLICA_LIMITS.subscribers);
  });

  it('cuts an over-size record to the limits (never inside a surrogate pair) instead of refusing it', () => {
    const wire = CaseSchema.parse({
      ...base,
      displayName: `${'t'.repeat(REPLICA_LIMITS.title - 1)}😀 and more`,
      description: 'd'.repeat(REPLICA_LIMITS.text + 5_000),
      subscriberEmailAddresses: Array.from({ length: REPLICA_LIMITS.subscribers + 100 }, (_, i) => `s${i}@example.com`),
      languageCode: 'x'.repeat(100),
      classification: { id: 'c'.repeat(2_000), displayName: 'Gmail' },
    });
    const record = replicaCaseSchema.parse(toReplicaCase(wire, 'C1'));
    expect(record.displayName).toHaveLength(REPLICA_LIMITS.title - 1);
    expect(record.description).toHaveLength(REPLICA_LIMITS.text);
    expect(record.subscriberEmails).toHaveLength(REPLICA_LIMITS.subscribers);
    expect(record.languageCode).toHaveLength(REPLICA_LIMITS.languageCode);
  });

  it('an over-size record from the server syncs trimmed instead of stalling the account', async () => {
    let big = '';
    const { replica, status } = await syncOnce(
      rewritingSearch((wire) => {
        big = String(wire['name']);
        return {
          ...wire,
          description: 'x'.repeat(REPLICA_LIMITS.text + 1),
          subscriberEmailAddresses: Array.from({ length: 600 }, (_, i) => `watcher${i}@example.com`),
        };
      }),
    );
    expect(status?.lastError).toBeUndefined();
    expect(status?.connection).toBe('online');
    expect(replica.cases.get(big)?.description).toHaveLength(REPLICA_LIMITS.text);
    expect(replica.cases.get(big)?.subscriberEmails).toHaveLength(REPLICA_LIMITS.subscribers);
  });
});
