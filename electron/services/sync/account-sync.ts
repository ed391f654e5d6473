import { randomUUID } from 'node:crypto';
import type { Account, Mutation, ReplicaBatch, SyncStatus } from '../../../shared/ipc';
import { isLocalCaseRef } from '../../../shared/ipc/outbox';
import { AppError } from '../../../shared/ipc';
import type { Clock, Logger } from '../../ports';
import { ApiError } from '../api/api-error';
import type { SupportClient } from '../api/support-client';
import { backoffDelay } from './backoff';
import type { ScopeActivity } from './cadence';
import { CursorKeeper, parseCursor, type PullCursor } from './cursor';
import { Directory } from './directory';
import type { Outbox } from './outbox/index';
import { discover } from './discovery';
import { pullAccount, type PullOptions } from './pull';
import { pushEntry } from './push';
import { loadThread, threadsBody } from './threads';

export interface AccountSyncOptions {
  /** The sync cycle; the agent's sync-interval setting (SyncService.setInterval) replaces it at run time. */
  readonly intervalMs: number;
  /** Delay between a local change and the push it triggers (coalesces bursts of edits). */
  readonly afterChangeMs: number;
  readonly maxBackoffMs: number;
  /**
   * While the backend cannot be reached, retry at least this often: nothing is sent then,
   * so probing is cheap, and queued work starts within seconds of the network's return.
   */
  readonly offlineProbeMs: number;
  readonly ackTimeoutMs: number;
  /** Requests per minute this account may send, whatever the scheduler wants (Infinity: no budget). */
  readonly requestsPerMinute: number;
  readonly pull: PullOptions;
}

export interface AccountSyncDeps {
  readonly account: Account;
  readonly client: SupportClient;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random: () => number;
  readonly publishBatch: (batch: ReplicaBatch) => void;
  readonly publishStatus: (status: SyncStatus) => void;
  readonly publishUploadProgress?: (entryId: string, sentBytes: number, totalBytes: number) => void;
  readonly options: AccountSyncOptions;
}

/**
 * The sync loop of one account: push the outbox, then pull, on triggers and a
 * timer; back off on failures without ever holding up another account.
 */
export class AccountSync {
  private readonly directory = new Directory();
  /** Per scope: when it was last pulled and last showed signs of life (the cadence's input). */
  private readonly activity = new Map<string, ScopeActivity>();
  /** The replica is new or reloaded: it gets every customer again. */
  private resendCustomers = true;
  /** The next pull covers every scope and rediscovers (start, hello, "Sync now"). */
  private sweepNext = true;
  private intervalMs: number;
  /** undefined until the renderer's replica said hello: no pulls without a replica to fill. */
  private replicaCursor: PullCursor | undefined;
  private readonly acks = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  private running: Promise<void> | undefined;
  private rerun = false;
  private cancelTimer: (() => void) | undefined;
  private timerDueAt = 0;
  private failures = 0;
  private stopped = false;
  private status: SyncStatus;

  constructor(private readonly deps: AccountSyncDeps) {
    this.intervalMs = deps.options.intervalMs;
    const counts = deps.outbox.counts();
    this.status = {
      accountId: deps.account.id,
      connection: deps.account.status === 'active' ? 'online' : 'reauth',
      syncing: false,
      pending: counts.pending,
      failed: counts.failed,
    };
  }

  get accountId(): string {
    return this.deps.account.id;
  }

  currentStatus(): SyncStatus {
    return this.status;
  }

  /** Parent org of a customer, for filing cases; undefined until customers are loaded. */
  customerOrg(customerId: string): string | undefined {
    return this.directory.parentOf(customerId);
  }

  /**
   * Whether a change targets this account's own cases (a customer of its directory, a case under
   * one of their organizations). undefined until the directory is loaded (offline since start):
   * the server's own check then refuses a foreign case later.
   */
  owns(mutation: Mutation): boolean | undefined {
    if (this.directory.loadedAt === 0) return undefined;
    const ownsRef = (ref: string): boolean =>
      isLocalCaseRef(ref) ||
      (/^(organizations|projects)\/[^/]+\/cases\/[^/]+$/.test(ref) && this.directory.customerOfCase(ref) !== undefined);
    if (mutation.kind !== 'create_case') return ownsRef(mutation.caseRef);
    return this.directory.has(mutation.customerId) && (mutation.followUpOf === undefined || ownsRef(mutation.followUpOf));
  }

  hello(cursor: string | null): void {
    this.replicaCursor = parseCursor(cursor);
    // A new or reloaded replica gets the customer list again, and every scope.
    this.resendCustomers = true;
    this.sweepNext = true;
    this.trigger(0);
  }

