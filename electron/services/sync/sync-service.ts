import { AppError, type Account, type Mutation, type OutboxEntry, type ReplicaBatch, type SyncStatus } from '../../../shared/ipc';
import type { Clock, Logger } from '../../ports';
import type { SupportClient } from '../api/support-client';
import { AccountSync, type AccountSyncOptions } from './account-sync';
import { openOutbox, OutboxError, type Outbox } from './outbox/index';

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
  customersMaxAgeMs: 30 * 60_000,
  pull: {
    overlapMs: 2 * 60_000,
    pageSize: 100,
    eagerThreadDays: 30,
    threadConcurrency: 6,
    orderedByUpdateTime: false,
    fullReconcileEveryMs: 24 * 3_600_000,
  },
};

/** Owns one outbox and one sync loop per signed-in account. */
export function createSyncService(deps: SyncServiceDeps) {
  const running = new Map<string, Running>();
  const starting = new Map<string, Promise<Running>>();

  function toAppError(error: unknown): never {
    if (error instanceof OutboxError) {
      const code = error.code === 'not_found' ? 'not_found' : error.code === 'closed' ? 'unavailable' : 'failed_precondition';
      throw new AppError(code, error.message, false);
    }
    throw error;
  }

  async function start(account: Account): Promise<Running> {
    const outbox = await openOutbox({ dir: deps.dir, accountId: account.id, clock: deps.clock, logger: deps.logger });
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
    outbox.onChange(() => {
      // Done entries too, until the pull confirmed them: the renderer learns local id → server name from them.
      deps.publishOutbox(account.id, outbox.list());
      sync.outboxChanged();
    });
    const entry = { account, outbox, sync };
    running.set(account.id, entry);
    if (account.status === 'active') sync.trigger(0);
    return entry;
  }

  async function get(accountId: string): Promise<Running> {
    const found = running.get(accountId) ?? (await starting.get(accountId));
    if (!found) throw new AppError('not_found', 'That account is not signed in.', false);
    return found;
  }

  return {
    /** Starts, restarts (status changed) or stops loops so they match the account list. */
    async reconcileAccounts(accounts: readonly Account[]): Promise<void> {
      for (const [id, entry] of running) {
        const account = accounts.find((candidate) => candidate.id === id);
        if (!account) {
          running.delete(id);
          await entry.sync.stop();
          await entry.outbox.close();
        } else if (account.status !== entry.account.status) {
          running.set(id, { ...entry, account });
          // Signed in again: resume at once (the loop stopped itself when the grant failed).
          if (account.status === 'active') entry.sync.trigger(0);
        }
      }
      for (const account of accounts) if (!running.has(account.id)) await this.ensure(account);
    },
    async ensure(account: Account): Promise<void> {
      if (running.has(account.id) || starting.has(account.id)) return void (await starting.get(account.id));
      const pending = start(account).finally(() => starting.delete(account.id));
      starting.set(account.id, pending);
      await pending;
    },
    async enqueue(accountId: string, mutation: Mutation): Promise<OutboxEntry> {
      const { outbox, sync } = await get(accountId);
      const entry = await outbox.enqueue(mutation).catch(toAppError);
      sync.trigger(deps.options.afterChangeMs);
      return entry;
    },
    async list(accountId: string): Promise<OutboxEntry[]> {
      return (await get(accountId)).outbox.list();
    },
    async retry(accountId: string, id: string): Promise<OutboxEntry> {
      const { outbox, sync } = await get(accountId);
      const entry = await outbox.retry(id).catch(toAppError);
      sync.trigger(0);
      return entry;
    },
    async edit(accountId: string, id: string, mutation: Mutation): Promise<OutboxEntry> {
      const { outbox, sync } = await get(accountId);
      const entry = await outbox.edit(id, mutation).catch(toAppError);
      sync.trigger(deps.options.afterChangeMs);
      return entry;
    },
    async discard(accountId: string, id: string): Promise<OutboxEntry> {
      return (await get(accountId)).outbox.discard(id).catch(toAppError);
    },
    async hello(accountId: string, cursor: string | null): Promise<void> {
      (await get(accountId)).sync.hello(cursor);
    },
    async ack(accountId: string, batchId: string): Promise<void> {
      (await get(accountId)).sync.ack(batchId);
    },
    async syncNow(accountId?: string): Promise<void> {
      const targets = accountId ? [await get(accountId)] : [...running.values()];
      for (const target of targets) target.sync.trigger(0);
    },
    async fetchThread(accountId: string, caseName: string): Promise<void> {
      await (await get(accountId)).sync.fetchThread(caseName);
    },
    statuses(): SyncStatus[] {
      return [...running.values()].map((entry) => entry.sync.currentStatus());
    },
    /** Sign-out: stop the loop, delete the journal and staged files. Returns how many changes were discarded. */
    async wipe(accountId: string): Promise<number> {
      const entry = running.get(accountId);
      if (!entry) return 0;
      running.delete(accountId);
      const discarded = entry.outbox.counts().pending;
      await entry.sync.stop();
      await entry.outbox.wipe();
      return discarded;
    },
    stagingFor: async (accountId: string) => (await get(accountId)).outbox.staging,
    async stop(): Promise<void> {
      for (const entry of running.values()) {
        await entry.sync.stop();
        await entry.outbox.close();
      }
      running.clear();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
