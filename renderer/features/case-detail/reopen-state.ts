import { reopenWindow } from '../../../shared/domain';
import type { BackendInfo } from '../../../shared/ipc';
import type { ViewCase } from '../../data';
import { z } from 'zod';
import { accountKey, defineSlot, storageKeys } from '../../platform/storage';

export type ReopenState =
  | { readonly kind: 'not_closed' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'can_reopen'; readonly remainingDays: number; readonly deadline: string }
  | { readonly kind: 'window_over'; readonly deadline: string }
  /** The server refused a reopen: its clock says the window is over even if ours does not. */
  | { readonly kind: 'refused'; readonly entryId: string; readonly message: string }
  | { readonly kind: 'not_supported' };

/**
 * What the detail offers for a closed case. The close time is the record's last update while
 * it is CLOSED (nothing else changes a closed case). A refused reopen wins over the local
 * countdown, which runs on this machine's clock.
 */
export function reopenStateOf(
  view: ViewCase,
  info: Pick<BackendInfo, 'reopenSupported' | 'reopenWindowDays'> | undefined,
  now: number,
  refusedBefore = false,
): ReopenState {
  const refused = view.failed?.find((f) => f.kind === 'reopen' && f.permanent);
  if (refused) return { kind: 'refused', entryId: refused.entryId, message: refused.message };
  if (view.pendingKinds.includes('reopen')) return { kind: 'pending' };
  if (view.state !== 'CLOSED') return { kind: 'not_closed' };
  const window = reopenWindow({ closeTime: view.updateTime, now, ...(info ? { windowDays: info.reopenWindowDays } : {}) });
  if (!window.canReopen || refusedBefore) return { kind: 'window_over', deadline: window.deadline };
  if (info && !info.reopenSupported) return { kind: 'not_supported' };
  return { kind: 'can_reopen', remainingDays: window.remainingDays, deadline: window.deadline };
}

// Once the server refused a reopen, the window is over for good, whatever this machine's clock says.
const refusedSlot = defineSlot({ version: 1, schema: z.array(z.string()) });
const refusedKey = (accountId: string): string => accountKey(storageKeys.reopenRefused, accountId);

export function wasReopenRefused(storage: Storage, accountId: string, caseName: string): boolean {
  return (refusedSlot.read(storage, refusedKey(accountId)) ?? []).includes(caseName);
}

export function markReopenRefused(storage: Storage, accountId: string, caseName: string): void {
  const list = refusedSlot.read(storage, refusedKey(accountId)) ?? [];
  if (!list.includes(caseName)) refusedSlot.write(storage, refusedKey(accountId), [...list, caseName].slice(-200));
}
