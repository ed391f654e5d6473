import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../electron/core';
import type { AccountSyncOptions } from '../../../electron/services/sync/account-sync';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../electron/sandbox';
import type { Clock, HttpFetch, Vault } from '../../../electron/ports';
import type { UploadFs } from '../../../electron/services/files/upload-staging';
import type { ReplicaBatch, ReplicaCase, ReplicaComment, ReplicaCustomer } from '../../../shared/ipc';
import { readLogTail } from '../../../electron/services/logging/log-files';
import { loadPolicy, noPolicy } from '../../../electron/services/policy/policy-file';
import { createMemoryVault, createNodePorts } from '../../harness/node-ports';
import { createSandboxBrowser } from './sandbox-browser';

/** A replica stand-in for Node tests: applies batches to maps and acks them, like the renderer does with Dexie. */
export interface MemoryReplica {
  cursor: string | null;
  readonly cases: Map<string, ReplicaCase>;
  readonly comments: Map<string, ReplicaComment>;
  readonly customers: Map<string, ReplicaCustomer>;
  readonly categories: Map<string, string>;
  batches: number;
}

export interface CoreFixture {
  readonly core: Core;
  readonly sandbox: SandboxHandle;
  readonly browser: ReturnType<typeof createSandboxBrowser>;
  readonly replicas: Map<string, MemoryReplica>;
  readonly userData: string;
  /** Signs in a demo user through the sandbox's sign-in page; returns the account id. */
  signIn(email: string): Promise<string>;
  /** Opens the replica of an account (sends replica.hello with its cursor). */
  openReplica(accountId: string): Promise<MemoryReplica>;
  /** Resolves when the account's sync loop reports a finished sync matching the predicate. */
  waitForStatus(
    accountId: string,
    predicate: (status: { connection: string; syncing: boolean; pending: number; failed: number }) => boolean,
  ): Promise<void>;
  /** Every log line written so far (flushed first). */
  readLog(): Promise<string>;
  /** Stops the core and starts a new one on the same data (an app restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Comment names per case, so a complete thread replaces its comments without scanning all of them. */
const commentsByCase = new WeakMap<MemoryReplica, Map<string, Set<string>>>();

function threadIndex(replica: MemoryReplica): Map<string, Set<string>> {
  let index = commentsByCase.get(replica);
  if (!index) {
    index = new Map();
    for (const comment of replica.comments.values())
      index.set(comment.caseName, (index.get(comment.caseName) ?? new Set()).add(comment.name));
    commentsByCase.set(replica, index);
  }
  return index;
}

function dropCases(replica: MemoryReplica, names: Iterable<string>): void {
  const index = threadIndex(replica);
  for (const name of names) {
    replica.cases.delete(name);
    for (const comment of index.get(name) ?? []) replica.comments.delete(comment);
    index.delete(name);
  }
}

function applyBatch(replica: MemoryReplica, batch: ReplicaBatch): void {
  const index = threadIndex(replica);
  for (const record of batch.upserts.cases ?? []) replica.cases.set(record.name, record);
  for (const record of batch.upserts.customers ?? []) replica.customers.set(record.customerId, record);
  for (const change of batch.customerAccess ?? []) {
    const customer = replica.customers.get(change.customerId);
    if (customer) replica.customers.set(change.customerId, { ...customer, access: change.access, accessCheckedAt: change.checkedAt });
  }
  for (const record of batch.upserts.categories ?? []) replica.categories.set(record.id, record.displayName);
  for (const caseName of batch.completeThreads ?? []) {
    for (const name of index.get(caseName) ?? []) replica.comments.delete(name);
    index.delete(caseName);
  }
  for (const record of batch.upserts.comments ?? []) {
    replica.comments.set(record.name, record);
    index.set(record.caseName, (index.get(record.caseName) ?? new Set()).add(record.name));
  }
  dropCases(replica, batch.deletes.cases ?? []);
  const purged = new Set([...(batch.deletes.customers ?? []), ...(batch.deletes.casesOfCustomers ?? [])]);
  if (purged.size > 0)
    dropCases(
      replica,
      [...replica.cases.values()].filter((record) => purged.has(record.customerId)).map((r) => r.name),
    );
  for (const customerId of batch.deletes.customers ?? []) replica.customers.delete(customerId);
  replica.cursor = batch.cursor;
  replica.batches += 1;
}

export interface CoreFixtureOptions {
  readonly sandbox?: SandboxOptions;
  /** Use this running sandbox instead of starting one (it is not closed by the fixture). */
  readonly existingSandbox?: SandboxHandle;
  readonly sync?: Partial<AccountSyncOptions>;
  readonly httpTimeoutMs?: number;
  readonly userData?: string;
  readonly vault?: Vault;
  readonly clock?: Clock;
  /** Wraps the network port (e.g. to see which headers a request carried). */
  readonly wrapFetch?: (inner: HttpFetch) => HttpFetch;
  /** Leave the sync interval to the settings (the fixture otherwise fixes it at an hour). */
  readonly intervalFromSettings?: boolean;
  readonly uploadFs?: UploadFs;
  /** A machine policy file for this core. */
  readonly policyFile?: string;
  /** The replica refuses a batch when this returns a reason (it answers replica.nack, as the renderer does when IndexedDB fails). */
  readonly refuseBatch?: (batch: ReplicaBatch) => string | undefined;
}

/** Applies each replica batch to its memory replica and acks it, or nacks it when `refuse` gives a reason. */
function replicaListener(
  core: Core,
  replicas: Map<string, MemoryReplica>,
  refuse: CoreFixtureOptions['refuseBatch'],
): (event: string, payload: unknown) => void {
  const sender = { url: 'test', isMainFrame: true };
  return (event, payload) => {
    if (event !== 'replica.batch') return;
    const batch = payload as ReplicaBatch;
    const replica = replicas.get(batch.accountId);
    if (!replica) return;
    const refusal = refuse?.(batch);
    if (refusal !== undefined) {
      void core.dispatch('replica.nack', { accountId: batch.accountId, batchId: batch.batchId, reason: refusal }, sender);
      return;
    }
    applyBatch(replica, batch);
    void core.dispatch('replica.ack', { accountId: batch.accountId, batchId: batch.batchId }, sender);
  };
}

export async function createCoreFixture(options: CoreFixtureOptions = {}): Promise<CoreFixture> {
  const sandbox =
    options.existingSandbox ??
    (await startSandbox({
      seed: 'unit',
      cases: 400,
      supportSimulation: { enabled: false },
      ...options.sandbox,
    }));
  const userData = options.userData ?? mkdtempSync(path.join(os.tmpdir(), 'rsc-core-'));
  const browser = createSandboxBrowser();
  const vault = options.vault ?? createMemoryVault();
  const replicas = new Map<string, MemoryReplica>();
  let core: Core;
  let unsubscribe: () => void = () => {};

  async function start(): Promise<void> {
    const policy = options.policyFile ? loadPolicy(options.policyFile) : noPolicy;
    const ports = createNodePorts({
      policy,
      userData,
      host: { kind: 'harness', appName: 'test', appVersion: '0', platform: 'linux' },
      vault,
      browser,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.wrapFetch ? { wrapFetch: options.wrapFetch } : {}),
    });
    core = createCore(ports, {
      isTrustedSender: () => true,
      heartbeatMs: 0,
      policy,
      validateResponses: true,
      sandbox: {
        mode: 'external',
        baseUrl: sandbox.baseUrl,
        issuer: sandbox.issuer,
        clientId: sandbox.desktopClientId,
        customers: () => sandbox.admin.customers(),
      },
      sync: {
        maxBackoffMs: 200,
        afterChangeMs: 20,
        ...(options.intervalFromSettings ? {} : { intervalMs: 60 * 60_000 }),
        ...options.sync,
      },
      ...(options.httpTimeoutMs ? { httpTimeoutMs: options.httpTimeoutMs } : {}),
      ...(options.uploadFs ? { uploadFs: options.uploadFs } : {}),
    });
    unsubscribe = core.events.subscribe(replicaListener(core, replicas, options.refuseBatch));
    await core.start();
  }
  await start();