  /** "Sync now": every scope and a fresh look at the customers, not only what the cadence says is due. */
  sweep(): void {
    this.sweepNext = true;
    this.trigger(0);
  }

  /** The agent changed the sync interval: the next cycle waits the new interval (counted from now). */
  setInterval(ms: number): void {
    if (ms === this.intervalMs) return;
    this.intervalMs = ms;
    if (this.cancelTimer && !this.running && this.failures === 0) this.trigger(ms, { replace: true });
  }

  get cycleMs(): number {
    return this.intervalMs;
  }

  ack(batchId: string): void {
    this.acks.get(batchId)?.resolve();
  }

  /** The replica could not commit the batch: that sync fails now (its cursor is not advanced) instead of at the ack timeout. */
  nack(batchId: string, reason: string): void {
    this.acks.get(batchId)?.reject(new AppError('unavailable', `The local replica could not store a batch: ${reason}`));
  }

  /** Runs a sync after `delayMs` (coalesced with any sync already scheduled or running). */
  trigger(delayMs = 0, options: { replace?: boolean } = {}): void {
    if (this.stopped) return;
    const dueAt = this.deps.clock.now() + delayMs;
    // An earlier request stands (a "Sync now" pressed while a sync ends is not pushed back to the interval).
    if (this.cancelTimer && this.timerDueAt <= dueAt && !options.replace) return;
    this.cancelTimer?.();
    this.timerDueAt = dueAt;
    this.cancelTimer = this.deps.clock.setTimer(delayMs, () => {
      this.cancelTimer = undefined;
      void this.run();
    });
  }

  /** Counts changed (enqueue, retry, discard): refresh the status bar at once. */
  outboxChanged(): void {
    const counts = this.deps.outbox.counts();
    this.setStatus({ pending: counts.pending, failed: counts.failed });
  }

  /** Fetches the whole thread of one case now (the agent opened an older case): ahead of the sync in the budget. */
  async fetchThread(caseName: string): Promise<void> {
    if (!this.replicaCursor) return;
    const thread = await loadThread(this.deps.client.at('interactive'), caseName);
    await this.deliver({ ...threadsBody([thread]), cursor: JSON.stringify(this.replicaCursor) });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    // A batch the replica will never acknowledge (window closed, app quitting) must not hold the stop.
    for (const pending of this.acks.values()) pending.reject(new AppError('cancelled', 'Sync stopped.'));
    await this.running?.catch(() => undefined);
  }

  run(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.syncOnce().finally(() => {
      this.running = undefined;
      if (this.rerun && !this.stopped) {
        this.rerun = false;
        void this.run();
      }
    });
    return this.running;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    const next: SyncStatus = { ...this.status, ...patch };
    for (const key of Object.keys(patch) as (keyof SyncStatus)[]) if (patch[key] === undefined) delete next[key];
    this.status = next;
    this.deps.publishStatus(next);
  }

  private deliver(batch: Omit<ReplicaBatch, 'accountId' | 'batchId'>): Promise<void> {
    if (this.stopped) return Promise.reject(new AppError('cancelled', 'Sync stopped.'));
    const batchId = randomUUID();
    return new Promise<void>((resolve, reject) => {
      const cancel = this.deps.clock.setTimer(this.deps.options.ackTimeoutMs, () => {
        this.acks.delete(batchId);
        reject(new AppError('unavailable', 'The local replica did not confirm a batch in time.'));
      });
      this.acks.set(batchId, {
        resolve: () => {
          cancel();
          this.acks.delete(batchId);
          resolve();
        },
        reject: (error) => {
          cancel();
          this.acks.delete(batchId);
          reject(error);
        },
      });
      this.deps.publishBatch({ ...batch, accountId: this.deps.account.id, batchId });
    });
  }

  private async pushAll(): Promise<void> {
    const context = {
      client: this.deps.client,
      outbox: this.deps.outbox,
      parentOfCustomer: (customerId: string) => this.customerOrg(customerId),
      agentEmail: this.deps.account.email,
      ...(this.deps.publishUploadProgress ? { onUploadProgress: this.deps.publishUploadProgress } : {}),
    };
    let pushed = 0;
    for (;;) {
      const inFlight = this.deps.outbox.inFlight();
      const batch = [...inFlight, ...this.deps.outbox.nextRunnable()];
      if (batch.length === 0) return;
      let progress = false;
      for (const entry of batch) {
        const current = this.deps.outbox.get(entry.id);
        if (!current || current.status === 'done' || current.status === 'failed') continue;
        await pushEntry(current, context);
        progress = true;
        this.notePush(current.mutation, this.deps.outbox.get(entry.id)?.lastError?.code);
        pushed += 1;
        const counts = this.deps.outbox.counts();
        this.setStatus({ progress: { done: pushed }, pending: counts.pending, failed: counts.failed });
      }
      if (!progress) return;
    }
  }

