import { create } from 'zustand';
import { z } from 'zod';
import { persist } from 'zustand/middleware';
import { persistOptions, storageKeys } from '../platform/storage';
import type { AccountsState, Settings, SyncStatus } from '../../shared/ipc';

/** A top-level tab: one per signed-in account, plus the all-domains queue. */
export type TabRef = { readonly kind: 'account'; readonly accountId: string } | { readonly kind: 'all' };

export const allDomainsTabId = 'all';
/** App settings (not a domain's): opened from the tab strip, not part of the tab order. */
export const settingsTabId = 'settings';
/** The service status page: a top-level tab of its own, after the domain tabs (not in tabOrder). */
export const statusTabId = 'status';
export const tabIdOf = (tab: TabRef): string => (tab.kind === 'all' ? allDomainsTabId : tab.accountId);

interface AppState {
  accounts: AccountsState | undefined;
  settings: Settings | undefined;
  syncStatus: Record<string, SyncStatus>;
  /** Tab ids in strip order (account ids and 'all'); persisted. */
  tabOrder: string[];
  activeTabId: string | undefined;
  /** Cases opened as sub-tabs inside each domain tab (case names); persisted. */
  caseTabs: Record<string, string[]>;
  paletteOpen: boolean;
  shortcutsOpen: boolean;
}

interface AppActions {
  setAccounts(state: AccountsState): void;
  setSettings(settings: Settings): void;
  setSyncStatus(status: SyncStatus): void;
  activateTab(tabId: string): void;
  cycleTab(step: 1 | -1): void;
  openCaseTab(accountId: string, caseName: string): void;
  closeCaseTab(accountId: string, caseName: string): void;
  setPaletteOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
}

/** App-wide UI state (never replicated data: that lives in Dexie). */
export const useAppStore = create<AppState & AppActions>()(
  persist(
    (set, get) => ({
      accounts: undefined,
      settings: undefined,
      syncStatus: {},
      tabOrder: [],
      activeTabId: undefined,
      caseTabs: {},
      paletteOpen: false,
      shortcutsOpen: false,
      setAccounts(state) {
        const ids = state.accounts.map((account) => account.id);
        // Keep the order the agent had; new accounts go before the all-domains tab.
        const kept = get().tabOrder.filter((id) => ids.includes(id));
        const added = ids.filter((id) => !kept.includes(id));
        const order = ids.length === 0 ? [] : [...kept.filter((id) => id !== allDomainsTabId), ...added, allDomainsTabId];
        const active = get().activeTabId;
        // A domain just signed in to (not one loaded at start) is where the agent wants to be.
        const known = get().accounts?.accounts.map((account) => account.id);
        const justAdded = known ? ids.find((id) => !known.includes(id)) : undefined;
        set({
          accounts: state,
          tabOrder: order,
          activeTabId:
            justAdded ??
            (active && (order.includes(active) || active === settingsTabId || (active === statusTabId && ids.length > 0))
              ? active
              : order[0]),
          caseTabs: Object.fromEntries(Object.entries(get().caseTabs).filter(([id]) => ids.includes(id))),
        });
      },
      setSettings: (settings) => set({ settings }),
      setSyncStatus: (status) => set({ syncStatus: { ...get().syncStatus, [status.accountId]: status } }),
      activateTab: (tabId) => set({ activeTabId: tabId }),
      cycleTab(step) {
        const { tabOrder, activeTabId } = get();
        if (tabOrder.length === 0) return;
        const index = Math.max(0, tabOrder.indexOf(activeTabId ?? ''));
        set({ activeTabId: tabOrder[(index + step + tabOrder.length) % tabOrder.length] });
      },
      openCaseTab(accountId, caseName) {
        const current = get().caseTabs[accountId] ?? [];
        if (current.includes(caseName)) return;
        set({ caseTabs: { ...get().caseTabs, [accountId]: [...current, caseName].slice(-8) } });
      },
      closeCaseTab(accountId, caseName) {
        set({ caseTabs: { ...get().caseTabs, [accountId]: (get().caseTabs[accountId] ?? []).filter((name) => name !== caseName) } });
      },
      setPaletteOpen: (open) => set({ paletteOpen: open }),
      setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
    }),
    persistOptions<AppState & AppActions, Pick<AppState, 'tabOrder' | 'activeTabId' | 'caseTabs'>>(storageKeys.appStore, {
      version: 1,
      schema: z.object({
        tabOrder: z.array(z.string()).catch([]),
        activeTabId: z.string().optional().catch(undefined),
        caseTabs: z.record(z.string(), z.array(z.string())).catch({}),
      }),
      partialize: (state) => ({ tabOrder: state.tabOrder, activeTabId: state.activeTabId, caseTabs: state.caseTabs }),
    }),
  ),
);
