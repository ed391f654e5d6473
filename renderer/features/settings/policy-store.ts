import { useEffect } from 'react';
import { create } from 'zustand';
import type { LockableSetting, PolicyView } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';

interface PolicyState {
  view: PolicyView | undefined;
  load(): void;
}

/** The machine policy as main reports it (read once: the file is read at start). */
export const usePolicyStore = create<PolicyState>()((set, get) => ({
  view: undefined,
  load() {
    if (get().view) return;
    void getBridgeClient()
      .invoke('policy.get', {})
      .then((view) => set({ view }))
      .catch(() => undefined);
  },
}));

export function usePolicy(): PolicyView | undefined {
  const view = usePolicyStore((state) => state.view);
  const load = usePolicyStore((state) => state.load);
  useEffect(() => load(), [load]);
  return view;
}

/** Whether a setting is locked by the policy, and the words to say so. */
export function useLock(key: LockableSetting): { locked: boolean; organisation: string | undefined } {
  const view = usePolicy();
  return { locked: view?.locked.includes(key) ?? false, organisation: view?.organisation?.name };
}
