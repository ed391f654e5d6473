import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AccountRuntime } from './account-runtime';
import type { RuntimeRegistry, Runtimes } from './runtime-registry';

const RegistryContext = createContext<RuntimeRegistry | undefined>(undefined);

/** Provides the app's runtime registry (created and started outside React, in main.tsx). */
export function RuntimeProvider({ registry, children }: { registry: RuntimeRegistry; children: ReactNode }): React.JSX.Element {
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

const noRuntimes: Runtimes = new Map();
const noSubscription = (): (() => void) => () => undefined;
const noSnapshot = (): Runtimes => noRuntimes;

/** Every signed-in account's runtime; re-renders when accounts come, go or change. */
export function useRuntimes(): Runtimes {
  const registry = useContext(RegistryContext);
  return useSyncExternalStore(registry?.subscribe ?? noSubscription, registry?.getSnapshot ?? noSnapshot);
}

export function useRuntime(accountId: string): AccountRuntime | undefined {
  return useRuntimes().get(accountId);
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
