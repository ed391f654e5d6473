import { z } from 'zod';
import {
  isLocalCaseRef,
  mutationSchema,
  outboxEntrySchema,
  outboxErrorSchema,
  outboxStatusSchema,
  type Mutation,
  type OutboxEntry,
} from '../../../../shared/ipc/outbox';

// Journal records and the one reducer that applies them. Live operations and replay
// both go through applyRecord, so the state after a restart is the state before it.

const idSchema = z.string().min(1).max(64);

export const journalRecordSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('enqueued'), entry: outboxEntrySchema }),
  z.object({
    t: z.literal('status'),
    id: idSchema,
    status: outboxStatusSchema,
    attempts: z.number().int().nonnegative(),
    lastError: outboxErrorSchema.optional(),
    resultName: z.string().max(600).optional(),
  }),
  z.object({ t: z.literal('edited'), id: idSchema, mutation: mutationSchema }),
  z.object({ t: z.literal('discarded'), id: idSchema }),
  z.object({ t: z.literal('remapped'), localId: z.string().min(1), serverName: z.string().min(1) }),
  // Written only by compaction, as the first line of a fresh journal.
  z.object({
    t: z.literal('snapshot'),
    nextSeq: z.number().int().nonnegative(),
    entries: z.array(outboxEntrySchema),
    remaps: z.array(z.tuple([z.string(), z.string()])),
  }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;
export type StatusRecord = Extract<JournalRecord, { t: 'status' }>;

export interface OutboxState {
  /** Insertion order is seq order: entries are only ever added by enqueue (or a snapshot in seq order). */
  readonly entries: Map<string, OutboxEntry>;
  /** local:<uuid> → server case name, kept so a late enqueue with a local ref is rewritten too. */
  readonly remaps: Map<string, string>;
  nextSeq: number;
}

export function emptyState(): OutboxState {
  return { entries: new Map(), remaps: new Map(), nextSeq: 0 };
}

export function snapshotRecord(state: OutboxState): JournalRecord {
  return { t: 'snapshot', nextSeq: state.nextSeq, entries: [...state.entries.values()], remaps: [...state.remaps.entries()] };
}

/** The case an entry belongs to: the local id for a case created offline, else its caseRef. */
export function caseKeyOf(mutation: Mutation): string {
  return mutation.kind === 'create_case' ? mutation.localId : mutation.caseRef;
}

/** Local case refs the entry depends on (besides the case it creates). */
export function unresolvedLocalRefs(mutation: Mutation): string[] {
  if (mutation.kind === 'create_case') {
    return mutation.followUpOf !== undefined && isLocalCaseRef(mutation.followUpOf) ? [mutation.followUpOf] : [];
  }
  return isLocalCaseRef(mutation.caseRef) ? [mutation.caseRef] : [];
}

/** Rewrites a local case ref to its server name wherever it appears in a mutation. */
export function resolveRefs(mutation: Mutation, remaps: ReadonlyMap<string, string>): Mutation {
  if (mutation.kind === 'create_case') {
    const followUpOf = mutation.followUpOf === undefined ? undefined : remaps.get(mutation.followUpOf);
    return followUpOf === undefined ? mutation : { ...mutation, followUpOf };
  }
  const caseRef = remaps.get(mutation.caseRef);
  return caseRef === undefined ? mutation : { ...mutation, caseRef };
}

function remap(state: OutboxState, localId: string, serverName: string): void {
  state.remaps.set(localId, serverName);
  const single = new Map([[localId, serverName]]);
  for (const [id, entry] of state.entries) {
    const mutation = resolveRefs(entry.mutation, single);
    if (mutation !== entry.mutation) state.entries.set(id, { ...entry, mutation });
  }
}

/** Applies one record. Returns false when it refers to an entry that is not there (logged by replay). */
export function applyRecord(state: OutboxState, record: JournalRecord): boolean {
  switch (record.t) {
    case 'enqueued': {
      state.entries.set(record.entry.id, record.entry);
      state.nextSeq = Math.max(state.nextSeq, record.entry.seq + 1);
      return true;
    }
    case 'status': {
      const entry = state.entries.get(record.id);
      if (!entry) return false;
      // Absolute, not relative: replaying a status record twice gives the same entry.
      const { lastError: _e, resultName: _r, ...rest } = entry;
      const next: OutboxEntry = { ...rest, status: record.status, attempts: record.attempts };
      if (record.lastError !== undefined) next.lastError = record.lastError;
      if (record.resultName !== undefined) next.resultName = record.resultName;
      state.entries.set(record.id, next);
      // A filed offline case and the remap of its followers land in the same record: one fsync, no window between.
      if (record.status === 'done' && record.resultName !== undefined && entry.mutation.kind === 'create_case') {
        remap(state, entry.mutation.localId, record.resultName);
      }
      return true;
    }
    case 'edited': {
      const entry = state.entries.get(record.id);
      if (!entry) return false;
      state.entries.set(record.id, { ...entry, mutation: record.mutation });
      return true;
    }
    case 'discarded':
      return state.entries.delete(record.id);
    case 'remapped':
      remap(state, record.localId, record.serverName);
      return true;
    case 'snapshot': {
      state.entries.clear();
      for (const entry of record.entries) state.entries.set(entry.id, entry);
      state.remaps.clear();
      for (const [localId, serverName] of record.remaps) state.remaps.set(localId, serverName);
      state.nextSeq = record.nextSeq;
      return true;
    }
  }
}
