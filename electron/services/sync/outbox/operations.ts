import { randomUUID } from 'node:crypto';
import { isLocalCaseRef, mutationSchema, type Mutation, type OutboxEntry, type OutboxStatus } from '../../../../shared/ipc/outbox';
import type { Clock } from '../../../ports';
import { OutboxError } from './errors';
import type { Journal } from './journal';
import { caseKeyOf, resolveRefs, type JournalRecord, type OutboxState, type StatusRecord } from './records';
import type { Staging } from './staging';
import { checkTransition, type OutboxAction } from './transitions';
import type { FailureInfo, OutboxChange } from './outbox';

// The outbox's operations, one group for status changes (the sync engine's) and one for the
// agent's changes. Each runs in the outbox's serial queue: validate against the current state,
// journal, then apply — so a check never goes stale and what is shown is what survives a crash.

export interface OutboxContext {
  readonly accountId: string;
  readonly state: OutboxState;
  readonly staging: Staging;
  readonly clock: Clock;
  /** Runs one operation at a time on the live journal (refused once closed). */
  serial<T>(operation: (journal: Journal) => Promise<T>): Promise<T>;
  /** Journals the records (fsync'd), applies them to the state, then tells the listeners. */
  commit(journal: Journal, records: readonly JournalRecord[], change: OutboxChange): Promise<void>;
}

const values = (state: OutboxState): OutboxEntry[] => [...state.entries.values()];

