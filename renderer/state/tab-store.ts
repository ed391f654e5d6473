import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ProjectionSortKey, SortDir } from '../data';
import { accountKey, browserStorage, persistOptions, storageKeys } from '../platform/storage';
import { tabStateSchema } from './tab-state-schema';
import {
  defaultViewId,
  emptyFilters,
  OPEN_STATES,
  presetOf,
  type CaseFilters,
  type CaseScope,
  type CaseViewPreset,
  type SavedView,
} from './case-views';

export type DomainView = 'cases' | 'customers' | 'pending' | 'new-case' | 'settings' | 'dashboard';

export { emptyFilters, type CaseFilters, type CaseScope, type SavedView } from './case-views';

export interface TabState {
  view: DomainView;
  /** The case view in front: a built-in id ('mine', 'needs-reply', …) or a saved view's id. */
  caseView: string;
  scope: CaseScope;
  filters: CaseFilters;
  sort: { key: ProjectionSortKey; dir: SortDir };
  /** The case shown in the detail pane (a case name or `local:` id). */
  selectedCase: string | undefined;
  /** Rows picked for a bulk action. */
  selection: string[];
  /** Scroll position per list ('cases', 'customer:<id>', 'all'), so a drill-down starts at the top. */
  scrollTops: Record<string, number>;
  /** Customer whose cases the Customers view shows. */
  customerId: string | undefined;
  /** The open case sub-tab, if one is in front instead of the view. */
  caseTab: string | undefined;
  savedViews: SavedView[];
  /** Width of the detail pane beside the list in px (undefined: the default). */
  detailWidth: number | undefined;
  /** The agent folded the detail pane away: the list takes the whole width. */
  detailCollapsed: boolean;
}

export interface TabActions {
  setView(view: DomainView): void;
  setFilters(patch: Partial<CaseFilters>): void;
  /** Back to the current case view's own filters. */
  resetFilters(): void;
  applyView(id: string): void;
  setSort(sort: TabState['sort']): void;
  selectCase(name: string | undefined): void;
  toggleSelection(name: string): void;
  clearSelection(): void;
  setScrollTop(list: string, top: number): void;
  setCustomer(customerId: string | undefined): void;
  setCaseTab(name: string | undefined): void;
  /** Saves the current scope and filters under a name and makes it the current view. */
  saveView(name: string): void;
  renameView(id: string, name: string): void;
  deleteView(id: string): void;
  /** Moves a saved view up (-1) or down (+1) in the rail. */
  moveView(id: string, step: -1 | 1): void;
  setDetailWidth(width: number): void;
  setDetailCollapsed(collapsed: boolean): void;
}

export type TabStore = StoreApi<TabState & TabActions>;

const defaultPreset = presetOf(defaultViewId, []) as CaseViewPreset;

type PersistedTab = Partial<TabState> & { filters?: Partial<CaseFilters> & { status?: 'all' | 'open' | 'closed' } };

/** Version 0 had one status shortcut beside the states and no scopes: map it onto states. */
function migrateFilters(old: Partial<CaseFilters> & { status?: 'all' | 'open' | 'closed' }): CaseFilters {
  const { status, ...rest } = old;
  const states =
    rest.states && rest.states.length > 0
      ? rest.states
      : status === 'open'
        ? [...OPEN_STATES]
        : status === 'closed'
          ? ['CLOSED' as const]
          : [];
  return { ...emptyFilters, ...rest, states };
}

export function migrateTabState(persisted: unknown, version: number): PersistedTab {
  const old = (persisted ?? {}) as PersistedTab & { scrollTop?: number };
  if (version >= 1) return old;
  const { scrollTop: _scrollTop, ...rest } = old;
  return {
    ...rest,
    // The new default view: the agent's own open cases.
    caseView: defaultViewId,
    scope: defaultPreset.scope,
    filters: { ...defaultPreset.filters },
    savedViews: (old.savedViews ?? []).map((saved) => ({ ...saved, scope: 'all', filters: migrateFilters(saved.filters ?? {}) })),
  };
}

