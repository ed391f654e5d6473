import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LEGACY_EXTENSIONS_FOR_CLIENT, startSandbox, type SandboxHandle } from '../../../electron/sandbox';
import type { Mutation, ReplicaCase } from '../../../shared/ipc';
import { createCoreFixture } from '../support/core-fixture';
import { createFileVault } from '../support/file-vault';
import { seededRandom } from '../support/seeded-random';

// Chaos: ≥ 1,000 mutations over 3 accounts made offline, then synced against a
// sandbox injecting ≥ 20% faults while the process running the sync engine is
// killed with SIGKILL at random moments, ≥ 10 times. Afterwards nothing is lost,
// nothing is applied twice, and every replica equals the server.

const here = path.dirname(fileURLToPath(import.meta.url));
const sender = { url: 'test', isMainFrame: true };
const agents = ['agent1@reseller-a.example', 'agent1@reseller-b.example', 'agent1@reseller-c.example'];
const mutationsPerAccount = 340;
const kills = 12;

let sandbox: SandboxHandle;
const userData = mkdtempSync(path.join(os.tmpdir(), 'rsc-chaos-'));
afterAll(async () => {
  await sandbox?.close();
  rmSync(userData, { recursive: true, force: true });
});

function runChild(killAfterMs: number | undefined): Promise<{ drained: boolean; killed: boolean; lastLines: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'chaos', 'sync-child.ts')], {
      env: {
        ...process.env,
        CHAOS_USER_DATA: userData,
        CHAOS_BASE_URL: sandbox.baseUrl,
        CHAOS_ISSUER: sandbox.issuer,
        CHAOS_CLIENT_ID: sandbox.desktopClientId,
        CHAOS_ACCOUNTS: String(agents.length),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let drained = false;
    let sawWork = false;
    let lastLines = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (chunk.includes('"drained":true')) drained = true;
      lastLines = chunk.trim().split('\n').slice(-3).join(' | ');
      if (process.env.CHAOS_LOG) appendFileSync(process.env.CHAOS_LOG, chunk);
      // Start the kill clock once the engine is actually pushing: kills land mid-sync.
      if (!sawWork && chunk.includes('"pending"') && killAfterMs !== undefined) {
        sawWork = true;
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ drained, killed: signal === 'SIGKILL', lastLines });
    });
  });
}

