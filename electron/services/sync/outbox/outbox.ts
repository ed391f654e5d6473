import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Mutation, OutboxEntry, OutboxStatus } from '../../../../shared/ipc/outbox';
import { accountIdSchema } from '../../../../shared/ipc/replica';
import type { Clock, Logger } from '../../../ports';
import { createSerialQueue } from '../../../fs/serial-queue';
import { OutboxError } from './errors';
import { type Journal, openJournal } from './journal';
import { changeOperations, statusOperations, type OutboxContext } from './operations';
import { selectRunnable } from './ordering';
import { applyRecord, emptyState, snapshotRecord, type JournalRecord, type OutboxState } from './records';
import { createStaging, type Staging } from './staging';

// The durable outbox of one account. Every change is journaled and fsync'd before the call
// resolves and before the in-memory state (what list()/nextRunnable() show) changes, so what
// the renderer was told is exactly what survives a crash.

export const journalFileName = 'outbox.journal';
export const stagedDirName = 'staged';

export { OutboxError, type OutboxErrorCode } from './errors';

export interface OutboxOptions {
  /** Parent directory; the account's files live in `<dir>/<accountId>/`. */
  readonly dir: string;
  readonly accountId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly compactAfterBytes?: number;
}

export type OutboxCounts = Readonly<Record<OutboxStatus, number>> & { readonly pending: number };

export type OutboxChange =
  | { readonly type: 'enqueued' | 'updated' | 'edited' | 'discarded'; readonly ids: readonly string[] }
  | { readonly type: 'remapped'; readonly localId: string; readonly serverName: string }
  | { readonly type: 'wiped' };

export interface FailureInfo {
  readonly code: string;
  readonly message: string;
}

