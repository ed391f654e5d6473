import { useDeferredValue, useMemo } from 'react';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { useRuntimeVersion } from '../../runtime/runtime-context';
import { loadHeadSnapshot, pendingCaseRefs, pendingCasesFromCreates, type ProjectionResult, type ViewCase } from '../../data';
import { useCustomers, useHeadCases } from '../../data/hooks';
import type { CaseFilters, CaseScope } from '../../state/case-views';
import { useDrillNames } from '../../state/drill-store';
import { useTakenNames } from '../../state/taken-store';
import { useUnreadNames } from '../../state/unread-store';
import { useRuntimeSla } from '../sla-plans';
import { filtersToQuery, type SortState } from './case-query';
import { recordInView, scopeIsOpenOnly, viewNames, type ScopeContext } from './case-scope';
import { cachedRows, rowFromProjection, rowFromRecord, type ListRow, type RowContext } from './row-model';

export interface DomainRows {
  readonly count: number;
  /** Cases matching the view (local creates not counted). */
  readonly total: number;
  readonly rowAt: (index: number) => ListRow | undefined;
  readonly indexOf: (name: string) => number;
  /** Nothing to show yet: skeleton rows. */
  readonly loading: boolean;
  readonly hydrated: boolean;
  /** The rows are the first screen only (projection still hydrating). */
  readonly partial: boolean;
}

export interface ListView {
  readonly scope: CaseScope;
  readonly filters: CaseFilters;
}

const HEAD_ROWS = 50;

/** What the scope rules need of an account right now (taken and unread marks, the outbox). */
export function useScopeContext(runtime: AccountRuntime): ScopeContext {
  const version = useRuntimeVersion(runtime);
  const taken = useTakenNames(runtime.account.id);
  const unread = useUnreadNames(runtime.account.id);
  const outbox = runtime.outbox;
  // `version` stands for the runtime's mutable outbox and projection.
  return useMemo(
    () => ({ projection: runtime.projection, selfEmail: runtime.account.email, taken, unread, outbox, version }),
    [runtime.projection, runtime.account.email, taken, unread, outbox, version],
  );
}

/** A case filed from here: under its server name as soon as it has one (so list and detail agree). */
function filedName(view: ViewCase, runtime: AccountRuntime): ViewCase {
  const entry = runtime.outbox.find((e) => e.mutation.kind === 'create_case' && e.mutation.localId === view.name);
  if (!entry?.resultName) return view;
  return { ...view, name: entry.resultName, caseNumber: entry.resultName.split('/').pop() ?? '' };
}

/**
 * One domain's list rows for a view: the projection answers (never a Dexie scan); until it
 * is hydrated, the most recent cases from the replica that match the view fill the first
 * screen. The keyword is deferred so typing never waits for the list.
 */
export function useDomainRows(runtime: AccountRuntime, view: ListView, sort: SortState, nowMs: number, customerId?: string): DomainRows {
  const version = useRuntimeVersion(runtime);
  const customers = useCustomers(runtime.db);
  // The live head query, or until it answers, the snapshot saved last time (no IndexedDB wait).
  const snapshot = useMemo(() => loadHeadSnapshot(runtime.account.id), [runtime.account.id]);
  const head = useHeadCases(runtime.db, HEAD_ROWS) ?? snapshot;
  const { filters } = view;
  // A dashboard drill-down lists exactly its cases, whatever view the tab was on.
  const drillNames = useDrillNames(runtime.account.id, customerId);
  const scope: CaseScope = customerId === undefined && drillNames === undefined ? view.scope : 'all';
  const keyword = useDeferredValue(filters.keyword);
  const hydrated = runtime.isHydrated;
  const outbox = runtime.outbox;
  const scopeContext = useScopeContext(runtime);

  const customerInfo = useMemo(() => new Map((customers ?? []).map((c) => [c.customerId, { name: c.displayName }])), [customers]);
  const slaOf = useRuntimeSla(runtime, nowMs, version);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the runtime's mutable outbox and projection
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

  const result: ProjectionResult | undefined = useMemo(() => {
    if (!hydrated) return undefined;
    const onlyNames = drillNames ?? viewNames(scope, filters.categoryIds, scopeContext);
    return runtime.projection.query(
      filtersToQuery(filters, { keyword, sort, pendingCaseNames: pendingRefs, customerId, onlyNames, openOnly: scopeIsOpenOnly(scope) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` bumps when the projection changes
  }, [hydrated, runtime.projection, scope, filters, keyword, sort, pendingRefs, customerId, scopeContext, drillNames, version]);

  // Cases filed from here that the replica does not have yet: on top, when the view would include them.
  const locals = useMemo(() => {
    if (drillNames) return [];
    const existing = new Set(
      outbox.flatMap((entry) => (entry.resultName && runtime.projection.has(entry.resultName) ? [entry.resultName] : [])),
    );
    return pendingCasesFromCreates(outbox, existing)
      .filter(
        (local) =>
          recordInView(
            { ...local, creatorEmail: runtime.account.email },
            { scope, filters: { ...filters, keyword } },
            scopeContext,
            customerId,
          ) === true,
      )
      .map((local) => filedName(local, runtime));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` bumps when the outbox changes
  }, [outbox, scope, filters, keyword, customerId, runtime, scopeContext, drillNames, version]);

  return useMemo((): DomainRows => {
    const nameOfCustomer = (id: string): string => customerInfo.get(id)?.name ?? id;
    const localRows = locals.map((local) => rowFromRecord(local, nameOfCustomer(local.customerId), ctx));
    if (result) {
      return {
        count: localRows.length + result.total,
        total: result.total,
        hydrated: true,
        loading: false,
        partial: false,
        rowAt: cachedRows((index) => {
          if (index < localRows.length) return localRows[index];
          const id = result.ids[index - localRows.length];
          return id === undefined ? undefined : rowFromProjection(runtime.projection.rowOf(id), ctx);
        }),
        indexOf(name) {
          const local = localRows.findIndex((row) => row.name === name);
          if (local >= 0) return local;
          for (let i = 0; i < result.ids.length; i++)
            if (runtime.projection.nameOf(result.ids[i] as number) === name) return localRows.length + i;
          return -1;
        },
      };
    }
    // Not hydrated yet: the newest rows that match the view stand in, in the default order only.
    const headView = { scope, filters: { ...filters, keyword } };
    const matches = head?.map((record) => recordInView(record, headView, scopeContext, customerId));
    const canUseHead = matches !== undefined && !matches.includes(undefined) && sort.key === 'updateTime' && sort.dir === 'desc';
    const rows = canUseHead
      ? [
          ...localRows,
          ...(head ?? []).filter((_, i) => matches[i]).map((record) => rowFromRecord(record, nameOfCustomer(record.customerId), ctx)),
        ]
      : [];
    return {
      count: rows.length,
      total: rows.length,
      hydrated: false,
      loading: !canUseHead,
      partial: true,
      rowAt: (index) => rows[index],
      indexOf: (name) => rows.findIndex((row) => row.name === name),
    };
  }, [result, locals, ctx, customerInfo, head, scope, filters, keyword, customerId, sort, runtime.projection, scopeContext]);
}
