import type { Account } from '../../shared/ipc';
import { clearHeadSnapshot, deleteReplica } from '../data';
import type { BridgeClient } from '../platform';
import { useUnreadStore } from '../state/unread-store';
import { AccountRuntime } from './account-runtime';

export type Runtimes = ReadonlyMap<string, AccountRuntime>;

/** What the registry does when an account comes and goes (tests replace the signed-out clean-up). */
export interface RuntimeLifecycle {
  create(account: Account, client: BridgeClient): AccountRuntime;
  /** After the runtime of a signed-out account was disposed: its local data goes with it. */
  forget(accountId: string): void;
}

export const defaultLifecycle: RuntimeLifecycle = {
  create(account, client) {
    const runtime = new AccountRuntime(account, client);
    // A runtime disposed while starting (signed out at once) fails on its closed database: not an error.
    void runtime.start().catch((error: unknown) => runtime.disposed || console.error('replica start failed', error));
    return runtime;
  },
  forget(accountId) {
    void deleteReplica(accountId);
    clearHeadSnapshot(accountId);
    useUnreadStore.getState().forget(accountId);
  },
};

/**
 * One AccountRuntime per signed-in account, outside React: created when an account
 * appears in `accounts.changed`, disposed (and its replica deleted) when it leaves.
 * React reads it with useSyncExternalStore; mounting, unmounting or StrictMode's
 * double effects never start or stop a runtime.
 */
export class RuntimeRegistry {
  private runtimes: Runtimes = new Map();
  private readonly listeners = new Set<() => void>();
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly client: BridgeClient,
    private readonly lifecycle: RuntimeLifecycle = defaultLifecycle,
  ) {}

  /** Follows the accounts main reports, from the first `accounts.list` on. Calling it again does nothing. */
  start(): void {
    if (this.stopListening) return;
    let heardEvent = false;
    this.stopListening = this.client.on('accounts.changed', (state) => {
      heardEvent = true;
      this.apply(state.accounts);
    });
    this.client.invoke('accounts.list', {}).then(
      // An event that came first is newer than this answer: a stale list must not delete an account's data.
      (state) => {
        if (!heardEvent) this.apply(state.accounts);
      },
      (error: unknown) => console.error('accounts.list failed', error),
    );
  }

  /** Stops following and disposes every runtime; local data stays (the app is closing, nobody signed out). */
  stop(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    for (const runtime of this.runtimes.values()) runtime.dispose();
    this.publish(new Map());
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The same map until an account comes, goes or changes (a stable snapshot for useSyncExternalStore). */
  readonly getSnapshot = (): Runtimes => this.runtimes;

  private apply(accounts: readonly Account[]): void {
    const next = new Map<string, AccountRuntime>();
    for (const account of accounts) {
      const existing = this.runtimes.get(account.id);
      if (existing) existing.account = account;
      next.set(account.id, existing ?? this.lifecycle.create(account, this.client));
    }
    for (const [id, runtime] of this.runtimes) {
      if (next.has(id)) continue;
      runtime.dispose();
      this.lifecycle.forget(id);
    }
    this.publish(next);
  }

  private publish(next: Runtimes): void {
    this.runtimes = next;
    for (const listener of this.listeners) listener();
  }
}