describe('sync chaos', () => {
  it('loses nothing and applies nothing twice through faults and kill -9', { timeout: 240_000 }, async () => {
    sandbox = await startSandbox({
      seed: 'chaos',
      cases: 900,
      supportSimulation: { enabled: false },
      extensions: LEGACY_EXTENSIONS_FOR_CLIENT,
    });
    // Seeded so a failing run can be replayed.
    const random = seededRandom(20261122);
    const vault = createFileVault(path.join(userData, 'vault.json'));

    // 1. Sign in, take a first replica of each domain, then go offline and make changes.
    const setup = await createCoreFixture({ existingSandbox: sandbox, userData, vault });
    const accountIds: string[] = [];
    for (const email of agents) accountIds.push(await setup.signIn(email));
    for (const accountId of accountIds) {
      const synced = setup.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
      await setup.openReplica(accountId);
      await synced;
    }
    await sandbox.admin.setOffline(true);

    const expectedComments = new Map<string, string>(); // body → case
    const expectedCreates = new Map<string, string>(); // title → customer
    const expectedPriority = new Map<string, string>(); // case → last priority
    const expectedClosed = new Set<string>();
    let enqueued = 0;
    for (const accountId of accountIds) {
      const replica = setup.replicas.get(accountId);
      const customers = [...(replica?.customers.values() ?? [])].filter((customer) => customer.access === 'authorized');
      const open = [...(replica?.cases.values() ?? [])].filter(
        (record: ReplicaCase) => record.state !== 'CLOSED' && customers.some((c) => c.customerId === record.customerId),
      );
      // Cases to close get no other change: commenting on a closed case is refused by design.
      const toClose = new Set(open.slice(0, 5).map((record) => record.name));
      const busy = open.slice(5, 45);
      for (let index = 0; index < mutationsPerAccount; index += 1) {
        const roll = random();
        const target = busy[Math.floor(random() * busy.length)] as ReplicaCase;
        let mutation: Mutation;
        if (index < toClose.size) {
          const name = [...toClose][index] as string;
          mutation = { kind: 'close', caseRef: name };
          expectedClosed.add(name);
        } else if (roll < 0.6) {
          const body = `chaos ${accountId} #${index}: please check the headers (${Math.floor(random() * 1e9)})`;
          mutation = { kind: 'comment', caseRef: target.name, body };
          expectedComments.set(body, target.name);
        } else if (roll < 0.85) {
          const priority = (['P1', 'P2', 'P3', 'P4'] as const)[Math.floor(random() * 4)] ?? 'P3';
          mutation = { kind: 'set_priority', caseRef: target.name, priority };
          expectedPriority.set(target.name, priority);
        } else {
          const customer = customers[Math.floor(random() * customers.length)];
          const title = `Chaos case ${accountId.slice(-6)}-${index}`;
          mutation = {
            kind: 'create_case',
            localId: `local:${crypto.randomUUID()}`,
            customerId: customer?.customerId ?? '',
            displayName: title,
            description: `Created offline during the chaos run (${index}).`,
            classificationId: [...(replica?.categories.keys() ?? [])][0] ?? '',
            priority: 'P3',
            languageCode: 'en',
            timeZone: 'Asia/Taipei',
            subscriberEmails: [],
          };
          expectedCreates.set(title, customer?.customerId ?? '');
        }
        const result = await setup.core.dispatch('mutations.enqueue', { accountId, mutation }, sender);
        expect(result.ok, JSON.stringify(result)).toBe(true);
        enqueued += 1;
      }
    }
    expect(enqueued).toBeGreaterThanOrEqual(1000);
    const cursors = new Map(accountIds.map((id) => [id, setup.replicas.get(id)?.cursor ?? null]));
    await setup.close();

    // 2. Back online with ≥ 20% faults on the API, and kill the engine at random moments.
    await sandbox.admin.setOffline(false);
    // 22% of API requests fail (429 5%, 500 3%, 503 5%, reset 4%, dropped response 5%); latency keeps the engine busy long enough to be killed mid-push.
    await sandbox.admin.setFaults({
      latencyMs: 15,
      errorRates: { 429: 0.05, 500: 0.03, 503: 0.05 },
      resetRate: 0.04,
      dropResponseRate: 0.05,
      retryAfterSeconds: 0,
      pathPrefixes: ['/v2', '/upload'],
    });
    let killed = 0;
    for (let round = 0; round < kills; round += 1) {
      const outcome = await runChild(80 + Math.floor(random() * 320));
      if (outcome.killed) killed += 1;
      if (outcome.drained) break;
    }
    expect(killed).toBeGreaterThanOrEqual(10);
    // 3. Let it finish, faults still on.
    let finished = false;
    let lastLines = '';
    for (let attempt = 0; attempt < 5 && !finished; attempt += 1) ({ drained: finished, lastLines } = await runChild(undefined));
    expect(finished, `the engine never drained its outbox: ${lastLines}`).toBe(true);
    await sandbox.admin.clearFaults();

    // 4. Exactly once, as the sandbox recorded it.
    for (const [body, caseName] of expectedComments) {
      const matching = sandbox.admin.listAllComments(caseName).filter((comment) => comment.body === body);
      expect(matching.length, body).toBe(1);
    }
    for (const [caseName, priority] of expectedPriority) expect(sandbox.admin.getCase(caseName)?.priority, caseName).toBe(priority);
    for (const caseName of expectedClosed) expect(sandbox.admin.getCase(caseName)?.state, caseName).toBe('CLOSED');

    // 5. Every replica catches up and equals the server.
    const final = await createCoreFixture({ existingSandbox: sandbox, userData, vault });
    for (const accountId of accountIds) {
      const before = setup.replicas.get(accountId);
      const replica = {
        cursor: cursors.get(accountId) ?? null,
        cases: new Map(before?.cases),
        comments: new Map(before?.comments),
        customers: new Map(before?.customers),
        categories: new Map(before?.categories),
        batches: 0,
      };
      final.replicas.set(accountId, replica);
      const synced = final.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online' && status.pending === 0);
      await final.openReplica(accountId);
      await synced;
      const pendingList = (await final.core.dispatch('mutations.list', { accountId }, sender)) as {
        ok: true;
        value: { mutation: { kind: string }; lastError?: unknown }[];
      };
      expect(pendingList.value.map((entry) => [entry.mutation.kind, entry.lastError])).toEqual([]);
      for (const record of replica.cases.values()) {
        const server = sandbox.admin.getCase(record.name);
        expect(server, record.name).toBeDefined();
        expect({ priority: record.priority, state: record.state, title: record.displayName }).toEqual({
          priority: server?.priority,
          state: server?.state,
          title: server?.displayName,
        });
      }
      const titles = [...replica.cases.values()].map((record) => record.displayName);
      for (const [title] of expectedCreates)
        if (title.includes(accountId.slice(-6)))
          expect(
            titles.filter((candidate) => candidate === title),
            title,
          ).toHaveLength(1);
    }
    await final.close();
  });
});
