import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { persistOptions, storageKeys } from '../../platform/storage';
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
  /** A signed-out account's tab: its prefs go with it. */
  forget(tabId: string): void;
}

const periodSchema: z.ZodType<PeriodChoice> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('last'), days: z.union([z.literal(7), z.literal(30), z.literal(90)]) }),
  z.object({ kind: z.literal('month'), year: z.number().int(), month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('custom'), from: z.string(), to: z.string() }),
]);

const prefsSchema: z.ZodType<DashboardPrefs> = z
  .object({
    customerId: z.string().optional().catch(undefined),
    period: periodSchema.catch(defaults.period),
    compare: z.boolean().catch(defaults.compare),
  })
  .transform((prefs) => ({ customerId: prefs.customerId, period: prefs.period, compare: prefs.compare }));

export const useDashboardPrefsStore = create<PrefsState>()(
  persist(
    (set, get) => ({
      byTab: {},
      set: (tabId, patch) => set({ byTab: { ...get().byTab, [tabId]: { ...defaults, ...get().byTab[tabId], ...patch } } }),
      forget: (tabId) => {
        const { [tabId]: _gone, ...byTab } = get().byTab;
        set({ byTab });
      },
    }),
    persistOptions<PrefsState, Pick<PrefsState, 'byTab'>>(storageKeys.dashboardPrefs, {
      version: 1,
      // A damaged tab's prefs are dropped; the other tabs keep theirs.
      schema: z.object({
        byTab: z
          .record(z.string(), z.unknown())
          .transform((all) =>
            Object.fromEntries(
              Object.entries(all).flatMap(([tab, prefs]) => {
                const parsed = prefsSchema.safeParse(prefs);
                return parsed.success ? [[tab, parsed.data] as const] : [];
              }),
            ),
          )
          .catch({}),
      }),
      partialize: ({ byTab }) => ({ byTab }),
    }),
  ),
);

export function useDashboardPrefs(tabId: string): DashboardPrefs {
  return useDashboardPrefsStore((state) => state.byTab[tabId] ?? defaults);
}
