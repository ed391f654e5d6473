import type { OutboxEntry, OutboxStatus } from '../../../../shared/ipc/outbox';
import { OutboxError } from './errors';

// The outbox's state machine as data: which actions an entry's status allows and where each
// leads. Every status change of the outbox goes through checkTransition; the table test
// (tests/unit/electron/outbox/transitions.test.ts) drives a real outbox through every pair.

export type OutboxAction = 'send' | 'complete' | 'fail' | 'requeue' | 'retry' | 'edit' | 'discard';

export interface OutboxTransition {
  readonly from: readonly OutboxStatus[];
  /** `unchanged`: the entry keeps its status; `removed`: the entry leaves the outbox. */
  readonly to: OutboxStatus | 'unchanged' | 'removed';
  /** Verb for the error message ("cannot send an entry that is done"). */
  readonly verb: string;
}

export const outboxTransitions: Readonly<Record<OutboxAction, OutboxTransition>> = {
  // in_flight → in_flight: a re-send after a reconcile found no effect (counts another attempt).
  send: { from: ['queued', 'in_flight'], to: 'in_flight', verb: 'send' },
  complete: { from: ['queued', 'in_flight'], to: 'done', verb: 'complete' },
  // Permanent: the entry stops until the agent retries, edits or discards it.
  fail: { from: ['queued', 'in_flight'], to: 'failed', verb: 'fail' },
  // Transient failure whose effect is known absent: back in the queue for a later attempt.
  requeue: { from: ['in_flight'], to: 'queued', verb: 'fail' },
  retry: { from: ['failed'], to: 'queued', verb: 'retry' },
  edit: { from: ['queued', 'failed'], to: 'unchanged', verb: 'edit' },
  // Never while in flight: the server may be applying it right now.
  discard: { from: ['queued', 'failed', 'done'], to: 'removed', verb: 'discard' },
};

/** Throws invalid_state unless `action` is allowed from the entry's status; returns the rule. */
export function checkTransition(entry: OutboxEntry, action: OutboxAction): OutboxTransition {
  const rule = outboxTransitions[action];
  if (!rule.from.includes(entry.status)) {
    throw new OutboxError('invalid_state', `cannot ${rule.verb} an entry that is ${entry.status}`, {
      id: entry.id,
      seq: entry.seq,
      kind: entry.mutation.kind,
      status: entry.status,
    });
  }
  return rule;
}
