// Pending overlay: what the UI shows for a case = the server record (replica) with the
// agent's queued mutations (outbox, held by main) applied on top. Pure functions: the
// replica keeps only server truth, so a discarded or rejected mutation simply stops
// being overlaid and nothing has to be rolled back.

import type { CaseState, Priority } from '../../shared/domain/case-model';
import { isLocalCaseRef, type MutationKind, type OutboxEntry } from '../../shared/ipc/outbox';
import type { CaseRecord } from './records';

export interface PendingFailure {
  entryId: string;
  kind: MutationKind;
  code: string;
  message: string;
  permanent: boolean;
}

export interface ViewCase extends CaseRecord {
  /** Some queued change is not confirmed by the server yet. */
  pending: boolean;
  /** Kinds of the unconfirmed changes, in queue order, without repeats. */
  pendingKinds: MutationKind[];
  /** Entries main gave up on (or is backing off from), for retry / edit / discard. */
  failed?: PendingFailure[];
  /** A case created offline and not filed yet: `name` is its `local:` id. */
  local?: boolean;
}

export interface PendingComment {
  entryId: string;
  caseRef: string;
  body: string;
  createdAt: string;
  status: OutboxEntry['status'];
  error?: PendingFailure;
}

function caseRefOf(entry: OutboxEntry): string | undefined {
  return entry.mutation.kind === 'create_case' ? entry.mutation.localId : entry.mutation.caseRef;
}

function failureOf(entry: OutboxEntry): PendingFailure | undefined {
  if (entry.status !== 'failed' || entry.lastError === undefined) return undefined;
  return { entryId: entry.id, kind: entry.mutation.kind, ...entry.lastError };
}

/**
 * Every ref the case is known under: its server name plus the local id of the offline
 * create that produced it (entries queued before the create went through still use it).
 */
function refsOf(name: string, entries: readonly OutboxEntry[]): Set<string> {
  const refs = new Set([name]);
  for (const e of entries) if (e.mutation.kind === 'create_case' && e.resultName === name) refs.add(e.mutation.localId);
  return refs;
}

/** Refs that have an unconfirmed change, for the projection's "has pending change" filter. */
export function pendingCaseRefs(entries: readonly OutboxEntry[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    if (e.status === 'done') continue;
    const ref = caseRefOf(e);
    if (ref === undefined) continue;
    out.add(ref);
    if (isLocalCaseRef(ref)) {
      // Entries against a local id belong to the server case it became.
      const created = entries.find((c) => c.mutation.kind === 'create_case' && c.mutation.localId === ref);
      if (created?.resultName !== undefined) out.add(created.resultName);
    }
  }
  return out;
}

const REOPENED_STATE: CaseState = 'IN_PROGRESS_GOOGLE_SUPPORT';

/**
 * The server record with queued changes applied, in queue order.
 * - queued / in-flight / transiently failed entries are applied and marked pending;
 * - permanently failed entries are NOT applied (the server refused them) but reported;
 * - done entries are applied only while the record still predates them, so the screen
 *   does not flick back to the old value in the moment between push and the next pull.
 */
export function overlayCase(record: CaseRecord, pendingEntries: readonly OutboxEntry[]): ViewCase {
  const refs = refsOf(record.name, pendingEntries);
  const mine = pendingEntries
    .filter((e) => {
      const ref = caseRefOf(e);
      return ref !== undefined && refs.has(ref) && e.mutation.kind !== 'create_case';
    })
    .sort((a, b) => a.seq - b.seq);

  let priority: Priority = record.priority;
  let state: CaseState = record.state;
  let escalated = record.escalated;
  let subscriberEmails = record.subscriberEmails;
  const kinds: MutationKind[] = [];
  const failed: PendingFailure[] = [];

  for (const e of mine) {
    const failure = failureOf(e);
    if (failure !== undefined) failed.push(failure);
    if (failure?.permanent === true) continue;
    if (e.status === 'done' && Date.parse(e.createdAt) <= record.updateTimeMs) continue;
    if (e.status !== 'done' && !kinds.includes(e.mutation.kind)) kinds.push(e.mutation.kind);
    const m = e.mutation;
    switch (m.kind) {
      case 'set_priority':
        priority = m.priority;
        break;
      case 'set_subscribers':
        subscriberEmails = m.subscriberEmails;
        break;
      case 'close':
        state = 'CLOSED';
        break;
      case 'reopen':
        // The server picks the state after a reopen; any open state reads right in lists.
        if (state === 'CLOSED') state = REOPENED_STATE;
        break;
      case 'escalate':
        escalated = true;
        break;
      default:
        // comment / upload_attachment change the thread, not the case fields.
        break;
    }
  }

  const view: ViewCase = { ...record, priority, state, escalated, subscriberEmails, pending: kinds.length > 0, pendingKinds: kinds };
  if (failed.length > 0) view.failed = failed;
  return view;
}

/**
 * Cases created offline, as "not filed yet" rows (local ids), with later queued changes to
 * them applied. A create that went through is left out once its server case is in the
 * replica (`existingNames`), so the row never shows twice.
 */
export function pendingCasesFromCreates(
  entries: readonly OutboxEntry[],
  existingNames: ReadonlySet<string> = new Set(),
  now: () => number = Date.now,
): ViewCase[] {
  const out: ViewCase[] = [];
  for (const e of entries) {
    const m = e.mutation;
    if (m.kind !== 'create_case') continue;
    if (e.resultName !== undefined && existingNames.has(e.resultName)) continue;
    const createdMs = Date.parse(e.createdAt);
    const at = Number.isFinite(createdMs) ? createdMs : now();
    const iso = new Date(at).toISOString();
    const record: CaseRecord = {
      name: m.localId,
      caseNumber: '',
      customerId: m.customerId,
      displayName: m.displayName,
      description: m.description,
      priority: m.priority,
      state: 'NEW',
      classificationId: m.classificationId,
      classificationName: m.classificationName,
      languageCode: m.languageCode,
      timeZone: m.timeZone,
      subscriberEmails: m.subscriberEmails,
      escalated: false,
      createTime: iso,
      updateTime: iso,
      createTimeMs: at,
      updateTimeMs: at,
    };
    const view = overlayCase(record, entries);
    const failure = failureOf(e);
    const failedList = [...(failure ? [failure] : []), ...(view.failed ?? [])];
    out.push({
      ...view,
      pending: true,
      pendingKinds: ['create_case', ...view.pendingKinds.filter((k) => k !== 'create_case')],
      local: true,
      ...(failedList.length > 0 ? { failed: failedList } : {}),
    });
  }
  return out;
}

/**
 * Comments the agent queued for a case (by server name or local id), oldest first. A sent
 * comment disappears from this list once the replica has it (`existingCommentNames`).
 */
export function pendingComments(
  caseRef: string,
  entries: readonly OutboxEntry[],
  existingCommentNames: ReadonlySet<string> = new Set(),
): PendingComment[] {
  const refs = refsOf(caseRef, entries);
  return entries
    .filter((e) => e.mutation.kind === 'comment' && refs.has(e.mutation.caseRef))
    .filter((e) => !(e.status === 'done' && e.resultName !== undefined && existingCommentNames.has(e.resultName)))
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const error = failureOf(e);
      const body = e.mutation.kind === 'comment' ? e.mutation.body : '';
      return { entryId: e.id, caseRef, body, createdAt: e.createdAt, status: e.status, ...(error ? { error } : {}) };
    });
}
