import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ResponseOf, Settings } from '../../shared/ipc';
import { AccountMenu, FirstRun } from '../features/accounts';
import { SettingsView, UpdateBanner } from '../features/settings';
import { AllDomainsQueue, CommandPalette, useSlaWatch } from '../features/cases';
import { AllDomainsView } from '../features/dashboard';
import { getBridgeClient } from '../platform';
import { browserStorage, defineSlot, storageKeys } from '../platform/storage';
import { StatusView, useStatusFeedRefresh } from '../features/status';
import { allDomainsTabId, settingsTabId, statusTabId, useAppStore } from '../state/app-store';
import { TabStoreContext, tabStoreFor } from '../state/tab-store';
import { DomainTab } from './domain-tab';
import { AccountContext, useRuntime, useRuntimes, useRuntimeVersion } from '../runtime/runtime-context';
import { TabBoundary } from './tab-boundary';
import { ShortcutSheet, useGlobalShortcuts } from './shortcuts';
import { StatusBar } from './status-bar';
import { TabStrip } from './tab-strip';

type AppInfo = ResponseOf<'app.info'>;

const vaultNoticeKey = storageKeys.vaultNotice.prefix;
// Version 0 stored the string '1'.
const vaultNotice = defineSlot({ version: 1, schema: z.boolean(), migrate: (old) => old === 1 || old === '1' || old === true });

/** Loads accounts, settings and sync status from main and keeps them current. */
export function useBootstrap(onSettings: (settings: Settings) => void): { info: AppInfo | undefined; error: string | undefined } {
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<string>();
  const { setAccounts, setSettings, setSyncStatus } = useAppStore.getState();
  useEffect(() => {
    const client = getBridgeClient();
    const applySettings = (next: Settings): void => {
      setSettings(next);
      onSettings(next);
    };
    const offs = [
      client.on('accounts.changed', setAccounts),
      client.on('sync.status', setSyncStatus),
      client.on('settings.changed', applySettings),
    ];
    // Each snapshot is applied the moment its own reply arrives, never held back for the others:
    // main sends replies and change events down one ordered channel, so applying in arrival order
    // means a reply can never overwrite a newer change event (holding settings until accounts
    // and statuses arrived once put a stale language back over a just-announced one).
    const fail = (reason: unknown): void => setError(reason instanceof Error ? reason.message : String(reason));
    client.invoke('settings.get', {}).then(applySettings, fail);
    client.invoke('sync.statuses', {}).then((statuses) => statuses.forEach((status) => setSyncStatus(status)), fail);
    client.invoke('accounts.list', {}).then(setAccounts, fail);
    client.invoke('app.info', {}).then(setInfo, fail);
    // The OS says the network is back: sync now rather than at the next backoff step.
    const onOnline = (): void => void client.invoke('sync.now', {}).catch(() => undefined);
    window.addEventListener('online', onOnline);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('online', onOnline);
    };
  }, [onSettings, setAccounts, setSettings, setSyncStatus]);
  return { info, error };
}

export function App({ onSettings }: { onSettings: (settings: Settings) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { info, error } = useBootstrap(onSettings);
  const accounts = useAppStore((state) => state.accounts);
  // Settings carry the language: nothing is drawn before them, so no screen flashes in the wrong one.
  const settingsLoaded = useAppStore((state) => state.settings !== undefined);

  if (error) {
    return (
      <p role="alert" className="error-banner">
        {t('common:app.bridgeError', { message: error })}
      </p>
    );
  }
  if (!accounts || !info || !settingsLoaded) return <div className="app-loading" aria-busy="true" />;
  if (accounts.accounts.length === 0) {
    return (
      <div className="first-run-page">
        <UpdateBanner />
        <FirstRun />
        <AppIdentity info={info} />
      </div>
    );
  }
  return <Workspace info={info} />;
}

function Workspace({ info }: { info: AppInfo }): React.JSX.Element {
  const activeTabId = useAppStore((state) => state.activeTabId);
  const secretsPersisted = useAppStore((state) => state.accounts?.secretsPersisted ?? true);
  const [vaultNoticeDismissed, setVaultNoticeDismissed] = useState(() => vaultNotice.read(browserStorage.local(), vaultNoticeKey) === true);
  const dismissVaultNotice = (): void => {
    vaultNotice.write(browserStorage.local(), vaultNoticeKey, true);
    setVaultNoticeDismissed(true);
  };
  const offline = useAppStore((state) => state.syncStatus[activeTabId ?? '']?.connection === 'offline');
  const { t } = useTranslation('accounts');
  const { t: tShell } = useTranslation('shell');
  useGlobalShortcuts();
  useSlaWatch();
  useStatusFeedRefresh();
  return (
    <div className="app-shell" data-host={info.host}>
      <TabStrip />
      <UpdateBanner />
      {!secretsPersisted && !vaultNoticeDismissed && (
        <p className="notice" role="status">
          {t('insecureVault')}{' '}
          <button type="button" className="link" onClick={dismissVaultNotice}>
            {t('dismiss')}
          </button>
        </p>
      )}
      {offline && (
        <p className="notice offline-banner" role="status" data-testid="offline-banner">
          {tShell('offlineBanner')}
        </p>
      )}
      <div className="tab-body">
        {/* One boundary per tab (keyed): a crash in one tab leaves the others working. */}
        <TabBoundary key={activeTabId ?? allDomainsTabId}>
          {activeTabId === settingsTabId ? (
            <div className="view app-settings">
              <SettingsView />
            </div>
          ) : activeTabId === statusTabId ? (
            <StatusView />
          ) : activeTabId === allDomainsTabId || !activeTabId ? (
            <AllDomainsTab />
          ) : (
            <AccountTab accountId={activeTabId} />
          )}
        </TabBoundary>
      </div>
      <StatusBar identity={<AppIdentity info={info} />} />
      <CommandPalette />
      <ShortcutSheet />
    </div>
  );
}

function AllDomainsTab(): React.JSX.Element {
  const runtimes = useRuntimes();
  return (
    <TabStoreContext.Provider value={tabStoreFor(allDomainsTabId)}>
      <AllDomainsView queue={<AllDomainsQueue key={[...runtimes.keys()].join(',')} />} />
    </TabStoreContext.Provider>
  );
}

function AccountTab({ accountId }: { accountId: string }): React.JSX.Element | null {
  const runtime = useRuntime(accountId);
  useRuntimeVersion(runtime);
  if (!runtime) return null;
  return (
    <AccountContext.Provider value={runtime}>
      <TabStoreContext.Provider value={tabStoreFor(accountId)}>
        {/* key: switching tabs never reuses one domain's components (and their state) for another. */}
        <DomainTab key={accountId} menu={<AccountMenu account={runtime.account} pendingCount={runtime.pendingEntries.length} />} />
      </TabStoreContext.Provider>
    </AccountContext.Provider>
  );
}

/** The app's name and version, as main reports them over the bridge. */
function AppIdentity({ info }: { info: AppInfo }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className="app-identity muted">
      <span data-testid="app-name">{info.name}</span> ·{' '}
      <span data-testid="app-version">{t('common:app.version', { version: info.version })}</span> ·{' '}
      <span data-testid="app-host">{t(`app.host.${info.host}`)}</span>
    </span>
  );
}
