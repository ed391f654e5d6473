// Pure mapping from a tab's filters to a projection query, and the sort-header logic.
// Kept out of components so the mapping is unit-tested and shared by every list.

import type { ProjectionQuery, ProjectionSortKey, SortDir } from '../../data';
import type { CaseFilters } from '../../state/tab-store';

export type SortState = { readonly key: ProjectionSortKey; readonly dir: SortDir };

export const defaultSort: SortState = { key: 'updateTime', dir: 'desc' };

/** The projection query for a set of filters (the keyword is passed separately: it is deferred). */
export function filtersToQuery(
  filters: CaseFilters,
  options: {
    keyword?: string;
    sort?: SortState;
    pendingCaseNames?: ReadonlySet<string>;
    customerId?: string | undefined;
    /** A dashboard drill-down: only these cases. */
    caseNames?: ReadonlySet<string> | undefined;
  } = {},
): ProjectionQuery {
  const keyword = options.keyword ?? filters.keyword;
  const customerIds = options.customerId !== undefined ? [options.customerId] : filters.customerIds;
  return {
    ...(keyword.trim() !== '' ? { keyword } : {}),
    ...(filters.states.length > 0 ? { states: filters.states } : {}),
    ...(filters.priorities.length > 0 ? { priorities: filters.priorities } : {}),
    ...(customerIds.length > 0 ? { customerIds } : {}),
    ...(filters.escalatedOnly ? { escalated: true } : {}),
    ...(filters.pendingOnly ? { pendingCaseNames: options.pendingCaseNames ?? new Set<string>() } : {}),
    ...(filters.status === 'open' ? { openOnly: true } : {}),
    ...(filters.status === 'closed' ? { closedOnly: true } : {}),
    ...(options.caseNames ? { caseNames: options.caseNames } : {}),
    sort: options.sort ?? defaultSort,
  };
}

export function hasActiveFilters(filters: CaseFilters): boolean {
  return (
    filters.keyword.trim() !== '' ||
    filters.status !== 'all' ||
    filters.states.length > 0 ||
    filters.priorities.length > 0 ||
    filters.customerIds.length > 0 ||
    filters.escalatedOnly ||
    filters.pendingOnly
  );
}

/** Clicking a header: same column flips the direction; a new column starts at its natural direction. */
export function nextSort(current: SortState, key: ProjectionSortKey): SortState {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  // Times read best newest first; everything else A→Z / P1→P4.
  return { key, dir: key === 'updateTime' || key === 'createTime' ? 'desc' : 'asc' };
}

export function ariaSort(current: SortState, key: ProjectionSortKey): 'ascending' | 'descending' | 'none' {
  if (current.key !== key) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
}

/** The state select's value: 'all' | 'open' | 'closed' | a single state. */
export function stateChoiceOf(filters: CaseFilters): string {
  if (filters.states.length === 1) return filters.states[0] as string;
  return filters.status;
}

export function filtersForStateChoice(choice: string): Pick<CaseFilters, 'status' | 'states'> {
  if (choice === 'all' || choice === 'open' || choice === 'closed') return { status: choice, states: [] };
  return { status: 'all', states: [choice as CaseFilters['states'][number]] };
}
