import { create } from 'zustand';
import { z } from 'zod';
import { persist } from 'zustand/middleware';
import { persistOptions, storageKeys } from '../platform/storage';

// "Taking" a case says "I am on it" (issue 17 §1). Google's API has no owner field, so a
// taken case is remembered on this workstation only, per account; the UI says so.

interface TakenState {
  /** Case names taken by the agent, per account. */
  taken: Record<string, string[]>;
  take(accountId: string, caseName: string): void;
  release(accountId: string, caseName: string): void;
  forget(accountId: string): void;
}

const none: readonly string[] = [];

export const useTakenStore = create<TakenState>()(
  persist(
    (set, get) => ({
      taken: {},
      take(accountId, caseName) {
        const current = get().taken[accountId] ?? none;
        if (!current.includes(caseName)) set({ taken: { ...get().taken, [accountId]: [...current, caseName] } });
      },
      release(accountId, caseName) {
        set({ taken: { ...get().taken, [accountId]: (get().taken[accountId] ?? none).filter((name) => name !== caseName) } });
      },
      forget(accountId) {
        const { [accountId]: _gone, ...taken } = get().taken;
        set({ taken });
      },
    }),
    persistOptions<TakenState, Pick<TakenState, 'taken'>>(storageKeys.takenStore, {
      version: 1,
      schema: z.object({ taken: z.record(z.string(), z.array(z.string())).catch({}) }),
      partialize: ({ taken }) => ({ taken }),
    }),
  ),
);

export function useTakenNames(accountId: string): readonly string[] {
  return useTakenStore((state) => state.taken[accountId] ?? none);
}
