import { clearHeadSnapshot, deleteReplica } from '../data';
import { useDashboardPrefsStore } from '../features/dashboard';
import { forgetSlaNotifications } from '../features/cases';
import { removeAccountKeys } from '../platform/storage';
import { useAppStore } from '../state/app-store';
import { disposeTabStore } from '../state/tab-store';
import { useTakenStore } from '../state/taken-store';
import { useUnreadStore } from '../state/unread-store';

/**
 * Everything this window kept of one account, gone (sign-out): drafts with customer text,
 * PII decisions, tab state and saved views, reopen/SLA/notified keys, unread and taken
 * marks, dashboard prefs, the first-screen snapshot and the IndexedDB replica with its
 * blob cache. Main wipes its own side (outbox, drafts dir, uploads, vault, portal partition)
 * in `accounts.signOut`. Resolves when the replica is deleted.
 */
export async function wipeAccount(accountId: string): Promise<void> {
  disposeTabStore(accountId);
  useUnreadStore.getState().forget(accountId);
  useTakenStore.getState().forget(accountId);
  useDashboardPrefsStore.getState().forget(accountId);
  const caseTabs = { ...useAppStore.getState().caseTabs };
  delete caseTabs[accountId];
  useAppStore.setState({ caseTabs });
  forgetSlaNotifications(accountId);
  clearHeadSnapshot(accountId);
  // Last: a store's own write above must not put a key back after it was removed.
  removeAccountKeys(accountId);
  await deleteReplica(accountId);
}
