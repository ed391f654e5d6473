// The projection's public shapes (renderer/data/projection.ts builds one per account).

import type { CaseState, Priority } from '../../shared/domain/case-model';
import type { CaseFacetInput, CaseFacets, CommentFacetInput } from './case-facets';

/** What the projection needs of a case; CaseRecord satisfies it. */
export interface ProjectionCaseInput extends CaseFacetInput {
  readonly name: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly displayName: string;
  readonly description: string;
  readonly priority: Priority;
  readonly state: CaseState;
  readonly escalated: boolean;
  readonly updateTimeMs: number;
  readonly createTimeMs: number;
  /** A priority value this version does not know (`priority` then holds the stand-in): shown as "Other". */
  readonly otherPriority?: string | undefined;
}

export interface ProjectionCustomerInput {
  readonly customerId: string;
  readonly displayName: string;
}

export interface ProjectedCase {
  readonly name: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly title: string;
  readonly priority: Priority;
  readonly state: CaseState;
  readonly open: boolean;
  readonly escalated: boolean;
  readonly updateTimeMs: number;
  readonly createTimeMs: number;
  /** Google sent a priority this version does not know. */
  readonly otherPriority?: true;
}

/** `sla`: time left on the running SLA clock, a key the projection gets from outside (setSlaKey). */
export type ProjectionSortKey = 'updateTime' | 'priority' | 'state' | 'caseNumber' | 'title' | 'customer' | 'createTime' | 'sla';
export type SortDir = 'asc' | 'desc';

export interface ProjectionQuery {
  readonly keyword?: string;
  readonly states?: readonly CaseState[];
  readonly priorities?: readonly Priority[];
  readonly customerIds?: readonly string[];
  readonly escalated?: boolean;
  /** Only cases with a pending local change (names from the outbox overlay). */
  readonly pendingCaseNames?: ReadonlySet<string>;
  /** Only these cases (a view's set: mine, needs my reply, unread, a category; a dashboard drill-down). */
  readonly onlyNames?: ReadonlySet<string>;
  readonly openOnly?: boolean;
  readonly closedOnly?: boolean;
  /** Default: most recently updated first. */
  readonly sort?: { readonly key: ProjectionSortKey; readonly dir: SortDir };
}

export interface ProjectionResult {
  /** Row ids in display order; resolve with `nameOf` / `rowOf` (virtual lists read only what they show). */
  readonly ids: Uint32Array;
  readonly total: number;
}

export interface Projection {
  readonly size: number;
  /** Bumped on every change, for memoising derived UI state. */
  readonly version: number;
  upsertCases(records: readonly ProjectionCaseInput[]): void;
  removeCases(names: Iterable<string>): void;
  /** Adds a comment's words to the case's searchable text (comments are immutable); `meta` feeds "who spoke last". */
  addCommentText(caseName: string, text: string, meta?: CommentFacetInput): void;
  /** Who each case involves, its category, who spoke last (the views' sets). */
  readonly facets: CaseFacets;
  setCustomers(customers: readonly ProjectionCustomerInput[]): void;
  has(name: string): boolean;
  /** Builds lazy structures now (end of hydration) so the first keystroke does not pay for them. */
  warm(): void;
  /** Brings the default order (most recently updated) up to date; hydration calls it between pages. */
  refreshOrder(): void;
  query(q: ProjectionQuery): ProjectionResult;
  nameOf(id: number): string;
  rowOf(id: number): ProjectedCase;
  names(result: ProjectionResult, start?: number, end?: number): string[];
  stats(): ProjectionStats;
  /**
   * The `sla` order's key per case (when its running clock runs out; Infinity when none
   * runs), which depends on the agency's plans and the threads, not on the projection.
   * Setting a new function rebuilds that order on its next use.
   */
  setSlaKey(keyOf: ((row: ProjectedCase) => number) | undefined): void;
}

export interface ProjectionStats {
  rows: number;
  liveRows: number;
  tokens: number;
  postings: number;
  rowTokenIds: number;
}
