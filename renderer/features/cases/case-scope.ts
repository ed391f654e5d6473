// The set of cases a view's scope stands for (issue 17 §1), from the projection's facets,
// the outbox, the unread marks and the cases taken on this workstation. Pure, so the rules
// ("needs my reply" = open, and Google spoke last or asked for action; a reply of mine
// still in the queue answers it) are unit-tested.

import { isOpenState, matchesQuery, parseQuery, uniqueTokens, type CaseState, type Priority } from '../../../shared/domain';
import type { OutboxEntry } from '../../../shared/ipc';
import type { Projection } from '../../data';
import type { CaseFilters, CaseScope } from '../../state/case-views';
import { isOpenSelection } from './case-query';

export interface ScopeContext {
  readonly projection: Projection;
  /** The signed-in agent's address. */
  readonly selfEmail: string;
  /** Cases taken on this workstation. */
  readonly taken: readonly string[];
  /** Cases with an unread reply from Google. */
  readonly unread: readonly string[];
  readonly outbox: readonly OutboxEntry[];
  /** Changes whenever the account's data does (a memo key for the sets derived from it). */
  readonly version?: number;
}

function union(...sets: ReadonlyArray<Iterable<string>>): Set<string> {
  const out = new Set<string>();
  for (const set of sets) for (const name of set) out.add(name);
  return out;
}

/** Open cases where it is the agent's turn: Google spoke last, or Google asked for action; not already answered by a queued reply. */
export function needsReplyNames(ctx: ScopeContext): Set<string> {
  const { projection } = ctx;
  const asked = projection.names(projection.query({ states: ['ACTION_REQUIRED'] }));
  const names = union(projection.facets.googleSpokeLast(), asked);
  for (const entry of ctx.outbox) {
    if (entry.mutation.kind === 'comment' && entry.status !== 'failed') names.delete(entry.mutation.caseRef);
  }
  return names;
}

/** The cases a scope starts from; undefined for 'all' (no restriction). */
export function scopeNames(scope: CaseScope, ctx: ScopeContext): ReadonlySet<string> | undefined {
  switch (scope) {
    case 'all':
      return undefined;
    case 'mine':
      return union(ctx.projection.facets.involving(ctx.selfEmail), ctx.taken);
    case 'needs-reply':
      return needsReplyNames(ctx);
    case 'unread':
      return new Set(ctx.unread);
  }
}

/** Scope and categories together: the `onlyNames` of the query (undefined: every case). */
export function viewNames(scope: CaseScope, categoryIds: readonly string[], ctx: ScopeContext): ReadonlySet<string> | undefined {
  const inScope = scopeNames(scope, ctx);
  if (categoryIds.length === 0) return inScope;
  const inCategories = ctx.projection.facets.inCategories(categoryIds);
  if (inScope === undefined) return inCategories;
  const [small, large] = inScope.size < inCategories.size ? [inScope, inCategories] : [inCategories, inScope];
  return new Set([...small].filter((name) => large.has(name)));
}

/** "Needs my reply" means open cases, whatever the status filter says. */
export const scopeIsOpenOnly = (scope: CaseScope): boolean => scope === 'needs-reply';

/** What a record needs for the checks below; CaseRecord and ViewCase satisfy it. */
interface RecordLike {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly customerId: string;
  readonly priority: Priority;
  readonly state: CaseState;
  readonly escalated: boolean;
  readonly creatorEmail?: string | undefined;
  readonly subscriberEmails: readonly string[];
  readonly classificationId?: string | undefined;
}

/**
 * Whether one record belongs to a view, checked directly (the newest rows before the
 * projection is hydrated, and cases filed from here but not in the replica yet).
 * undefined when it cannot tell without the projection ("needs my reply" needs threads).
 */
export function recordInView(
  record: RecordLike,
  view: { readonly scope: CaseScope; readonly filters: CaseFilters },
  ctx: Pick<ScopeContext, 'selfEmail' | 'taken' | 'unread'>,
  customerId?: string,
): boolean | undefined {
  const { filters } = view;
  const self = ctx.selfEmail.toLowerCase();
  if (view.scope === 'needs-reply') return undefined;
  if (view.scope === 'unread' && !ctx.unread.includes(record.name)) return false;
  if (
    view.scope === 'mine' &&
    record.creatorEmail?.toLowerCase() !== self &&
    !record.subscriberEmails.some((email) => email.toLowerCase() === self) &&
    !ctx.taken.includes(record.name)
  )
    return false;
  if (
    customerId !== undefined
      ? record.customerId !== customerId
      : filters.customerIds.length > 0 && !filters.customerIds.includes(record.customerId)
  )
    return false;
  if (filters.states.length > 0 && !(isOpenSelection(filters.states) ? isOpenState(record.state) : filters.states.includes(record.state)))
    return false;
  if (filters.priorities.length > 0 && !filters.priorities.includes(record.priority)) return false;
  if (filters.categoryIds.length > 0 && !filters.categoryIds.includes(record.classificationId ?? '')) return false;
  if (filters.escalatedOnly && !record.escalated) return false;
  if (
    filters.keyword.trim() !== '' &&
    !matchesQuery(uniqueTokens(`${record.displayName}\n${record.description}`), parseQuery(filters.keyword))
  )
    return false;
  return true;
}