const persistedKeys: ReadonlyArray<keyof TabState> = [
  'view',
  'caseView',
  'scope',
  'filters',
  'sort',
  'selectedCase',
  'selection',
  'scrollTops',
  'customerId',
  'caseTab',
  'savedViews',
  'detailWidth',
  'detailCollapsed',
];

/** One store per tab (created with createStore, provided by context), persisted under the tab's key. */
export function createTabStore(tabId: string, storage: Storage = browserStorage.local()): TabStore {
  return createStore<TabState & TabActions>()(
    persist(
      (set, get) => ({
        view: 'cases',
        caseView: defaultViewId,
        scope: defaultPreset.scope,
        filters: { ...defaultPreset.filters },
        sort: { key: 'updateTime', dir: 'desc' },
        selectedCase: undefined,
        selection: [],
        scrollTops: {},
        customerId: undefined,
        caseTab: undefined,
        savedViews: [],
        detailWidth: undefined,
        detailCollapsed: false,
        setView: (view) => set({ view, caseTab: undefined }),
        setFilters: (patch) => set({ filters: { ...get().filters, ...patch }, scrollTops: { ...get().scrollTops, cases: 0, all: 0 } }),
        resetFilters: () => {
          const preset = presetOf(get().caseView, get().savedViews) ?? defaultPreset;
          set({ filters: { ...preset.filters }, scope: preset.scope, scrollTops: { ...get().scrollTops, cases: 0, all: 0 } });
        },
        applyView: (id) => {
          const preset = presetOf(id, get().savedViews);
          if (!preset) return;
          set({
            caseView: id,
            scope: preset.scope,
            filters: { ...preset.filters },
            view: 'cases',
            caseTab: undefined,
            scrollTops: { ...get().scrollTops, cases: 0 },
          });
        },
        setSort: (sort) => set({ sort }),
        selectCase: (name) => set({ selectedCase: name }),
        toggleSelection: (name) => {
          const selection = get().selection;
          set({ selection: selection.includes(name) ? selection.filter((other) => other !== name) : [...selection, name] });
        },
        clearSelection: () => set({ selection: [] }),
        setScrollTop: (list, top) => set({ scrollTops: { ...get().scrollTops, [list]: top } }),
        setCustomer: (customerId) => set({ customerId }),
        setCaseTab: (name) => set({ caseTab: name }),
        saveView: (name) => {
          const id = crypto.randomUUID();
          set({ savedViews: [...get().savedViews, { id, name, scope: get().scope, filters: get().filters }], caseView: id });
        },
        renameView: (id, name) => set({ savedViews: get().savedViews.map((saved) => (saved.id === id ? { ...saved, name } : saved)) }),
        deleteView: (id) => {
          const savedViews = get().savedViews.filter((candidate) => candidate.id !== id);
          // The filters stay on screen; the view they came from is gone.
          set(get().caseView === id ? { savedViews, caseView: get().scope === 'all' ? 'all' : get().scope } : { savedViews });
        },
        moveView: (id, step) => {
          const list = [...get().savedViews];
          const from = list.findIndex((saved) => saved.id === id);
          const to = from + step;
          if (from < 0 || to < 0 || to >= list.length) return;
          const [moved] = list.splice(from, 1);
          list.splice(to, 0, moved as SavedView);
          set({ savedViews: list });
        },
        setDetailWidth: (width) => set({ detailWidth: Math.round(width), detailCollapsed: false }),
        setDetailCollapsed: (collapsed) => set({ detailCollapsed: collapsed }),
      }),
      persistOptions<TabState & TabActions, Partial<TabState>>(storageKeys.tab, {
        key: accountKey(storageKeys.tab, tabId),
        version: 1,
        // A damaged field falls back to its default (it used to crash the tab on every start).
        schema: tabStateSchema,
        migrate: migrateTabState,
        storage: () => storage,
        // Every piece of tab state is kept; the actions are not data.
        partialize: (state): TabState => Object.fromEntries(persistedKeys.map((key) => [key, state[key]])) as unknown as TabState,
      }),
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
  browserStorage.local().removeItem(accountKey(storageKeys.tab, tabId));
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
