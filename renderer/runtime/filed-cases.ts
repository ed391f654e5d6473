import type { OutboxEntry } from '../../shared/ipc';
import { useAppStore } from '../state/app-store';
import { tabStoreFor } from '../state/tab-store';

/**
 * A case created offline is shown under its local id until the server accepts it;
 * then the selection and any open case sub-tab follow it to its server name.
 */
export function followFiledCases(accountId: string, entries: readonly OutboxEntry[]): void {
  for (const entry of entries) {
    if (entry.mutation.kind !== 'create_case' || entry.status !== 'done' || !entry.resultName) continue;
    const localId = entry.mutation.localId;
    const serverName = entry.resultName;
    const tab = tabStoreFor(accountId).getState();
    if (tab.selectedCase === localId) tab.selectCase(serverName);
    if (tab.caseTab === localId) tab.setCaseTab(serverName);
    const app = useAppStore.getState();
    if ((app.caseTabs[accountId] ?? []).includes(localId)) {
      app.closeCaseTab(accountId, localId);
      app.openCaseTab(accountId, serverName);
    }
  }
}
