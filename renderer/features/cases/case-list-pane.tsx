import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { openCase } from '../../runtime/open-case';
import { useCategories, useCustomers } from '../../data/hooks';
import { useTab, useTabStore } from '../../state/tab-store';
import { CaseDetail } from '../case-detail';
import { BulkBar } from './bulk-bar';
import { CaseList } from './case-list';
import { DrillBanner } from './drill-banner';
import { hasActiveFilters, nextSort } from './case-query';
import { DetailSplit } from './detail-split';
import { EmptyList } from './empty-list';
import { FilterBar, SaveViewControl } from './filter-bar';
import type { ListRow } from './row-model';
import { useDomainRows, type DomainRows } from './use-domain-rows';
import { useListKeys } from './use-list-keys';
import { useNow } from './use-now';

/** Selecting, opening and picking rows of a domain's list, by index. */
function useRowActions(rows: DomainRows, selectedCase: string | undefined, selection: readonly string[]) {
  const runtime = useAccountRuntime();
  const { selectCase, toggleSelection } = useTabStore().getState();
  const selectedIndex = useMemo(() => (selectedCase ? rows.indexOf(selectedCase) : -1), [rows, selectedCase]);
  const pickedNames = useMemo(() => new Set(selection), [selection]);
  const isPicked = useCallback((row: ListRow) => pickedNames.has(row.name), [pickedNames]);
  const select = useCallback((index: number) => selectCase(rows.rowAt(index)?.name), [rows, selectCase]);
  const open = useCallback(
    (index: number) => {
      const row = rows.rowAt(index);
      if (row) openCase(runtime.account.id, row.name);
    },
    [rows, runtime.account.id],
  );
  const toggle = useCallback(
    (index: number) => {
      const row = rows.rowAt(index);
      if (row) toggleSelection(row.name);
    },
    [rows, toggleSelection],
  );
  return { selectedIndex, isPicked, select, open, toggle };
}

/** A domain's case list (optionally one customer's) beside the selected case's detail. */
export function CaseListPane({ customerId }: { customerId?: string }): React.JSX.Element {
  const { t } = useTranslation('views');
  const runtime = useAccountRuntime();
  const scope = useTab((state) => state.scope);
  const filters = useTab((state) => state.filters);
  const caseView = useTab((state) => state.caseView);
  const savedViews = useTab((state) => state.savedViews);
  const sort = useTab((state) => state.sort);
  const selectedCase = useTab((state) => state.selectedCase);
  const selection = useTab((state) => state.selection);
  const listKey = customerId === undefined ? 'cases' : `customer:${customerId}`;
  const scrollTop = useTab((state) => state.scrollTops[listKey] ?? 0);
  const detailWidth = useTab((state) => state.detailWidth);
  const detailCollapsed = useTab((state) => state.detailCollapsed);
  // Actions are stable: read them once instead of subscribing to the whole store.
  const { setFilters, resetFilters, setSort, clearSelection, setScrollTop, saveView, setView, setDetailWidth, setDetailCollapsed } =
    useTabStore().getState();
  const customers = useCustomers(runtime.db);
  const categories = useCategories(runtime.db);
  const nowMs = useNow();
  const rows = useDomainRows(runtime, { scope, filters }, sort, nowMs, customerId);
  const keywordRef = useRef<HTMLInputElement>(null);

  const { selectedIndex, isPicked, select, open, toggle } = useRowActions(rows, selectedCase, selection);
  useListKeys({
    count: rows.count,
    selectedIndex,
    select,
    open,
    toggle,
    newCase: () => setView('new-case'),
    focusKeyword: () => keywordRef.current?.focus(),
  });

  const filtered = customerId === undefined ? hasActiveFilters(filters, caseView, savedViews) : hasActiveFilters(filters, 'all');
  const anyP0 = useMemo(() => rows.hydrated && runtime.projection.query({ priorities: ['P0'] }).total > 0, [rows, runtime.projection]);
  const showP0 = filters.priorities.includes('P0') || anyP0;

  const list = (
    <div className="cases-pane" data-testid="cases-pane" data-domain={runtime.account.domain}>
      {customerId === undefined && <DrillBanner tabId={runtime.account.id} />}
      <FilterBar
        filters={filters}
        onChange={setFilters}
        keywordRef={keywordRef}
        customers={customerId === undefined ? customers : undefined}
        categories={categories}
        showP0={showP0}
      />
      <div className="filter-meta">
        <span className="count" data-testid="list-count" data-total={rows.total} data-hydrated={rows.hydrated} data-count={rows.count}>
          {rows.partial ? t('list.loadingAll') : t('list.count', { count: rows.total })}
        </span>
        {filtered && (
          <button type="button" className="link" onClick={resetFilters} data-testid="clear-filters">
            {customerId === undefined ? t('list.reset') : t('filters.clear')}
          </button>
        )}
        <span className="spacer" />
        {filtered && customerId === undefined && <SaveViewControl onSave={saveView} />}
      </div>
      <BulkBar runtime={runtime} selection={selection} onClear={clearSelection} />
      <CaseList
        label={t('cases:list.label', { domain: runtime.account.domain })}
        count={rows.count}
        rowAt={rows.rowAt}
        selectedIndex={selectedIndex}
        isPicked={isPicked}
        sort={sort}
        onSort={(key) => setSort(nextSort(sort, key))}
        onSelect={select}
        onOpen={open}
        onTogglePick={toggle}
        loading={rows.loading}
        initialScrollTop={scrollTop}
        onScrollTop={(top) => setScrollTop(listKey, top)}
        nowMs={nowMs}
        highlight={filters.keyword}
        empty={<EmptyList filtered={filtered} onClear={resetFilters} />}
      />
    </div>
  );
  return (
    <DetailSplit
      list={list}
      detail={selectedCase ? <CaseDetail key={selectedCase} caseName={selectedCase} /> : undefined}
      width={detailWidth}
      collapsed={detailCollapsed}
      onResize={setDetailWidth}
      onCollapse={setDetailCollapsed}
    />
  );
}