  const fixture: CoreFixture = {
    get core() {
      return core;
    },
    sandbox,
    browser,
    replicas,
    userData,
    async signIn(email) {
      browser.choose(email);
      const result = await core.dispatch('accounts.signIn', { backend: 'sandbox' }, { url: 'test', isMainFrame: true });
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.code} ${result.error.message}`);
      return (result.value as { id: string }).id;
    },
    async openReplica(accountId) {
      const replica = replicas.get(accountId) ?? {
        cursor: null,
        cases: new Map(),
        comments: new Map(),
        customers: new Map(),
        categories: new Map(),
        batches: 0,
      };
      replicas.set(accountId, replica);
      const result = await core.dispatch('replica.hello', { accountId, cursor: replica.cursor }, { url: 'test', isMainFrame: true });
      if (!result.ok) throw new Error(result.error.message);
      return replica;
    },
    waitForStatus(accountId, predicate) {
      return new Promise((resolve) => {
        const off = core.events.subscribe((event, payload) => {
          const status = payload as { accountId: string; connection: string; syncing: boolean; pending: number; failed: number };
          if (event === 'sync.status' && status.accountId === accountId && predicate(status)) {
            off();
            resolve();
          }
        });
      });
    },
    async readLog() {
      await core.flushLogs();
      return (await readLogTail(path.join(userData, 'logs'), Number.MAX_SAFE_INTEGER)).join('\n');
    },
    async restart() {
      unsubscribe();
      await core.stop();
      await start();
    },
    async close() {
      unsubscribe();
      await core.stop();
      if (!options.existingSandbox) await sandbox.close();
      // A write still landing as the folder goes (once: ENOTEMPTY in CI) is retried, as Node offers.
      if (!options.userData) rmSync(userData, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  return fixture;
}