  /**
   * A change the agent made makes its scope due and active (pulled right after the push); a 403
   * sends its customer back to discovery, so the refusal shows on the customer at once.
   */
  private notePush(mutation: Mutation, failureCode: string | undefined): void {
    const customerId = mutation.kind === 'create_case' ? mutation.customerId : this.directory.customerOfCase(mutation.caseRef);
    // Due at once: the pull that follows brings the server's version of what was just sent.
    for (const scope of (customerId && this.directory.customer(customerId)?.scopes) || [])
      this.activity.set(scope, { pulledAt: undefined, activeAt: this.deps.clock.now() });
    if (customerId && failureCode?.startsWith('PERMISSION_DENIED')) this.directory.recheck.add(customerId);
  }

  private async syncOnce(): Promise<void> {
    if (this.stopped) return;
    this.setStatus({ syncing: true, progress: { done: 0 }, nextAttemptAt: undefined });
    try {
      // Customers (their case parents) must be known before a case can be filed for one.
      if (this.directory.loadedAt === 0 && this.deps.outbox.pending().some((entry) => entry.mutation.kind === 'create_case')) {
        const now = this.deps.clock.now();
        const found = await discover(this.deps.client, this.directory, this.replicaCursor?.customers ?? {}, {
          now,
          concurrency: this.deps.options.pull.threadConcurrency,
          detailMaxAgeMs: this.deps.options.pull.customerCheckEveryMs,
        });
        this.directory.replace(found.customers, now);
      }
      await this.pushAll();
      if (this.replicaCursor) await this.pullNow();
      // The pull brought the server's version of what was pushed: the overlay can let go.
      if (this.deps.outbox.counts().done > 0) await this.deps.outbox.forgetDone();
      this.failures = 0;
      const counts = this.deps.outbox.counts();
      this.setStatus({
        connection: 'online',
        syncing: false,
        progress: undefined,
        lastSyncedAt: new Date(this.deps.clock.now()).toISOString(),
        offlineSince: undefined,
        lastError: undefined,
        pending: counts.pending,
        failed: counts.failed,
      });
      this.trigger(counts.pending - counts.failed > 0 ? this.deps.options.afterChangeMs : this.intervalMs);
    } catch (error) {
      this.failures += 1;
      const counts = this.deps.outbox.counts();
      if (error instanceof AppError && error.code === 'unauthorized') {
        this.setStatus({
          connection: 'reauth',
          syncing: false,
          progress: undefined,
          lastError: error.message,
          pending: counts.pending,
          failed: counts.failed,
        });
        return; // resumes when the agent signs in again
      }
      const offline = error instanceof ApiError ? error.kind !== 'http' : error instanceof AppError && error.code === 'offline';
      const retryAfterMs = error instanceof ApiError ? error.retryAfterMs : undefined;
      const message = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn('sync: attempt failed', { accountId: this.accountId, failures: this.failures, error: message });
      const backoff = backoffDelay(this.failures, this.deps.random, {
        maxMs: this.deps.options.maxBackoffMs,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
      const delayMs = offline ? Math.min(backoff, this.deps.options.offlineProbeMs) : backoff;
      this.setStatus({
        connection: offline ? 'offline' : 'online',
        syncing: false,
        progress: undefined,
        ...(offline ? { offlineSince: this.status.offlineSince ?? new Date(this.deps.clock.now()).toISOString() } : {}),
        lastError: message,
        nextAttemptAt: new Date(this.deps.clock.now() + delayMs).toISOString(),
        pending: counts.pending,
        failed: counts.failed,
      });
      this.trigger(delayMs);
    }
  }

  private async pullNow(): Promise<void> {
    if (!this.replicaCursor) return;
    const keeper = new CursorKeeper(this.replicaCursor, async (batch) => {
      await this.deliver(batch);
      this.replicaCursor = parseCursor(batch.cursor);
    });
    const sweep = this.sweepNext;
    const resendCustomers = this.resendCustomers;
    this.sweepNext = false;
    try {
      await pullAccount(
        {
          client: this.deps.client,
          now: () => this.deps.clock.now(),
          keeper,
          directory: this.directory,
          activity: this.activity,
          cycleMs: this.intervalMs,
          sweep,
          resendCustomers,
          onProgress: ({ done, total, cases }) => this.setStatus({ progress: { done, total, cases } }),
        },
        this.deps.options.pull,
      );
      this.resendCustomers = false;
    } catch (error) {
      // A failed sweep is owed: the retry covers every scope again.
      this.sweepNext ||= sweep;
      throw error;
    }
  }
}
