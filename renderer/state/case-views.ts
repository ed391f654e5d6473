// The case list's views (issue 17 §1): which cases (the scope) and the filters on top.
// Built-in views are presets; saved views are the agent's own. Pure data, shared by the
// tab store (defaults, migration) and the cases feature (rail, counts, active mark).

import { SELECTABLE_CASE_STATES, type CaseState, type Priority } from '../../shared/domain';

/**
 * Which cases a view starts from. `mine`: created by the agent, followed by them, or taken
 * on this workstation; `needs-reply`: open, and Google spoke last or asked for action;
 * `unread`: Google replied since the agent last opened it; `all`: every case of the domain.
 */
export type CaseScope = 'mine' | 'needs-reply' | 'unread' | 'all';
export const CASE_SCOPES = ['mine', 'needs-reply', 'unread', 'all'] as const satisfies readonly CaseScope[];

export interface CaseFilters {
  keyword: string;
  /** Empty: any status. */
  states: CaseState[];
  priorities: Priority[];
  customerIds: string[];
  /** Category (classification) ids; the product is the first level of the category. */
  categoryIds: string[];
  escalatedOnly: boolean;
  pendingOnly: boolean;
}

export const emptyFilters: CaseFilters = {
  keyword: '',
  states: [],
  priorities: [],
  customerIds: [],
  categoryIds: [],
  escalatedOnly: false,
  pendingOnly: false,
};

/** Every status but Closed: what "open" means in the list (and the API's `state=OPEN`). */
export const OPEN_STATES: readonly CaseState[] = SELECTABLE_CASE_STATES.filter((state) => state !== 'CLOSED');

export type BuiltInViewId = 'mine' | 'needs-reply' | 'unread' | 'all-open' | 'all';

export interface CaseViewPreset {
  readonly scope: CaseScope;
  readonly filters: CaseFilters;
}

export const builtInViews: ReadonlyArray<{ readonly id: BuiltInViewId } & CaseViewPreset> = [
  { id: 'mine', scope: 'mine', filters: { ...emptyFilters, states: [...OPEN_STATES] } },
  { id: 'needs-reply', scope: 'needs-reply', filters: emptyFilters },
  { id: 'unread', scope: 'unread', filters: emptyFilters },
  { id: 'all-open', scope: 'all', filters: { ...emptyFilters, states: [...OPEN_STATES] } },
  { id: 'all', scope: 'all', filters: emptyFilters },
];

export const defaultViewId: BuiltInViewId = 'mine';

export interface SavedView extends CaseViewPreset {
  readonly id: string;
  readonly name: string;
}

export function isBuiltInViewId(id: string): id is BuiltInViewId {
  return builtInViews.some((view) => view.id === id);
}

/** The preset of a view id (built-in or saved), or undefined when it no longer exists. */
export function presetOf(id: string, saved: readonly SavedView[]): CaseViewPreset | undefined {
  return builtInViews.find((view) => view.id === id) ?? saved.find((view) => view.id === id);
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

export function sameFilters(a: CaseFilters, b: CaseFilters): boolean {
  return (
    a.keyword.trim() === b.keyword.trim() &&
    sameList(a.states, b.states) &&
    sameList(a.priorities, b.priorities) &&
    sameList(a.customerIds, b.customerIds) &&
    sameList(a.categoryIds, b.categoryIds) &&
    a.escalatedOnly === b.escalatedOnly &&
    a.pendingOnly === b.pendingOnly
  );
}
