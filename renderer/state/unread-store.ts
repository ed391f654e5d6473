import { create } from 'zustand';
import { z } from 'zod';
import { persist } from 'zustand/middleware';
import { persistOptions, storageKeys } from '../platform/storage';

interface UnreadState {
  /** Cases with news from Google the agent has not opened yet, per account. */
  unread: Record<string, string[]>;
  /** Google replies newer than this (per account, epoch ms) count as news. */
  since: Record<string, number>;
  markUnread(accountId: string, caseNames: readonly string[], newest: number): void;
  markSeen(accountId: string, caseName: string): void;
  forget(accountId: string): void;
}

const noNames: readonly string[] = [];

export const useUnreadStore = create<UnreadState>()(
  persist(
    (set, get) => ({
      unread: {},
      since: {},
      markUnread(accountId, caseNames, newest) {
        const current = new Set(get().unread[accountId] ?? noNames);
        for (const name of caseNames) current.add(name);
        set({
          unread: { ...get().unread, [accountId]: [...current] },
          since: { ...get().since, [accountId]: Math.max(newest, get().since[accountId] ?? 0) },
        });
      },
      markSeen(accountId, caseName) {
        const current = get().unread[accountId] ?? noNames;
        if (!current.includes(caseName)) return;
        set({ unread: { ...get().unread, [accountId]: current.filter((name) => name !== caseName) } });
      },
      forget(accountId) {
        const { [accountId]: _unread, ...unread } = get().unread;
        const { [accountId]: _since, ...since } = get().since;
        set({ unread, since });
      },
    }),
    persistOptions<UnreadState, Pick<UnreadState, 'unread' | 'since'>>(storageKeys.unreadStore, {
      version: 1,
      schema: z.object({
        unread: z.record(z.string(), z.array(z.string())).catch({}),
        since: z.record(z.string(), z.number()).catch({}),
      }),
      partialize: ({ unread, since }) => ({ unread, since }),
    }),
  ),
);

export function useUnreadNames(accountId: string): readonly string[] {
  return useUnreadStore((state) => state.unread[accountId] ?? noNames);
}
