import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { Incident } from '../../../shared/api';
import type { Account, BackendKind } from '../../../shared/ipc';
import { loadStatusFeed, saveStatusFeed } from '../../data';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';

// The status feed as the app shows it: the cached copy at once (offline too), the live feed
// when it can be read, refreshed every few minutes and when the network returns.

export const STATUS_REFRESH_MS = 5 * 60_000;

interface StatusState {
  incidents: Incident[];
  /** When the incidents shown were fetched from the backend (undefined: never). */
  fetchedAtMs: number | undefined;
  /** 'cache': the last refresh failed, the copy shown is older. */
  source: 'none' | 'cache' | 'live';
  loading: boolean;
}

export const useStatusStore = create<StatusState>(() => ({ incidents: [], fetchedAtMs: undefined, source: 'none', loading: false }));

/** One signed-in account per backend: the feed is the backend's, not the account's. */
function feedAccounts(accounts: readonly Account[]): Map<BackendKind, Account> {
  const byBackend = new Map<BackendKind, Account>();
  for (const account of accounts) if (!byBackend.has(account.backend)) byBackend.set(account.backend, account);
  return byBackend;
}

function combine(
  records: ReadonlyArray<{ incidents: Incident[]; fetchedAtMs: number } | undefined>,
): Pick<StatusState, 'incidents' | 'fetchedAtMs'> {
  const present = records.filter((r): r is { incidents: Incident[]; fetchedAtMs: number } => r !== undefined);
  const byId = new Map(present.flatMap((r) => r.incidents).map((incident) => [incident.id, incident]));
  return {
    incidents: [...byId.values()].sort((a, b) => Date.parse(b.begin) - Date.parse(a.begin)),
    fetchedAtMs: present.length === 0 ? undefined : Math.min(...present.map((r) => r.fetchedAtMs)),
  };
}

let inFlight: Promise<void> | undefined;

export function refreshStatus(accounts: readonly Account[]): Promise<void> {
  inFlight ??= (async () => {
    const targets = [...feedAccounts(accounts)];
    if (useStatusStore.getState().source === 'none') {
      const cached = await Promise.all(targets.map(([backend]) => loadStatusFeed(backend).catch(() => undefined)));
      const shown = combine(cached);
      if (shown.fetchedAtMs !== undefined) useStatusStore.setState({ ...shown, source: 'cache' });
    }
    useStatusStore.setState({ loading: true });
    let failed = false;
    const records = await Promise.all(
      targets.map(async ([backend, account]) => {
        try {
          const incidents = await getBridgeClient().invoke('backend.incidents', { accountId: account.id });
          return await saveStatusFeed(backend, incidents, Date.now());
        } catch {
          failed = true;
          return loadStatusFeed(backend).catch(() => undefined);
        }
      }),
    );
    useStatusStore.setState({ ...combine(records), source: failed ? 'cache' : 'live', loading: false });
  })().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

const noAccounts: readonly Account[] = [];

/** Keeps the feed fresh while the app runs (mounted once, by the app shell). */
export function useStatusFeedRefresh(): void {
  const accounts = useAppStore((state) => state.accounts?.accounts ?? noAccounts);
  // A new array with the same accounts must not restart the timer: the effect follows the key.
  const key = accounts.map((a) => `${a.id}:${a.backend}`).join(',');
  const latest = useRef(accounts);
  latest.current = accounts;
  useEffect(() => {
    if (key === '') return;
    const run = (): void => void refreshStatus(latest.current).catch(() => undefined);
    run();
    const timer = setInterval(run, STATUS_REFRESH_MS);
    window.addEventListener('online', run);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', run);
    };
  }, [key]);
}