export interface Outbox {
  readonly accountId: string;
  readonly staging: Staging;
  /** Resolves once the entry is fsync'd: only then may the renderer show "queued". */
  enqueue(mutation: Mutation): Promise<OutboxEntry>;
  get(id: string): OutboxEntry | undefined;
  /** Every entry, done ones included, in seq order. */
  list(): OutboxEntry[];
  /** Entries not done yet (queued, in flight, failed), in seq order. */
  pending(): OutboxEntry[];
  /** Entries whose request may have reached the server: reconcile by reading before re-sending. */
  inFlight(): OutboxEntry[];
  nextRunnable(): OutboxEntry[];
  counts(): OutboxCounts;
  /** Journaled BEFORE the request goes out. Also valid from in_flight, to re-send after a reconcile found no effect. */
  markInFlight(id: string): Promise<OutboxEntry>;
  /** A create_case done with its server name also remaps every later entry of that local case, in the same record. */
  markDone(id: string, resultName?: string): Promise<OutboxEntry>;
  /**
   * permanent: the entry stops (failed) until the agent retries, edits or discards it.
   * Transient: back to queued for a later attempt — only call this when the effect is known
   * absent (a definite error, or a reconcile that found nothing); an ambiguous outcome stays in_flight.
   */
  markFailed(id: string, error: FailureInfo, options: { readonly permanent: boolean }): Promise<OutboxEntry>;
  /** failed → queued. */
  retry(id: string): Promise<OutboxEntry>;
  /** Only while queued or failed; same kind and same case. */
  edit(id: string, mutation: Mutation): Promise<OutboxEntry>;
  /**
   * Removes an entry that is not in flight and returns it, so the UI can offer "copy text" or
   * "create follow-up". Refused for a create_case that later entries still depend on.
   * A discarded upload's staged bytes stay until the next open's orphan sweep.
   */
  discard(id: string): Promise<OutboxEntry>;
  remapLocalCase(localId: string, serverName: string): Promise<void>;
  /** Drops done entries (all, or the given ids) once the replica shows their effect. Returns how many. */
  forgetDone(ids?: readonly string[]): Promise<number>;
  onChange(listener: (change: OutboxChange) => void): () => void;
  /** Sign-out: deletes the journal and the staged files; the outbox is closed afterwards. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

// Two writers on one journal would interleave records; one open outbox per account directory per process.
// (Across processes the app relies on Electron's single-instance lock.)
const openDirs = new Set<string>();

export async function openOutbox(options: OutboxOptions): Promise<Outbox> {
  const accountId = accountIdSchema.parse(options.accountId); // also keeps the id from escaping `dir`
  const accountDir = path.resolve(options.dir, accountId);
  if (openDirs.has(accountDir)) throw new OutboxError('invalid_state', `the outbox of ${accountId} is already open`);
  openDirs.add(accountDir);
  try {
    return await openAccountOutbox(options, accountId, accountDir);
  } catch (error) {
    openDirs.delete(accountDir);
    throw error;
  }
}

/** Sign-out of an account whose outbox could not be opened: delete its files unread. */
export async function removeOutboxFiles(dir: string, accountId: string): Promise<void> {
  const accountDir = path.resolve(dir, accountIdSchema.parse(accountId));
  if (openDirs.has(accountDir)) throw new OutboxError('invalid_state', `the outbox of ${accountId} is open`);
  await rm(accountDir, { recursive: true, force: true });
}

/** Replays the journal and sweeps staged bytes no entry references any more. */
async function loadAccountOutbox(options: OutboxOptions, accountId: string, accountDir: string) {
  const { logger } = options;
  const { journal, records } = await openJournal({
    file: path.join(accountDir, journalFileName),
    logger,
    ...(options.compactAfterBytes === undefined ? {} : { compactAfterBytes: options.compactAfterBytes }),
  });
  const state: OutboxState = emptyState();
  let ignored = 0;
  for (const record of records) if (!applyRecord(state, record)) ignored += 1;
  if (ignored > 0) logger.warn('outbox: journal records for unknown entries ignored', { accountId, count: ignored });

  const staging = createStaging({ dir: path.join(accountDir, stagedDirName), logger });
  const entries = [...state.entries.values()];
  // Bytes staged before a crash whose entry never got queued (or whose upload is done) are garbage now.
  await staging.orphanSweep(
    entries.flatMap((e) => (e.mutation.kind === 'upload_attachment' && e.status !== 'done' ? [e.mutation.stagedFileId] : [])),
  );
  const inFlightAtStart = entries.filter((e) => e.status === 'in_flight').length;
  if (inFlightAtStart > 0) {
    logger.info('outbox: entries were in flight at the last shutdown; they need reconciling', { accountId, count: inFlightAtStart });
  }
  return { journal, state, staging };
}

async function openAccountOutbox(options: OutboxOptions, accountId: string, accountDir: string): Promise<Outbox> {
  const { logger } = options;
  const { journal, state, staging } = await loadAccountOutbox(options, accountId, accountDir);
  let live: Journal | undefined = journal;
  const listeners = new Set<(change: OutboxChange) => void>();
  const values = (): OutboxEntry[] => [...state.entries.values()];

  const emit = (change: OutboxChange): void => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        logger.error('outbox: change listener threw', { accountId, error: String(error) });
      }
    }
  };

  const queue = createSerialQueue(() => {
    if (!live) throw new OutboxError('closed', 'the outbox is closed');
  });
  const context: OutboxContext = {
    accountId,
    state,
    staging,
    clock: options.clock,
    serial: (operation) => queue(() => operation(live as Journal)),
    async commit(target: Journal, records: readonly JournalRecord[], change: OutboxChange) {
      if (records.length === 0) return;
      await target.append(records);
      for (const record of records) applyRecord(state, record);
      if (target.needsCompaction()) {
        // The records are already durable; a failed compaction only costs disk space.
        await target.compact(snapshotRecord(state)).catch((error: unknown) => {
          logger.warn('outbox: compaction failed', { accountId, error: String(error) });
        });
      }
      emit(change);
    },
  };

  return {
    accountId,
    staging,
    ...changeOperations(context),
    ...statusOperations(context),
    get: (id) => state.entries.get(id),
    list: values,
    pending: () => values().filter((e) => e.status !== 'done'),
    inFlight: () => values().filter((e) => e.status === 'in_flight'),
    nextRunnable: () => selectRunnable(state.entries.values()),
    counts: () => {
      const counts = { queued: 0, in_flight: 0, failed: 0, done: 0 };
      for (const entry of state.entries.values()) counts[entry.status] += 1;
      return { ...counts, pending: counts.queued + counts.in_flight + counts.failed };
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wipe: () =>
      context.serial(async (target) => {
        live = undefined;
        await target.close();
        await rm(accountDir, { recursive: true, force: true });
        openDirs.delete(accountDir);
        state.entries.clear();
        state.remaps.clear();
        emit({ type: 'wiped' });
      }),
    close: () =>
      queue(async () => {
        const target = live;
        live = undefined;
        await target?.close();
        openDirs.delete(accountDir);
      }).catch(() => {}), // closing twice (or after wipe) is fine
  };
}
