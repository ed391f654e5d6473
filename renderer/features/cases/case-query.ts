// Pure mapping from a tab's view (scope + filters) to a projection query, and the
// sort-header logic. Kept out of components so the mapping is unit-tested and shared by
// every list (the domain list, a customer's cases, the all-domains queue, the view counts).

import type { ProjectionQuery, ProjectionSortKey, SortDir } from '../../data';
import { OPEN_STATES, presetOf, sameFilters, type CaseFilters, type SavedView } from '../../state/case-views';

export type SortState = { readonly key: ProjectionSortKey; readonly dir: SortDir };

export const defaultSort: SortState = { key: 'updateTime', dir: 'desc' };

export interface QueryOptions {
  /** The deferred keyword (the typed one lags behind the list). */
  readonly keyword?: string;
  readonly sort?: SortState;
  readonly pendingCaseNames?: ReadonlySet<string>;
  /** One customer's list (the Customers drill-down). */
  readonly customerId?: string | undefined;
  /** The view's set of cases (mine, needs my reply, unread, categories), if it has one. */
  readonly onlyNames?: ReadonlySet<string> | undefined;
  /** The scope itself means open cases (needs my reply). */
  readonly openOnly?: boolean;
}

/** Exactly the open statuses: the same as the API's `state=OPEN` (which also keeps unknown states). */
export function isOpenSelection(states: readonly string[]): boolean {
  return states.length === OPEN_STATES.length && OPEN_STATES.every((state) => states.includes(state));
}

/** The projection query for a view (the keyword is passed separately: it is deferred). */
export function filtersToQuery(filters: CaseFilters, options: QueryOptions = {}): ProjectionQuery {
  const keyword = options.keyword ?? filters.keyword;
  const customerIds = options.customerId !== undefined ? [options.customerId] : filters.customerIds;
  const openStates = isOpenSelection(filters.states);
  return {
    ...(keyword.trim() !== '' ? { keyword } : {}),
    ...(filters.states.length > 0 && !openStates ? { states: filters.states } : {}),
    ...(filters.priorities.length > 0 ? { priorities: filters.priorities } : {}),
    ...(customerIds.length > 0 ? { customerIds } : {}),
    ...(filters.escalatedOnly ? { escalated: true } : {}),
    ...(filters.pendingOnly ? { pendingCaseNames: options.pendingCaseNames ?? new Set<string>() } : {}),
    ...(options.onlyNames !== undefined ? { onlyNames: options.onlyNames } : {}),
    ...(openStates || options.openOnly ? { openOnly: true } : {}),
    sort: options.sort ?? defaultSort,
  };
}

/** Whether the filters differ from what the current view itself shows ("Clear filters" goes back to it). */
export function hasActiveFilters(filters: CaseFilters, caseView = 'all', saved: readonly SavedView[] = []): boolean {
  const preset = presetOf(caseView, saved) ?? presetOf('all', []);
  return preset === undefined || !sameFilters(filters, preset.filters);
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
