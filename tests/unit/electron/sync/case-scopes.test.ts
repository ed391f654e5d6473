import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerInfo } from '../../../../electron/sandbox';
import { createHttpClient } from '../../../../electron/services/api/http';
import { sandboxEndpoints } from '../../../../electron/services/api/endpoints';
import { createSupportClient } from '../../../../electron/services/api/support-client';
import { CursorKeeper, emptyCursor } from '../../../../electron/services/sync/cursor';
import { Directory } from '../../../../electron/services/sync/directory';
import { pullAccount } from '../../../../electron/services/sync/pull';
import { defaultSyncOptions } from '../../../../electron/services/sync/sync-service';
import type { ReplicaBatch } from '../../../../shared/ipc';
import { createCoreFixture, type CoreFixture, type MemoryReplica } from '../../support/core-fixture';

// Case scopes the way Google works (every sandbox extension off): each customer's cases come
// from its own organization, and what the agent may do for a customer comes from Google's
// answers — the Reseller API, organizations:search, testIamPermissions and 403s.

const sender = { url: 'test', isMainFrame: true };
const AGENT = 'agent1@reseller-a.example';
const GROUP = 'group:support-team@reseller-a.example';
let fixture: CoreFixture;
let accountId: string;
let replica: MemoryReplica;

const idle = (status: { syncing: boolean; connection: string; pending: number }): boolean =>
  !status.syncing && status.connection === 'online' && status.pending === 0;

function customer(stem: string): CustomerInfo {
  const found = fixture.sandbox.admin.customers().find((c) => c.customerDomain === `${stem}.example`);
  if (!found) throw new Error(`no customer ${stem}`);
  return found;
}

async function sweep(): Promise<void> {
  const done = fixture.waitForStatus(accountId, idle);
  await fixture.core.dispatch('sync.now', { accountId }, sender);
  await done;
}

const casesOf = (customerId: string): string[] =>
  [...replica.cases.values()].filter((record) => record.customerId === customerId).map((record) => record.name);

beforeAll(async () => {
  fixture = await createCoreFixture({ sandbox: { seed: 'scopes', cases: 600 } });
  accountId = await fixture.signIn(AGENT);
  const done = fixture.waitForStatus(accountId, idle);
  replica = await fixture.openReplica(accountId);
  await done;
});
afterAll(async () => fixture?.close());

describe('case scopes', () => {
  it('gathers each customer’s cases from its own organization, projects included, and says what it cannot reach', () => {
    const access = (stem: string): string | undefined => replica.customers.get(customer(stem).customerId)?.access;
    expect(access('fabrikam-legal')).toBe('authorized');
    expect(access('contoso-retail')).toBe('not_authorized'); // reseller access off: the Reseller API refuses it
    expect(access('tailspin-travel')).toBe('no_api_access'); // its organization lets in another agent only
    expect(access('adatum-finance')).toBe('no_api_access'); // authorised, but no Cloud access granted
    expect(access('proseware-health')).toBe('read_only'); // Tech Support Viewer
    expect(replica.customers.get(customer('fourth-coffee').customerId)?.suspended).toBe(true);
    expect(replica.customers.has(customer('acme-logistics').customerId)).toBe(false); // transferred before we ever saw it

    const fabrikam = customer('fabrikam-legal');
    const projectCases = casesOf(fabrikam.customerId).filter((name) => name.startsWith('projects/'));
    expect(projectCases.length).toBeGreaterThan(0);
    expect(projectCases.every((name) => fabrikam.projects.some((project) => name.startsWith(`${project}/`)))).toBe(true);
    for (const stem of ['contoso-retail', 'tailspin-travel', 'adatum-finance']) expect(casesOf(customer(stem).customerId)).toEqual([]);
    expect(casesOf(customer('proseware-health').customerId).length).toBeGreaterThan(0);
  });

  it('a customer that grants access later appears after re-discovery, without a restart', async () => {
    const adatum = customer('adatum-finance');
    fixture.sandbox.admin.grantOrganizationAccess(adatum.customerId, GROUP);
    await sweep();
    expect(replica.customers.get(adatum.customerId)?.access).toBe('authorized');
    expect(replica.customers.get(adatum.customerId)?.orgName).toBe(adatum.organization);
    expect(casesOf(adatum.customerId).length).toBeGreaterThan(0);
  });

  it('a change refused for a read-only customer is recorded with Google’s reason, and the customer stays read-only', async () => {
    const proseware = customer('proseware-health');
    const target = [...replica.cases.values()].find((record) => record.customerId === proseware.customerId && record.state !== 'CLOSED');
    expect(target).toBeDefined();
    const refused = fixture.waitForStatus(accountId, (status) => !status.syncing && status.failed > 0);
    await fixture.core.dispatch(
      'mutations.enqueue',
      { accountId, mutation: { kind: 'comment', caseRef: target?.name ?? '', body: 'Read-only check.' } },
      sender,
    );
    await refused;
    const entries = (await fixture.core.dispatch('mutations.list', { accountId }, sender)) as {
      value: { id: string; status: string; lastError?: { code: string } }[];
    };
    const entry = entries.value.find((candidate) => candidate.status === 'failed');
    expect(entry?.lastError?.code).toBe('PERMISSION_DENIED');
    expect(replica.customers.get(proseware.customerId)?.access).toBe('read_only');
    await fixture.core.dispatch('mutations.discard', { accountId, id: entry?.id ?? '' }, sender);
  });

  it('a transferred customer stays listed as transferred and its cases are dropped', async () => {
    const alpine = customer('alpine-ski');
    expect(casesOf(alpine.customerId).length).toBeGreaterThan(0);
    fixture.sandbox.admin.transferCustomer(alpine.customerId);
    await sweep();
    expect(replica.customers.get(alpine.customerId)?.access).toBe('transferred');
    expect(casesOf(alpine.customerId)).toEqual([]);
  });
});

describe('a scope that answers 403', () => {
  it('sends its customer back to discovery in the same pull', async () => {
    const wingtip = customer('wingtip-toys');
    const token = fixture.sandbox.admin.mintTokens(AGENT).accessToken;
    const http = createHttpClient({
      fetch: (url, init) => fetch(url, init),
      tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => token },
    });
    const client = createSupportClient(http, sandboxEndpoints(fixture.sandbox.baseUrl, fixture.sandbox.issuer));
    const batches: Omit<ReplicaBatch, 'accountId' | 'batchId'>[] = [];
    const keeper = new CursorKeeper(emptyCursor(), async (batch) => void batches.push(batch));
    const directory = new Directory();
    const base = {
      client,
      now: () => Date.now(),
      keeper,
      directory,
      activity: new Map(),
      cycleMs: 60_000,
      resendCustomers: false,
      onProgress: () => undefined,
    };
    await pullAccount({ ...base, sweep: true }, defaultSyncOptions.pull);
    expect(directory.customer(wingtip.customerId)?.access).toBe('authorized');

    // Access withdrawn after discovery: the next (non-sweep) pull meets the 403 on the scope itself.
    fixture.sandbox.admin.revokeOrganizationAccess(wingtip.customerId);
    base.activity.clear();
    await pullAccount({ ...base, sweep: false }, defaultSyncOptions.pull);
    expect(directory.customer(wingtip.customerId)?.access).toBe('no_api_access');
    const lastCustomers = batches.flatMap((batch) => batch.upserts.customers ?? []).filter((c) => c.customerId === wingtip.customerId);
    expect(lastCustomers.at(-1)?.access).toBe('no_api_access');
    fixture.sandbox.admin.grantOrganizationAccess(wingtip.customerId, GROUP);
  });
});
