import { AppError, type Account, type Mutation, type OutboxEntry, type ReplicaBatch, type SyncStatus } from '../../../shared/ipc';
import type { Clock, Logger } from '../../ports';
import type { SupportClient } from '../api/support-client';
import { AccountSync, type AccountSyncOptions } from './account-sync';
import { openOutbox, OutboxError, removeOutboxFiles, type Outbox } from './outbox/index';

export interface SyncServiceDeps {
  /** Where the outbox journals and staged uploads live (one folder per account). */
  readonly dir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random: () => number;
  readonly clientFor: (account: Account) => Promise<SupportClient>;
  /** The backend returns searches by ascending updateTime, so the pull watermark may move page by page. */
  readonly orderedByUpdateTime: (account: Account) => Promise<boolean>;
  readonly publishBatch: (batch: ReplicaBatch) => void;
  readonly publishStatus: (status: SyncStatus) => void;
  readonly publishOutbox: (accountId: string, entries: OutboxEntry[]) => void;
  readonly publishUploadProgress: (accountId: string, entryId: string, sentBytes: number, totalBytes: number) => void;
  readonly options: AccountSyncOptions;
}

interface Running {
  readonly account: Account;
  readonly outbox: Outbox;
  readonly sync: AccountSync;
}

export const defaultSyncOptions: AccountSyncOptions = {
  intervalMs: 5 * 60_000,
  afterChangeMs: 300,
  maxBackoffMs: 5 * 60_000,
  offlineProbeMs: 3_000,
  ackTimeoutMs: 120_000,
  // Google publishes no Cloud Support quota; 10 requests a second per agent is well inside
  // the per-user defaults of Google APIs and still syncs 200 quiet customers every few minutes.
  requestsPerMinute: 600,
  pull: {
    overlapMs: 2 * 60_000,
    pageSize: 100,
    eagerThreadDays: 30,
    threadConcurrency: 8,
    scopeConcurrency: 4,
    orderedByUpdateTime: false,
    fullReconcileEveryMs: 24 * 3_600_000,
    batchMaxCases: 500,
    discoveryEveryMs: 15 * 60_000,
    customerCheckEveryMs: 3_600_000,
    scopeMaxIntervalMs: 30 * 60_000,
    trickleCasesPerCycle: 20,
  },
};

/** Opens the account's outbox and builds its loop; on failure closes what it opened. */
async function openAccount(deps: SyncServiceDeps, account: Account): Promise<Running> {
  const outbox = await openOutbox({ dir: deps.dir, accountId: account.id, clock: deps.clock, logger: deps.logger });
  try {
    const sync = new AccountSync({
      account,
      client: await deps.clientFor(account),
      outbox,
      clock: deps.clock,
      logger: deps.logger,
      random: deps.random,
      publishBatch: deps.publishBatch,
      publishStatus: deps.publishStatus,
      publishUploadProgress: (entryId, sentBytes, totalBytes) => deps.publishUploadProgress(account.id, entryId, sentBytes, totalBytes),
      options: { ...deps.options, pull: { ...deps.options.pull, orderedByUpdateTime: await deps.orderedByUpdateTime(account) } },
    });
    return { account, outbox, sync };
  } catch (error) {
    await outbox.close(); // what this start opened, it closes: a retry can open it again
    throw error;
  }
}

/** Refused before anything is journaled: a change to another domain's case never enters this account's queue. */
function assertOwned(entry: Running, mutation: Mutation): void {
  if (entry.sync.owns(mutation) === false) {
    throw new OutboxError('foreign_case', 'That case does not belong to this reseller domain.', { kind: mutation.kind });
  }
}

/** The per-account calls of the handlers: each finds the running account first (typed error otherwise). */
function accountCalls(get: (accountId: string) => Promise<Running>, afterChangeMs: number) {
  return {
    async enqueue(accountId: string, mutation: Mutation): Promise<OutboxEntry> {
      const target = await get(accountId);
      assertOwned(target, mutation);
      const { outbox, sync } = target;
      const entry = await outbox.enqueue(mutation);
      sync.trigger(afterChangeMs);
      return entry;
    },
    async list(accountId: string): Promise<OutboxEntry[]> {
      return (await get(accountId)).outbox.list();
    },
    async retry(accountId: string, id: string): Promise<OutboxEntry> {
      const { outbox, sync } = await get(accountId);
      const entry = await outbox.retry(id);
      sync.trigger(0);
      return entry;
    },
    async edit(accountId: string, id: string, mutation: Mutation): Promise<OutboxEntry> {
      const target = await get(accountId);
      assertOwned(target, mutation);
      const { outbox, sync } = target;
      const entry = await outbox.edit(id, mutation);
      sync.trigger(afterChangeMs);
      return entry;
    },
    async discard(accountId: string, id: string): Promise<OutboxEntry> {
      return (await get(accountId)).outbox.discard(id);
    },
    async hello(accountId: string, cursor: string | null): Promise<void> {
      (await get(accountId)).sync.hello(cursor);
    },
    async ack(accountId: string, batchId: string): Promise<void> {
      (await get(accountId)).sync.ack(batchId);
    },
    async nack(accountId: string, batchId: string, reason: string): Promise<void> {
      (await get(accountId)).sync.nack(batchId, reason);
    },
    async fetchThread(accountId: string, caseName: string): Promise<void> {
      await (await get(accountId)).sync.fetchThread(caseName);
    },
    stagingFor: async (accountId: string) => (await get(accountId)).outbox.staging,
  };
}

