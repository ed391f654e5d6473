import { useDeferredValue, useMemo } from 'react';
import type { AccountRuntime } from '../../app/account-runtime';
import { useRuntimeVersion } from '../../app/runtime-context';
import { loadHeadSnapshot, pendingCaseRefs, pendingCasesFromCreates, type ProjectionResult } from '../../data';
import { useCustomers, useHeadCases } from '../../data/hooks';
import { useDrillNames } from '../../state/drill-store';
import type { CaseFilters } from '../../state/tab-store';
import { useRuntimeSla } from '../sla-plans';
import { filtersToQuery, hasActiveFilters, type SortState } from './case-query';
import { rowFromProjection, rowFromRecord, type ListRow, type RowContext } from './row-model';

export interface DomainRows {
  readonly count: number;
  /** Cases matching the filters (local creates not counted). */
  readonly total: number;
  readonly rowAt: (index: number) => ListRow | undefined;
  readonly indexOf: (name: string) => number;
  /** Nothing to show yet: skeleton rows. */
  readonly loading: boolean;
  readonly hydrated: boolean;
  /** The rows are the first screen only (projection still hydrating). */
  readonly partial: boolean;
}

const HEAD_ROWS = 50;

/**
 * One domain's list rows for a set of filters: the projection answers (never a Dexie
 * scan); until it is hydrated, the most recent cases from the replica fill the first
 * screen. The keyword is deferred so typing never waits for the list.
 */
export function useDomainRows(
  runtime: AccountRuntime,
  filters: CaseFilters,
  sort: SortState,
  nowMs: number,
  customerId?: string,
): DomainRows {
  const version = useRuntimeVersion(runtime);
  const customers = useCustomers(runtime.db);
  // The live head query, or until it answers, the snapshot saved last time (no IndexedDB wait).
  const snapshot = useMemo(() => loadHeadSnapshot(runtime.account.id), [runtime.account.id]);
  const head = useHeadCases(runtime.db, HEAD_ROWS) ?? snapshot;
  const keyword = useDeferredValue(filters.keyword);
  const hydrated = runtime.isHydrated;
  const outbox = runtime.outbox;

  const customerInfo = useMemo(() => new Map((customers ?? []).map((c) => [c.customerId, { name: c.displayName }])), [customers]);
  const slaOf = useRuntimeSla(runtime, nowMs, version);
  const caseNames = useDrillNames(runtime.account.id, customerId); // a dashboard drill-down: exactly its cases

  // `version` stands for the runtime's mutable outbox and projection
  const pendingRefs = useMemo(() => pendingCaseRefs(outbox), [outbox, version]);

  const ctx: RowContext = useMemo(
    () => ({
      accountId: runtime.account.id,
      outbox,
      pendingRefs,
      slaOf,
      nowMs,
    }),
    [runtime.account.id, outbox, pendingRefs, slaOf, nowMs],
  );

  const result: ProjectionResult | undefined = useMemo(
    () =>
      hydrated
        ? runtime.projection.query(
            filtersToQuery(filters, {
              keyword,
              sort,
              pendingCaseNames: pendingRefs,
              caseNames,
              ...(customerId !== undefined ? { customerId } : {}),
            }),
          )
        : undefined,
    // `version` bumps when the projection changes
    [hydrated, runtime.projection, filters, keyword, sort, pendingRefs, customerId, caseNames, version],
  );

  // Cases created offline, not filed yet: on top, while the filters could include a new case.
  const locals = useMemo(() => {
    if (caseNames || filters.status === 'closed' || filters.escalatedOnly || keyword.trim() !== '') return [];
    if (filters.states.length > 0 && !filters.states.includes('NEW')) return [];
    const existing = new Set(
      outbox.flatMap((entry) => (entry.resultName && runtime.projection.has(entry.resultName) ? [entry.resultName] : [])),
    );
    return pendingCasesFromCreates(outbox, existing)
      .filter((view) =>
        customerId === undefined
          ? filters.customerIds.length === 0 || filters.customerIds.includes(view.customerId)
          : view.customerId === customerId,
      )
      .filter((view) => filters.priorities.length === 0 || filters.priorities.includes(view.priority));
    // `version` bumps when the outbox changes
  }, [outbox, filters, keyword, customerId, runtime.projection, caseNames, version]);

  return useMemo((): DomainRows => {
    const cache = new Map<number, ListRow>();
    const nameOfCustomer = (id: string): string => customerInfo.get(id)?.name ?? id;
    if (result) {
      const localRows = locals.map((view) => rowFromRecord(view, nameOfCustomer(view.customerId), ctx));
      const count = localRows.length + result.total;
      return {
        count,
        total: result.total,
        hydrated: true,
        loading: false,
        partial: false,
        rowAt(index) {
          if (index < localRows.length) return localRows[index];
          const cached = cache.get(index);
          if (cached) return cached;
          const id = result.ids[index - localRows.length];
          if (id === undefined) return undefined;
          const row = rowFromProjection(runtime.projection.rowOf(id), ctx);
          cache.set(index, row);
          return row;
        },
        indexOf(name) {
          const local = localRows.findIndex((row) => row.name === name);
          if (local >= 0) return local;
          for (let i = 0; i < result.ids.length; i++)
            if (runtime.projection.nameOf(result.ids[i] as number) === name) return localRows.length + i;
          return -1;
        },
      };
    }
    // Not hydrated yet: the head rows can stand in only for an unfiltered, default-sorted list.
    const canUseHead =
      head !== undefined && !hasActiveFilters(filters) && customerId === undefined && sort.key === 'updateTime' && sort.dir === 'desc';
    const rows = canUseHead ? head.map((record) => rowFromRecord(record, nameOfCustomer(record.customerId), ctx)) : [];
    return {
      count: rows.length,
      total: rows.length,
      hydrated: false,
      loading: !canUseHead,
      partial: true,
      rowAt: (index) => rows[index],
      indexOf: (name) => rows.findIndex((row) => row.name === name),
    };
  }, [result, locals, ctx, customerInfo, head, filters, customerId, sort, runtime.projection]);
}
