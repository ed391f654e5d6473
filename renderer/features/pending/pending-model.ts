// What the pending-changes view says about each queued change (issue 17 §4), pure: why it
// failed in words (grouped by cause), what it changes (before → after), which later changes
// depend on a case created here, and the text the agent would lose by discarding.

import type { OutboxEntry } from '../../../shared/ipc';

/** Why a change is not on the server yet, as the agent can act on it. */
export type FailureCause =
  'offline' | 'interrupted' | 'busy' | 'unavailable' | 'signIn' | 'permission' | 'notFound' | 'notAllowedNow' | 'invalid' | 'other';

/** Maps the error main recorded (Google's status, an HTTP status or a transport kind) to a cause. */
export function causeOf(code: string | undefined): FailureCause {
  switch (code) {
    case 'network':
    case 'offline':
      return 'offline';
    case 'ambiguous':
      return 'interrupted';
    case 'RESOURCE_EXHAUSTED':
    case '429':
      return 'busy';
    case 'UNAVAILABLE':
    case 'INTERNAL':
    case 'DEADLINE_EXCEEDED':
    case '500':
    case '502':
    case '503':
    case '504':
      return 'unavailable';
    case 'UNAUTHENTICATED':
    case '401':
      return 'signIn';
    case 'PERMISSION_DENIED':
    case '403':
      return 'permission';
    case 'NOT_FOUND':
    case '404':
      return 'notFound';
    case 'FAILED_PRECONDITION':
      return 'notAllowedNow';
    case 'INVALID_ARGUMENT':
    case 'OUT_OF_RANGE':
    case '400':
      return 'invalid';
    default:
      return 'other';
  }
}

export type EntryState = 'waiting' | 'retrying' | 'sending' | 'failed';

/** The entry's state in the agent's terms: waiting its turn, waiting to retry after a hiccup, being sent, or refused. */
export function stateOf(entry: OutboxEntry): EntryState {
  if (entry.status === 'failed') return 'failed';
  if (entry.status === 'in_flight') return 'sending';
  return entry.lastError ? 'retrying' : 'waiting';
}

/** The case an entry is about: a server name, or the local id of a case created here. */
export function caseRefOf(entry: OutboxEntry): string {
  return entry.mutation.kind === 'create_case' ? entry.mutation.localId : entry.mutation.caseRef;
}

/** Later changes that need this new case (its comments, attachments, follow-ups); [] for anything else. */
export function dependentsOf(entry: OutboxEntry, entries: readonly OutboxEntry[]): OutboxEntry[] {
  if (entry.mutation.kind !== 'create_case') return [];
  const localId = entry.mutation.localId;
  return entries.filter(
    (other) =>
      other.id !== entry.id &&
      other.status !== 'done' &&
      (other.mutation.kind === 'create_case' ? other.mutation.followUpOf === localId : other.mutation.caseRef === localId),
  );
}

/** Text the agent wrote in a change, so discarding never throws it away unseen. */
export function agentText(entry: OutboxEntry): string | undefined {
  const mutation = entry.mutation;
  if (mutation.kind === 'comment') return mutation.body;
  if (mutation.kind === 'create_case') return `${mutation.displayName}\n\n${mutation.description}`;
  if (mutation.kind === 'escalate') return mutation.justification;
  return undefined;
}

export interface FailureGroup {
  readonly cause: FailureCause;
  readonly entries: readonly OutboxEntry[];
}

/** Refused changes grouped by cause (largest group first), then everything still on its way. */
export function groupEntries(entries: readonly OutboxEntry[]): { failed: FailureGroup[]; onTheirWay: OutboxEntry[] } {
  const byCause = new Map<FailureCause, OutboxEntry[]>();
  const onTheirWay: OutboxEntry[] = [];
  for (const entry of entries) {
    if (entry.status === 'done') continue;
    if (entry.status !== 'failed') {
      onTheirWay.push(entry);
      continue;
    }
    const cause = causeOf(entry.lastError?.code);
    byCause.set(cause, [...(byCause.get(cause) ?? []), entry]);
  }
  const failed = [...byCause.entries()]
    .map(([cause, list]) => ({ cause, entries: list }))
    .sort((a, b) => b.entries.length - a.entries.length);
  return { failed, onTheirWay };
}

/** Seconds until an ISO time, never negative (for the retry countdown). */
export function secondsUntil(iso: string | undefined, nowMs: number): number | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
