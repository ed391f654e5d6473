import { useDrillStore } from '../../state/drill-store';
import { tabStoreFor } from '../../state/tab-store';
import { dashboardClient } from './dashboard-client';
import type { DashboardInput } from './model/types';

/** Opens the tab's case list with exactly the cases behind a chart point (filters cleared, so nothing hides one). */
export async function openDrill(tabId: string, input: DashboardInput, key: string, label: string): Promise<number> {
  const cases = await dashboardClient().drill(input, key);
  const names = new Map<string, Set<string>>();
  for (const ref of cases) {
    let set = names.get(ref.accountId);
    if (!set) names.set(ref.accountId, (set = new Set()));
    set.add(ref.name);
  }
  useDrillStore.getState().setDrill(tabId, { label, names, count: cases.length });
  const tab = tabStoreFor(tabId).getState();
  // The "All" view: no filter of the tab's current view (e.g. My open cases) may hide one.
  tab.applyView('all');
  tab.setView('cases');
  return cases.length;
}
