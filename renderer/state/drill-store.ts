import { create } from 'zustand';

/**
 * A dashboard drill-down shown in a tab's case list: exactly these cases, per account, with
 * the label of the chart point they came from. In memory only (a drill can name many
 * thousands of cases; it is not worth persisting).
 */
export interface Drill {
  readonly label: string;
  readonly names: ReadonlyMap<string, ReadonlySet<string>>;
  readonly count: number;
}

interface DrillState {
  readonly drills: Readonly<Record<string, Drill | undefined>>;
  setDrill(tabId: string, drill: Drill): void;
  clearDrill(tabId: string): void;
}

export const useDrillStore = create<DrillState>()((set, get) => ({
  drills: {},
  setDrill: (tabId, drill) => set({ drills: { ...get().drills, [tabId]: drill } }),
  clearDrill: (tabId) => set({ drills: { ...get().drills, [tabId]: undefined } }),
}));

export function useDrill(tabId: string): Drill | undefined {
  return useDrillStore((state) => state.drills[tabId]);
}

/** The drill-down's cases of one account for a domain's list (none for a customer's list); undefined when no drill is open. */
export function useDrillNames(accountId: string, customerId: string | undefined): ReadonlySet<string> | undefined {
  const drill = useDrill(accountId);
  if (!drill || customerId !== undefined) return undefined;
  return drill.names.get(accountId) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
