import { useCallback, useDeferredValue, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { useRuntimes } from '../../runtime/runtime-context';
import { pendingCaseRefs } from '../../data';
import { allDomainsTabId, useAppStore } from '../../state/app-store';
import { builtInViews } from '../../state/case-views';
import { useDrill } from '../../state/drill-store';
import { useTakenStore } from '../../state/taken-store';
import { tabStoreFor, useTab, useTabStore } from '../../state/tab-store';
import { useUnreadStore } from '../../state/unread-store';
import { runtimeSla, slaDueFor, useAgency } from '../sla-plans';
import { CaseList } from './case-list';
import { DrillBanner } from './drill-banner';
import { EmptyList } from './empty-list';
import { filtersToQuery, hasActiveFilters, nextSort } from './case-query';
import { scopeIsOpenOnly, viewNames } from './case-scope';
import { FilterBar } from './filter-bar';
import { mergeSortedRuns, type MergedOrder } from './merge';
import { cachedRows, rowFromProjection, type ListRow, type RowContext } from './row-model';
import { sortKeyOf } from './sort-key';
import { useListKeys } from './use-list-keys';
import { useNow } from './use-now';
import './cases.css';

/** Re-renders when any account's replica, projection or outbox changes. */
function useAllVersions(runtimes: readonly AccountRuntime[]): string {
  return useSyncExternalStore(
    (listener) => {
      const offs = runtimes.map((runtime) => runtime.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    () => runtimes.map((runtime) => `${runtime.version}:${runtime.isHydrated ? 1 : 0}`).join(','),
  );
}

interface MergedQueue {
  readonly hydrated: readonly AccountRuntime[];
  readonly contexts: readonly RowContext[];
  readonly order: MergedOrder;
  /** Accounts whose projection is still hydrating. */
  readonly waiting: number;
}

/** Every hydrated account's query under the tab's filters, view and sort, merged into one order. */
function useMergedQueue(runtimes: readonly AccountRuntime[], nowMs: number): MergedQueue {
  const versions = useAllVersions(runtimes);
  const filters = useTab((state) => state.filters);
  const scope = useTab((state) => state.scope);
  const sort = useTab((state) => state.sort);
  const taken = useTakenStore((state) => state.taken);
  const unread = useUnreadStore((state) => state.unread);
  const keyword = useDeferredValue(filters.keyword);
  const agency = useAgency();
  const drill = useDrill(allDomainsTabId);
  return useMemo(() => {
    const hydrated = runtimes.filter((runtime) => runtime.isHydrated);
    const contexts: RowContext[] = hydrated.map((runtime) => {
      const pendingRefs = pendingCaseRefs(runtime.outbox);
      return { accountId: runtime.account.id, outbox: runtime.outbox, pendingRefs, slaOf: runtimeSla(runtime, agency, nowMs), nowMs };
    });
    const dueOf = hydrated.map((runtime) => slaDueFor(runtime.facts, agency, nowMs));
    const results = hydrated.map((runtime, index) => {
      // A dashboard drill-down lists exactly its cases, whatever view the tab was on.
      const drilled = drill ? (drill.names.get(runtime.account.id) ?? new Set<string>()) : undefined;
      const onlyNames =
        drilled ??
        viewNames(scope, filters.categoryIds, {
          projection: runtime.projection,
          selfEmail: runtime.account.email,
          taken: taken[runtime.account.id] ?? [],
          unread: unread[runtime.account.id] ?? [],
          outbox: runtime.outbox,
        });
      const extra = { keyword, sort, pendingCaseNames: contexts[index]?.pendingRefs ?? new Set<string>(), onlyNames };
      return runtime.projection.query(
        filtersToQuery({ ...filters, customerIds: [] }, { ...extra, openOnly: !drilled && scopeIsOpenOnly(scope) }),
      );
    });
    const order: MergedOrder = mergeSortedRuns(
      results.map((result) => result.ids),
      (run, id) => sortKeyOf((hydrated[run] as AccountRuntime).projection.rowOf(id), sort.key, dueOf[run]),
      sort.dir,
    );
    return { hydrated, contexts, order, waiting: runtimes.length - hydrated.length, versions };
  }, [runtimes, filters, scope, taken, unread, keyword, sort, agency, drill, nowMs, versions]);
}

/** Row `index` of the merged order, built on first use and kept while the order stands. */
function useRowAt(merged: MergedQueue): (index: number) => ListRow | undefined {
  return useMemo(
    () =>
      cachedRows((index) => {
        if (index >= merged.order.length) return undefined;
        const run = merged.order.runs[index] as number;
        const runtime = merged.hydrated[run] as AccountRuntime;
        return rowFromProjection(runtime.projection.rowOf(merged.order.ids[index] as number), merged.contexts[run] as RowContext);
      }),
    [merged],
  );
}

function ViewSwitch({ caseView, onApply }: { caseView: string; onApply: (id: string) => void }): React.JSX.Element {
  const { t } = useTranslation('views');
  return (
    <div className="view-switch" role="group" aria-label={t('rail.label')}>
      {builtInViews.map((view) => (
        <button
          key={view.id}
          type="button"
          className={`view-switch-item${caseView === view.id ? ' selected' : ''}`}
          aria-pressed={caseView === view.id}
          data-testid={`case-view-${view.id}`}
          onClick={() => onApply(view.id)}
        >
          {t(`names.${view.id}`)}
        </button>
      ))}
    </div>
  );
}

/** Every account's cases in one list, each row tagged with its domain. */
export function AllDomainsQueue(): React.JSX.Element {
  const { t } = useTranslation('views');
  const runtimeMap = useRuntimes();
  const tabOrder = useAppStore((state) => state.tabOrder);
  const runtimes = useMemo(() => {
    const all = [...runtimeMap.values()];
    return all.sort((a, b) => tabOrder.indexOf(a.account.id) - tabOrder.indexOf(b.account.id));
  }, [runtimeMap, tabOrder]);
  const filters = useTab((state) => state.filters);
  const caseView = useTab((state) => state.caseView);
  const sort = useTab((state) => state.sort);
  const selectedKey = useTab((state) => state.selectedCase);
  const scrollTop = useTab((state) => state.scrollTops.all ?? 0);
  const { setFilters, resetFilters, setSort, selectCase, setScrollTop, applyView } = useTabStore().getState();
  const nowMs = useNow();
  const keywordRef = useRef<HTMLInputElement>(null);
  const merged = useMergedQueue(runtimes, nowMs);
  const rowAt = useRowAt(merged);

  const domainOf = useCallback(
    (accountId: string) => {
      const account = runtimeMap.get(accountId)?.account;
      return account ? { domain: account.domain, color: account.color } : undefined;
    },
    [runtimeMap],
  );

  const selectedIndex = useMemo(() => {
    if (!selectedKey) return -1;
    for (let i = 0; i < merged.order.length; i++) if (rowAt(i)?.key === selectedKey) return i;
    return -1;
  }, [selectedKey, merged, rowAt]);

  const select = useCallback((index: number) => selectCase(rowAt(index)?.key), [rowAt, selectCase]);
  const open = useCallback(
    (index: number) => {
      const row = rowAt(index);
      if (!row) return;
      selectCase(row.key);
      // The case opens in its own domain's tab: every action then runs under that account.
      const domainStore = tabStoreFor(row.accountId).getState();
      domainStore.setView('cases');
      domainStore.selectCase(row.name);
      useAppStore.getState().activateTab(row.accountId);
    },
    [rowAt, selectCase],
  );

  useListKeys({ count: merged.order.length, selectedIndex, select, open, focusKeyword: () => keywordRef.current?.focus() });

  const filtered = hasActiveFilters(filters, caseView);
  return (
    <div className="all-domains" data-testid="all-domains">
      <DrillBanner tabId={allDomainsTabId} />
      <FilterBar filters={filters} onChange={setFilters} keywordRef={keywordRef} />
      <div className="filter-meta">
        <ViewSwitch caseView={caseView} onApply={applyView} />
        <span className="count" data-testid="list-count" data-total={merged.order.length} data-hydrated={merged.waiting === 0}>
          {t('list.countAcross', { count: merged.order.length, domains: merged.hydrated.length })}
          {merged.waiting > 0 && ` · ${t('list.loadingDomains', { count: merged.waiting })}`}
        </span>
        {filtered && (
          <button type="button" className="link" onClick={resetFilters}>
            {t('list.reset')}
          </button>
        )}
      </div>
      <CaseList
        label={t('cases:list.allLabel')}
        count={merged.order.length}
        rowAt={rowAt}
        selectedIndex={selectedIndex}
        isPicked={() => false}
        sort={sort}
        onSort={(key) => setSort(nextSort(sort, key))}
        onSelect={select}
        onOpen={open}
        loading={merged.hydrated.length === 0 && runtimes.length > 0}
        initialScrollTop={scrollTop}
        onScrollTop={(top) => setScrollTop('all', top)}
        highlight={filters.keyword}
        domainOf={domainOf}
        nowMs={nowMs}
        empty={<EmptyList filtered={filtered} onClear={resetFilters} />}
      />
    </div>
  );
}
