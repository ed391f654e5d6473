// Bulk actions: each picked case becomes one mutation, or a refusal with a reason the
// agent can read (checked here first so obviously doomed changes never reach the outbox).

import { MAX_SUBSCRIBERS, isValidEmail, type CaseState, type CustomerAccess, type SelectablePriority } from '../../../shared/domain';
import type { Mutation } from '../../../shared/ipc';

export type BulkAction =
  { kind: 'close' } | { kind: 'set_priority'; priority: SelectablePriority } | { kind: 'add_subscriber'; email: string };

export interface BulkTarget {
  readonly name: string;
  readonly caseNumber: string;
  readonly state: CaseState;
  readonly priority: string;
  readonly access: CustomerAccess | undefined;
  readonly subscriberEmails: readonly string[];
}

export type RefusalReason =
  'closed' | 'notAuthorized' | 'transferred' | 'samePriority' | 'alreadySubscribed' | 'tooManySubscribers' | 'invalidEmail' | 'notFound';

export type BulkPlan = { readonly name: string; readonly caseNumber: string } & (
  { readonly mutation: Mutation } | { readonly refused: RefusalReason }
);

export function planBulk(action: BulkAction, targets: readonly (BulkTarget | { name: string; missing: true })[]): BulkPlan[] {
  return targets.map((target): BulkPlan => {
    if ('missing' in target) return { name: target.name, caseNumber: '', refused: 'notFound' };
    const base = { name: target.name, caseNumber: target.caseNumber };
    if (target.access === 'transferred') return { ...base, refused: 'transferred' };
    if (target.access === 'not_authorized') return { ...base, refused: 'notAuthorized' };
    if (target.state === 'CLOSED') return { ...base, refused: 'closed' };
    switch (action.kind) {
      case 'close':
        return { ...base, mutation: { kind: 'close', caseRef: target.name } };
      case 'set_priority':
        if (target.priority === action.priority) return { ...base, refused: 'samePriority' };
        return { ...base, mutation: { kind: 'set_priority', caseRef: target.name, priority: action.priority } };
      case 'add_subscriber': {
        const email = action.email.trim();
        if (!isValidEmail(email)) return { ...base, refused: 'invalidEmail' };
        const lower = email.toLowerCase();
        if (target.subscriberEmails.some((existing) => existing.toLowerCase() === lower)) return { ...base, refused: 'alreadySubscribed' };
        if (target.subscriberEmails.length >= MAX_SUBSCRIBERS) return { ...base, refused: 'tooManySubscribers' };
        return {
          ...base,
          mutation: { kind: 'set_subscribers', caseRef: target.name, subscriberEmails: [...target.subscriberEmails, email] },
        };
      }
    }
  });
}
