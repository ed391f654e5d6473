import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { isLocalCaseRef, mutationSchema, type Mutation, type OutboxEntry, type OutboxStatus } from '../../../../shared/ipc/outbox';
import { accountIdSchema } from '../../../../shared/ipc/replica';
import type { Clock, Logger } from '../../../ports';
import { type Journal, openJournal } from './journal';
import { selectRunnable } from './ordering';
import { createSerialQueue } from '../../../fs/serial-queue';
import {
  applyRecord,
  caseKeyOf,
  emptyState,
  resolveRefs,
  snapshotRecord,
  type JournalRecord,
  type OutboxState,
  type StatusRecord,
} from './records';
import { createStaging, type Staging } from './staging';

// The durable outbox of one account. Every change is journaled and fsync'd before the call
// resolves and before the in-memory state (what list()/nextRunnable() show) changes, so what
// the renderer was told is exactly what survives a crash.

export const journalFileName = 'outbox.journal';
export const stagedDirName = 'staged';

export type OutboxErrorCode =
  | 'closed'
  | 'not_found'
  | 'invalid_state'
  | 'invalid_mutation'
  | 'unknown_local_case'
  | 'staged_file_missing'
  | 'has_dependents'
  /** The case belongs to another reseller domain than this account's (refused before journaling). */
  | 'foreign_case';

