import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { CaseState, Priority } from '../../shared/domain';
import type { ProjectionSortKey, SortDir } from '../data';

export type DomainView = 'cases' | 'customers' | 'pending' | 'new-case' | 'settings' | 'dashboard';

export interface CaseFilters {
  keyword: string;
  /** 'open' / 'closed' shortcuts, or exact states. */
  status: 'all' | 'open' | 'closed';
  states: CaseState[];
  priorities: Priority[];
  customerIds: string[];
  escalatedOnly: boolean;
  pendingOnly: boolean;
}

export const emptyFilters: CaseFilters = {
  keyword: '',
  status: 'all',
  states: [],
  priorities: [],
  customerIds: [],
  escalatedOnly: false,
  pendingOnly: false,
};

export interface SavedView {
  readonly id: string;
  readonly name: string;
  readonly filters: CaseFilters;
}

export interface TabState {
  view: DomainView;
  filters: CaseFilters;
  sort: { key: ProjectionSortKey; dir: SortDir };
  /** The case shown in the detail pane (a case name or `local:` id). */
  selectedCase: string | undefined;
  /** Rows picked for a bulk action. */
  selection: string[];
  scrollTop: number;
  /** Customer whose cases the Customers view shows. */
  customerId: string | undefined;
  /** The open case sub-tab, if one is in front instead of the view. */
  caseTab: string | undefined;
  savedViews: SavedView[];
}

export interface TabActions {
  setView(view: DomainView): void;
  setFilters(patch: Partial<CaseFilters>): void;
  resetFilters(): void;
  setSort(sort: TabState['sort']): void;
  selectCase(name: string | undefined): void;
  toggleSelection(name: string): void;
  clearSelection(): void;
  setScrollTop(top: number): void;
  setCustomer(customerId: string | undefined): void;
  setCaseTab(name: string | undefined): void;
  saveView(name: string): void;
  applyView(id: string): void;
  deleteView(id: string): void;
}

export type TabStore = StoreApi<TabState & TabActions>;

/** One store per tab (created with createStore, provided by context), persisted under the tab's key. */
export function createTabStore(tabId: string, storage: Storage = localStorage): TabStore {
  return createStore<TabState & TabActions>()(
    persist(
      (set, get) => ({
        view: 'cases',
        filters: emptyFilters,
        sort: { key: 'updateTime', dir: 'desc' },
        selectedCase: undefined,
        selection: [],
        scrollTop: 0,
        customerId: undefined,
        caseTab: undefined,
        savedViews: [],
        setView: (view) => set({ view, caseTab: undefined }),
        setFilters: (patch) => set({ filters: { ...get().filters, ...patch }, scrollTop: 0 }),
        resetFilters: () => set({ filters: emptyFilters, scrollTop: 0 }),
        setSort: (sort) => set({ sort }),
        selectCase: (name) => set({ selectedCase: name }),
        toggleSelection: (name) => {
          const selection = get().selection;
          set({ selection: selection.includes(name) ? selection.filter((other) => other !== name) : [...selection, name] });
        },
        clearSelection: () => set({ selection: [] }),
        setScrollTop: (top) => set({ scrollTop: top }),
        setCustomer: (customerId) => set({ customerId }),
        setCaseTab: (name) => set({ caseTab: name }),
        saveView: (name) => set({ savedViews: [...get().savedViews, { id: crypto.randomUUID(), name, filters: get().filters }] }),
        applyView: (id) => {
          const view = get().savedViews.find((candidate) => candidate.id === id);
          if (view) set({ filters: view.filters, view: 'cases', caseTab: undefined });
        },
        deleteView: (id) => set({ savedViews: get().savedViews.filter((candidate) => candidate.id !== id) }),
      }),
      {
        name: `rsc-tab-${tabId}`,
        storage: createJSONStorage(() => storage),
        partialize: ({ view, filters, sort, selectedCase, selection, scrollTop, customerId, caseTab, savedViews }) => ({
          view,
          filters,
          sort,
          selectedCase,
          selection,
          scrollTop,
          customerId,
          caseTab,
          savedViews,
        }),
      },
    ),
  );
}

const tabStores = new Map<string, TabStore>();

/** The store of a tab, created on first use and kept while the tab exists. */
export function tabStoreFor(tabId: string): TabStore {
  let store = tabStores.get(tabId);
  if (!store) {
    store = createTabStore(tabId);
    tabStores.set(tabId, store);
  }
  return store;
}

export function disposeTabStore(tabId: string): void {
  tabStores.delete(tabId);
  localStorage.removeItem(`rsc-tab-${tabId}`);
}

export const TabStoreContext = createContext<TabStore | undefined>(undefined);

export function useTab<T>(selector: (state: TabState & TabActions) => T): T {
  const store = useContext(TabStoreContext);
  if (!store) throw new Error('useTab outside a tab');
  return useStore(store, selector);
}

export function useTabStore(): TabStore {
  const store = useContext(TabStoreContext);
  if (!store) throw new Error('useTabStore outside a tab');
  return store;
}
