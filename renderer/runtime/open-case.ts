import { useAppStore } from '../state/app-store';
import { tabStoreFor } from '../state/tab-store';

/** Opens a case in its domain's tab, as a case sub-tab (from a list, the palette or a notification). */
export function openCase(accountId: string, caseName: string): void {
  const tab = tabStoreFor(accountId).getState();
  tab.setView('cases');
  tab.selectCase(caseName);
  const app = useAppStore.getState();
  app.openCaseTab(accountId, caseName);
  tab.setCaseTab(caseName);
  app.activateTab(accountId);
}