export class OutboxError extends Error {
  override readonly name = 'OutboxError';
  constructor(
    readonly code: OutboxErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

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

function describe(entry: OutboxEntry): Record<string, unknown> {
  return { id: entry.id, seq: entry.seq, kind: entry.mutation.kind, status: entry.status };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

function statusRecord(
  entry: OutboxEntry,
  status: OutboxStatus,
  changes: Partial<Pick<OutboxEntry, 'attempts' | 'lastError' | 'resultName'>>,
): StatusRecord {
  const record: StatusRecord = { t: 'status', id: entry.id, status, attempts: changes.attempts ?? entry.attempts };
  const lastError = 'lastError' in changes ? changes.lastError : entry.lastError;
  const resultName = 'resultName' in changes ? changes.resultName : entry.resultName;
  if (lastError !== undefined) record.lastError = lastError;
  if (resultName !== undefined) record.resultName = resultName;
  return record;
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

async function openAccountOutbox(options: OutboxOptions, accountId: string, accountDir: string): Promise<Outbox> {
  const { clock, logger } = options;
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
  const values = (): OutboxEntry[] => [...state.entries.values()];
  const stagedIdsInUse = (): string[] =>
    values().flatMap((e) => (e.mutation.kind === 'upload_attachment' && e.status !== 'done' ? [e.mutation.stagedFileId] : []));
  // Bytes staged before a crash whose entry never got queued (or whose upload is done) are garbage now.
  await staging.orphanSweep(stagedIdsInUse());

  const inFlightAtStart = values().filter((e) => e.status === 'in_flight');
  if (inFlightAtStart.length > 0) {
    logger.info('outbox: entries were in flight at the last shutdown; they need reconciling', { accountId, count: inFlightAtStart.length });
  }

  let live: Journal | undefined = journal;
  const listeners = new Set<(change: OutboxChange) => void>();

  const emit = (change: OutboxChange): void => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        logger.error('outbox: change listener threw', { accountId, error: String(error) });
      }
    }
  };

  /** Validate against the current state, journal, then apply: one operation at a time so checks never go stale. */
  const queue = createSerialQueue(() => {
    if (!live) throw new OutboxError('closed', 'the outbox is closed');
  });
  const serial = <T>(operation: (journal: Journal) => Promise<T>): Promise<T> => queue(() => operation(live as Journal));

  const commit = async (target: Journal, recordsToWrite: readonly JournalRecord[], change: OutboxChange): Promise<void> => {
    if (recordsToWrite.length === 0) return;
    await target.append(recordsToWrite);
    for (const record of recordsToWrite) applyRecord(state, record);
    if (target.needsCompaction()) {
      // The records are already durable; a failed compaction only costs disk space.
      await target.compact(snapshotRecord(state)).catch((error: unknown) => {
        logger.warn('outbox: compaction failed', { accountId, error: String(error) });
      });
    }
    emit(change);
  };

  const mustGet = (id: string): OutboxEntry => {
    const entry = state.entries.get(id);
    if (!entry) throw new OutboxError('not_found', `no outbox entry ${id}`, { id });
    return entry;
  };

  const expectStatus = (entry: OutboxEntry, allowed: readonly OutboxStatus[], action: string): void => {
    if (!allowed.includes(entry.status)) {
      throw new OutboxError('invalid_state', `cannot ${action} an entry that is ${entry.status}`, describe(entry));
    }
  };

  const updateStatus = (id: string, run: (entry: OutboxEntry) => StatusRecord): Promise<OutboxEntry> =>
    serial(async (target) => {
      await commit(target, [run(mustGet(id))], { type: 'updated', ids: [id] });
      return mustGet(id);
    });

  const localCaseCreated = (localId: string): boolean =>
    values().some((e) => e.mutation.kind === 'create_case' && e.mutation.localId === localId);

  /** Schema-checks a mutation, resolves remapped local refs and checks what it points at exists. */
  const validate = async (input: Mutation): Promise<Mutation> => {
    const parsed = mutationSchema.safeParse(input);
    if (!parsed.success) throw new OutboxError('invalid_mutation', parsed.error.message);
    const mutation = resolveRefs(parsed.data, state.remaps);
    if (mutation.kind === 'create_case') {
      if (!isLocalCaseRef(mutation.localId)) throw new OutboxError('invalid_mutation', 'create_case needs a local: id');
    }
    const refs = mutation.kind === 'create_case' ? [mutation.followUpOf] : [mutation.caseRef];
    for (const ref of refs) {
      if (ref !== undefined && isLocalCaseRef(ref) && !localCaseCreated(ref)) {
        throw new OutboxError('unknown_local_case', `no queued create_case for ${ref}`, { caseRef: ref });
      }
    }
    if (mutation.kind === 'upload_attachment' && !(await staging.has(mutation.stagedFileId))) {
      throw new OutboxError('staged_file_missing', 'stage the bytes before queueing the upload', { stagedFileId: mutation.stagedFileId });
    }
    return mutation;
  };

  const dependentsOf = (entry: OutboxEntry): OutboxEntry[] => {
    if (entry.mutation.kind !== 'create_case') return [];
    const localId = entry.mutation.localId;
    return values().filter(
      (e) =>
        e.id !== entry.id &&
        e.status !== 'done' &&
        (e.mutation.kind === 'create_case' ? e.mutation.followUpOf === localId : e.mutation.caseRef === localId),
    );
  };

  return {
    accountId,
    staging,
    enqueue: (input) =>
      serial(async (target) => {
        const mutation = await validate(input);
        if (mutation.kind === 'create_case' && (localCaseCreated(mutation.localId) || state.remaps.has(mutation.localId))) {
          throw new OutboxError('invalid_mutation', `local case ${mutation.localId} is already queued`);
        }
        const entry: OutboxEntry = {
          id: randomUUID(),
          accountId,
          seq: state.nextSeq,
          createdAt: new Date(clock.now()).toISOString(),
          mutation,
          status: 'queued',
          attempts: 0,
        };
        await commit(target, [{ t: 'enqueued', entry }], { type: 'enqueued', ids: [entry.id] });
        return entry;
      }),
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
    markInFlight: (id) =>
      updateStatus(id, (entry) => {
        expectStatus(entry, ['queued', 'in_flight'], 'send');
        return statusRecord(entry, 'in_flight', { attempts: entry.attempts + 1 });
      }),
    markDone: (id, resultName) =>
      updateStatus(id, (entry) => {
        expectStatus(entry, ['queued', 'in_flight'], 'complete');
        return statusRecord(entry, 'done', { lastError: undefined, resultName });
      }),
    markFailed: (id, error, { permanent }) =>
      updateStatus(id, (entry) => {
        expectStatus(entry, permanent ? ['queued', 'in_flight'] : ['in_flight'], 'fail');
        const lastError = { code: clip(error.code, 64), message: clip(error.message, 2000), permanent };
        return statusRecord(entry, permanent ? 'failed' : 'queued', { lastError });
      }),
    retry: (id) =>
      updateStatus(id, (entry) => {
        expectStatus(entry, ['failed'], 'retry');
        return statusRecord(entry, 'queued', { lastError: undefined });
      }),
    edit: (id, input) =>
      serial(async (target) => {
        const entry = mustGet(id);
        expectStatus(entry, ['queued', 'failed'], 'edit');
        const mutation = await validate(input);
        if (mutation.kind !== entry.mutation.kind || caseKeyOf(mutation) !== caseKeyOf(entry.mutation)) {
          throw new OutboxError('invalid_mutation', 'an edit keeps the kind and the case of the entry', describe(entry));
        }
        await commit(target, [{ t: 'edited', id, mutation }], { type: 'edited', ids: [id] });
        return mustGet(id);
      }),
    discard: (id) =>
      serial(async (target) => {
        const entry = mustGet(id);
        expectStatus(entry, ['queued', 'failed', 'done'], 'discard');
        const dependents = dependentsOf(entry);
        if (dependents.length > 0) {
          throw new OutboxError('has_dependents', 'later changes depend on this new case; discard them first', {
            ...describe(entry),
            dependentIds: dependents.map((e) => e.id),
          });
        }
        await commit(target, [{ t: 'discarded', id }], { type: 'discarded', ids: [id] });
        return entry;
      }),
    remapLocalCase: (localId, serverName) =>
      serial(async (target) => {
        if (!isLocalCaseRef(localId) || isLocalCaseRef(serverName)) {
          throw new OutboxError('invalid_mutation', 'remap goes from a local: id to a server name', { localId, serverName });
        }
        await commit(target, [{ t: 'remapped', localId, serverName }], { type: 'remapped', localId, serverName });
      }),
    forgetDone: (ids) =>
      serial(async (target) => {
        const wanted = ids === undefined ? undefined : new Set(ids);
        const doomed = values().filter((e) => e.status === 'done' && (wanted === undefined || wanted.has(e.id)));
        const recordsToWrite = doomed.map((e): JournalRecord => ({ t: 'discarded', id: e.id }));
        await commit(target, recordsToWrite, { type: 'discarded', ids: doomed.map((e) => e.id) });
        return doomed.length;
      }),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wipe: () =>
      serial(async (target) => {
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
