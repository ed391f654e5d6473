import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Account } from '../../shared/ipc';
import { clearHeadSnapshot, deleteReplica } from '../data';
import { getBridgeClient } from '../platform';
import { useUnreadStore } from '../state/unread-store';
import { AccountRuntime } from './account-runtime';

type Runtimes = ReadonlyMap<string, AccountRuntime>;
const RuntimesContext = createContext<Runtimes>(new Map());

/**
 * Keeps one AccountRuntime per signed-in account: created when an account
 * appears, disposed (and its replica deleted) when it is signed out.
 */
export function RuntimeProvider({ accounts, children }: { accounts: readonly Account[]; children: ReactNode }): React.JSX.Element {
  const registry = useRef(new Map<string, AccountRuntime>());
  const runtimes = useMemo(() => {
    const next = new Map<string, AccountRuntime>();
    for (const account of accounts) {
      const existing = registry.current.get(account.id);
      if (existing) {
        existing.account = account;
        next.set(account.id, existing);
      } else {
        const runtime = new AccountRuntime(account, getBridgeClient());
        next.set(account.id, runtime);
        void runtime.start().catch((error: unknown) => console.error('replica start failed', error));
      }
    }
    for (const [id, runtime] of registry.current) {
      if (next.has(id)) continue;
      runtime.dispose();
      // Signed out: the account's local data goes with it.
      void deleteReplica(id);
      clearHeadSnapshot(id);
      useUnreadStore.getState().forget(id);
    }
    registry.current = next;
    return next as Runtimes;
  }, [accounts]);
  useEffect(() => () => registry.current.forEach((runtime) => runtime.dispose()), []);
  return <RuntimesContext.Provider value={runtimes}>{children}</RuntimesContext.Provider>;
}

export function useRuntimes(): Runtimes {
  return useContext(RuntimesContext);
}

export function useRuntime(accountId: string): AccountRuntime | undefined {
  return useContext(RuntimesContext).get(accountId);
}

/** Re-renders when the account's replica, projection or outbox changes. */
export function useRuntimeVersion(runtime: AccountRuntime | undefined): number {
  return useSyncExternalStore(
    (listener) => runtime?.subscribe(listener) ?? (() => undefined),
    () => runtime?.version ?? 0,
  );
}

/** The account of the domain tab being rendered. */
export const AccountContext = createContext<AccountRuntime | undefined>(undefined);

export function useAccountRuntime(): AccountRuntime {
  const runtime = useContext(AccountContext);
  if (!runtime) throw new Error('useAccountRuntime outside a domain tab');
  return runtime;
}