/**
 * Owns one outbox and one sync loop per signed-in account. An account that fails to start
 * (damaged journal, backend that will not come up) holds nothing open: it is remembered as
 * failed, its status shows the error, "Sync now" retries it and sign-out still wipes it.
 */
export function createSyncService(deps: SyncServiceDeps) {
  const running = new Map<string, Running>();
  const starting = new Map<string, Promise<Running | undefined>>();
  const failed = new Map<string, { readonly account: Account; readonly status: SyncStatus }>();
  let intervalMs = deps.options.intervalMs;

  /** Never rejects: a failure is recorded (and published) as the account's status. */
  async function start(account: Account): Promise<Running | undefined> {
    let entry: Running;
    try {
      entry = await openAccount(deps, account);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.logger.error('sync: the account could not start', { accountId: account.id, error: message });
      const status: SyncStatus = { accountId: account.id, connection: 'error', syncing: false, pending: 0, failed: 0, lastError: message };
      failed.set(account.id, { account, status });
      deps.publishStatus(status);
      return undefined;
    }
    failed.delete(account.id);
    const { outbox, sync } = entry;
    outbox.onChange(() => {
      // Done entries too, until the pull confirmed them: the renderer learns local id → server name from them.
      deps.publishOutbox(account.id, outbox.list());
      sync.outboxChanged();
    });
    sync.setInterval(intervalMs);
    running.set(account.id, entry);
    if (account.status === 'active') sync.trigger(0);
    return entry;
  }

  function ensureStarted(account: Account): Promise<Running | undefined> {
    const found = running.get(account.id);
    if (found) return Promise.resolve(found);
    let pending = starting.get(account.id);
    if (!pending) {
      pending = start(account).finally(() => starting.delete(account.id));
      starting.set(account.id, pending);
    }
    return pending;
  }

  async function get(accountId: string): Promise<Running> {
    const found = running.get(accountId) ?? (await starting.get(accountId));
    if (found) return found;
    const failure = failed.get(accountId);
    if (failure) {
      throw new AppError('unavailable', `This account could not start: ${failure.status.lastError ?? ''}`.trim(), true);
    }
    throw new AppError('not_found', 'That account is not signed in.', false);
  }

  async function stopEntry(entry: Running): Promise<void> {
    await entry.sync.stop();
    await entry.outbox.close();
  }

  return {
    /** Starts, restarts (status changed) or stops loops so they match the account list. */
    async reconcileAccounts(accounts: readonly Account[]): Promise<void> {
      await Promise.all(starting.values());
      for (const id of failed.keys()) if (!accounts.some((candidate) => candidate.id === id)) failed.delete(id);
      for (const [id, entry] of running) {
        const account = accounts.find((candidate) => candidate.id === id);
        if (!account) {
          running.delete(id);
          await stopEntry(entry);
        } else if (account.status !== entry.account.status) {
          running.set(id, { ...entry, account });
          // Signed in again: resume at once (the loop stopped itself when the grant failed).
          if (account.status === 'active') entry.sync.trigger(0);
        }
      }
      // One account's failure never holds up another's start; a failed one is retried here (e.g. signed in again).
      await Promise.all(accounts.filter((account) => !running.has(account.id)).map(ensureStarted));
    },
    /** Starts the account's loop if it is not running (a failed start is only retried by syncNow or reconcile). */
    async ensure(account: Account): Promise<void> {
      if (!failed.has(account.id)) await ensureStarted(account);
    },
    ...accountCalls(get, deps.options.afterChangeMs),
    /** "Sync now" is also the retry of an account that failed to start. */
    async syncNow(accountId?: string): Promise<void> {
      const retries = [...failed.values()].filter((failure) => accountId === undefined || failure.account.id === accountId);
      await Promise.all(retries.map((failure) => ensureStarted(failure.account)));
      const targets = accountId ? [await get(accountId)] : [...running.values()];
      for (const target of targets) target.sync.sweep();
    },
    /** The sync-interval setting: every loop's cycle, now and for accounts that start later. */
    setInterval(ms: number): void {
      intervalMs = ms;
      for (const entry of running.values()) entry.sync.setInterval(ms);
    },
    statuses(): SyncStatus[] {
      return [...[...running.values()].map((entry) => entry.sync.currentStatus()), ...[...failed.values()].map((f) => f.status)];
    },
    /**
     * Sign-out: stop the loop, delete the journal and staged files — also of an account whose
     * start failed (its files are removed unread). Returns how many changes were discarded.
     */
    async wipe(accountId: string): Promise<number> {
      await starting.get(accountId);
      failed.delete(accountId);
      const entry = running.get(accountId);
      if (!entry) {
        await removeOutboxFiles(deps.dir, accountId);
        return 0;
      }
      running.delete(accountId);
      const discarded = entry.outbox.counts().pending;
      await entry.sync.stop();
      await entry.outbox.wipe();
      return discarded;
    },
    async stop(): Promise<void> {
      await Promise.all(starting.values()); // a start under way would otherwise open an outbox after the stop
      for (const entry of running.values()) await stopEntry(entry);
      running.clear();
      failed.clear();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
