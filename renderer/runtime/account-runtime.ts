import type { Account, OutboxEntry, ReplicaBatch } from '../../shared/ipc';
import {
  applyBatch,
  createCaseFacts,
  createProjection,
  getCursor,
  headCases,
  headSnapshotRows,
  hydrateProjection,
  projectBatch,
  recordDoneChanges,
  ReplicaDb,
  saveHeadSnapshot,
  type CaseFactsStore,
  type Projection,
} from '../data';
import type { BridgeClient } from '../platform';
import { followFiledCases } from './filed-cases';
import { noticeGoogleReplies } from './notifications';

type Listener = () => void;

/**
 * Everything the renderer keeps for one signed-in account: its Dexie replica,
 * the in-memory projection used for instant filtering, and its pending outbox
 * entries. Batches from main are applied one at a time, with their cursor, then acked.
 */
export class AccountRuntime {
  readonly db: ReplicaDb;
  readonly projection: Projection = createProjection();
  /** Time zones, thread times and history per case, for the SLA clocks and the dashboard. */
  readonly facts: CaseFactsStore = createCaseFacts();
  private entries: OutboxEntry[] = [];
  private hydrated = false;
  /** True while an empty replica takes its first full sync: old replies are history, not news. */
  private baselining = false;
  /** Batches applied since hello: a sync that ran before the replica said hello pulled nothing. */
  private appliedSinceHello = 0;
  private revision = 0;
  private readonly listeners = new Set<Listener>();
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly abort = new AbortController();

  constructor(
    public account: Account,
    private readonly client: BridgeClient,
  ) {
    this.db = new ReplicaDb(account.id);
  }

  /** Subscribes to main's events for this account, then says hello with the replica's cursor. */
  async start(): Promise<void> {
    this.unsubscribe.push(
      this.client.on('replica.batch', (batch) => {
        if (batch.accountId !== this.account.id) return;
        this.queue = this.queue.then(() => this.apply(batch)).catch((error: unknown) => this.refuse(batch, error));
      }),
      this.client.on('sync.status', (status) => {
        if (status.accountId === this.account.id && !status.syncing && status.lastSyncedAt && this.appliedSinceHello > 0)
          this.baselining = false;
      }),
      this.client.on('outbox.changed', ({ accountId, entries }) => {
        if (accountId !== this.account.id) return;
        this.entries = entries;
        followFiledCases(accountId, entries);
        // Before the pull that follows is applied (same queue): history keeps what was changed here.
        this.queue = this.queue
          .then(() => recordDoneChanges(this.db, entries, this.account.email).then(() => undefined))
          .catch(() => undefined);
        this.changed();
      }),
    );
    const [cursor, entries] = await Promise.all([getCursor(this.db), this.client.invoke('mutations.list', { accountId: this.account.id })]);
    this.entries = entries;
    this.baselining = cursor === undefined;
    this.changed();
    await this.client.invoke('replica.hello', { accountId: this.account.id, cursor: cursor ?? null });
    // Hydrate the projection after the first paint: the first screen reads a head query instead.
    void hydrateProjection(this.db, this.projection, { signal: this.abort.signal, facts: this.facts }).then(
      () => {
        this.hydrated = true;
        this.changed();
      },
      () => undefined,
    );
  }

  private async apply(batch: ReplicaBatch): Promise<void> {
    const result = await applyBatch(this.db, batch);
    this.appliedSinceHello += 1;
    projectBatch(this.projection, batch, result, this.facts);
    await this.client.invoke('replica.ack', { accountId: this.account.id, batchId: batch.batchId });
    if (result.wrote) {
      this.scheduleHeadSnapshot();
      // A reply moves its case's updateTime, so the case travels in the same batch.
      noticeGoogleReplies(this.account, batch, (name) => batch.upserts.cases?.find((record) => record.name === name)?.displayName, {
        baseline: this.baselining,
      });
      this.changed();
    }
  }

  /**
   * The batch did not commit (IndexedDB refused it: quota, a closed database…): main is told
   * at once, so it fails that sync with the reason and retries with backoff, instead of
   * waiting two minutes for an ack that never comes. Nothing was projected.
   */
  private async refuse(batch: ReplicaBatch, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
    await this.client.invoke('replica.nack', { accountId: this.account.id, batchId: batch.batchId, reason }).catch(() => undefined);
  }

  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;

  /** Refreshes the first-screen snapshot once a burst of batches has settled. */
  private scheduleHeadSnapshot(): void {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      void headCases(this.db, headSnapshotRows).then(
        (rows) => saveHeadSnapshot(this.account.id, rows),
        () => undefined,
      );
    }, 1_000);
  }

  get isHydrated(): boolean {
    return this.hydrated;
  }

  /** Every outbox entry main still holds, done ones included until the replica has their effect (for overlays). */
  get outbox(): readonly OutboxEntry[] {
    return this.entries;
  }

  /** Changes not confirmed by the server yet. */
  get pendingEntries(): readonly OutboxEntry[] {
    return this.entries.filter((entry) => entry.status !== 'done');
  }

  /** Changes whenever the replica, the projection or the outbox changed (for useSyncExternalStore). */
  get version(): number {
    return this.revision;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }

  /** True once disposed: its events are unsubscribed and its database closed. */
  get disposed(): boolean {
    return this.abort.signal.aborted;
  }

  dispose(): void {
    clearTimeout(this.snapshotTimer);
    this.abort.abort();
    for (const off of this.unsubscribe) off();
    this.db.close();
  }
}
