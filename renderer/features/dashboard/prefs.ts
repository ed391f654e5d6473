import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PeriodChoice } from './model/periods';

/** What each tab's dashboard shows (scope, period, comparison); persisted like the tab's other view state. */
export interface DashboardPrefs {
  readonly customerId: string | undefined;
  readonly period: PeriodChoice;
  readonly compare: boolean;
}

const defaults: DashboardPrefs = { customerId: undefined, period: { kind: 'last', days: 30 }, compare: true };

interface PrefsState {
  readonly byTab: Readonly<Record<string, DashboardPrefs>>;
  set(tabId: string, patch: Partial<DashboardPrefs>): void;
}

export const useDashboardPrefsStore = create<PrefsState>()(
  persist(
    (set, get) => ({
      byTab: {},
      set: (tabId, patch) => set({ byTab: { ...get().byTab, [tabId]: { ...defaults, ...get().byTab[tabId], ...patch } } }),
    }),
    { name: 'rsc-dashboard-prefs', storage: createJSONStorage(() => localStorage) },
  ),
);

export function useDashboardPrefs(tabId: string): DashboardPrefs {
  return useDashboardPrefsStore((state) => state.byTab[tabId] ?? defaults);
}