function mustGet(state: OutboxState, id: string): OutboxEntry {
  const entry = state.entries.get(id);
  if (!entry) throw new OutboxError('not_found', `no outbox entry ${id}`, { id });
  return entry;
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

const localCaseCreated = (state: OutboxState, localId: string): boolean =>
  values(state).some((e) => e.mutation.kind === 'create_case' && e.mutation.localId === localId);

/** Schema-checks a mutation, resolves remapped local refs and checks what it points at exists. */
async function validate(context: OutboxContext, input: Mutation): Promise<Mutation> {
  const parsed = mutationSchema.safeParse(input);
  if (!parsed.success) throw new OutboxError('invalid_mutation', parsed.error.message);
  const mutation = resolveRefs(parsed.data, context.state.remaps);
  if (mutation.kind === 'create_case' && !isLocalCaseRef(mutation.localId)) {
    throw new OutboxError('invalid_mutation', 'create_case needs a local: id');
  }
  const refs = mutation.kind === 'create_case' ? [mutation.followUpOf] : [mutation.caseRef];
  for (const ref of refs) {
    if (ref !== undefined && isLocalCaseRef(ref) && !localCaseCreated(context.state, ref)) {
      throw new OutboxError('unknown_local_case', `no queued create_case for ${ref}`, { caseRef: ref });
    }
  }
  if (mutation.kind === 'upload_attachment' && !(await context.staging.has(mutation.stagedFileId))) {
    throw new OutboxError('staged_file_missing', 'stage the bytes before queueing the upload', { stagedFileId: mutation.stagedFileId });
  }
  return mutation;
}

function dependentsOf(state: OutboxState, entry: OutboxEntry): OutboxEntry[] {
  if (entry.mutation.kind !== 'create_case') return [];
  const localId = entry.mutation.localId;
  return values(state).filter(
    (e) =>
      e.id !== entry.id &&
      e.status !== 'done' &&
      (e.mutation.kind === 'create_case' ? e.mutation.followUpOf === localId : e.mutation.caseRef === localId),
  );
}

/** What the sync engine records about sending an entry. */
export function statusOperations(context: OutboxContext) {
  const { state } = context;
  const update = (id: string, action: OutboxAction, record: (entry: OutboxEntry) => StatusRecord): Promise<OutboxEntry> =>
    context.serial(async (journal) => {
      const entry = mustGet(state, id);
      checkTransition(entry, action);
      await context.commit(journal, [record(entry)], { type: 'updated', ids: [id] });
      return mustGet(state, id);
    });

  return {
    markInFlight: (id: string) => update(id, 'send', (entry) => statusRecord(entry, 'in_flight', { attempts: entry.attempts + 1 })),
    markDone: (id: string, resultName?: string) =>
      update(id, 'complete', (entry) => statusRecord(entry, 'done', { lastError: undefined, resultName })),
    markFailed: (id: string, error: FailureInfo, { permanent }: { readonly permanent: boolean }) =>
      update(id, permanent ? 'fail' : 'requeue', (entry) =>
        statusRecord(entry, permanent ? 'failed' : 'queued', {
          lastError: { code: clip(error.code, 64), message: clip(error.message, 2000), permanent },
        }),
      ),
    retry: (id: string) => update(id, 'retry', (entry) => statusRecord(entry, 'queued', { lastError: undefined })),
  };
}

/** The agent's changes: queue, edit, discard, plus the bookkeeping of local ids and done entries. */
export function changeOperations(context: OutboxContext) {
  const { state } = context;
  return {
    enqueue: (input: Mutation) =>
      context.serial(async (journal) => {
        const mutation = await validate(context, input);
        if (mutation.kind === 'create_case' && (localCaseCreated(state, mutation.localId) || state.remaps.has(mutation.localId))) {
          throw new OutboxError('invalid_mutation', `local case ${mutation.localId} is already queued`);
        }
        const entry: OutboxEntry = {
          id: randomUUID(),
          accountId: context.accountId,
          seq: state.nextSeq,
          createdAt: new Date(context.clock.now()).toISOString(),
          mutation,
          status: 'queued',
          attempts: 0,
        };
        await context.commit(journal, [{ t: 'enqueued', entry }], { type: 'enqueued', ids: [entry.id] });
        return entry;
      }),
    edit: (id: string, input: Mutation) =>
      context.serial(async (journal) => {
        const entry = mustGet(state, id);
        checkTransition(entry, 'edit');
        const mutation = await validate(context, input);
        if (mutation.kind !== entry.mutation.kind || caseKeyOf(mutation) !== caseKeyOf(entry.mutation)) {
          throw new OutboxError('invalid_mutation', 'an edit keeps the kind and the case of the entry', { id, kind: entry.mutation.kind });
        }
        await context.commit(journal, [{ t: 'edited', id, mutation }], { type: 'edited', ids: [id] });
        return mustGet(state, id);
      }),
    discard: (id: string) =>
      context.serial(async (journal) => {
        const entry = mustGet(state, id);
        checkTransition(entry, 'discard');
        const dependents = dependentsOf(state, entry);
        if (dependents.length > 0) {
          throw new OutboxError('has_dependents', 'later changes depend on this new case; discard them first', {
            id,
            dependentIds: dependents.map((e) => e.id),
          });
        }
        await context.commit(journal, [{ t: 'discarded', id }], { type: 'discarded', ids: [id] });
        return entry;
      }),
    remapLocalCase: (localId: string, serverName: string) =>
      context.serial(async (journal) => {
        if (!isLocalCaseRef(localId) || isLocalCaseRef(serverName)) {
          throw new OutboxError('invalid_mutation', 'remap goes from a local: id to a server name', { localId, serverName });
        }
        await context.commit(journal, [{ t: 'remapped', localId, serverName }], { type: 'remapped', localId, serverName });
      }),
    forgetDone: (ids?: readonly string[]) =>
      context.serial(async (journal) => {
        const wanted = ids === undefined ? undefined : new Set(ids);
        const doomed = values(state).filter((e) => e.status === 'done' && (wanted === undefined || wanted.has(e.id)));
        const records = doomed.map((e): JournalRecord => ({ t: 'discarded', id: e.id }));
        await context.commit(journal, records, { type: 'discarded', ids: doomed.map((e) => e.id) });
        return doomed.length;
      }),
  };
}
