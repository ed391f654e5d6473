import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf, Settings } from '../../shared/ipc';
import { AccountMenu, FirstRun } from '../features/accounts';
import { SettingsView, UpdateBanner } from '../features/settings';
import { AllDomainsQueue, CommandPalette, useSlaWatch } from '../features/cases';
import { AllDomainsView } from '../features/dashboard';
import { getBridgeClient } from '../platform';
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

const vaultNoticeKey = 'rsc-vault-notice-dismissed';

/** Loads accounts, settings and sync status from main and keeps them current. */
function useBootstrap(onSettings: (settings: Settings) => void): { info: AppInfo | undefined; error: string | undefined } {
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<string>();
  const { setAccounts, setSettings, setSyncStatus } = useAppStore.getState();
  useEffect(() => {
    const client = getBridgeClient();
    const offs = [
      client.on('accounts.changed', setAccounts),
      client.on('sync.status', setSyncStatus),
      client.on('settings.changed', (next) => {
        setSettings(next);
        onSettings(next);
      }),
    ];
    void Promise.all([
      client.invoke('app.info', {}),
      client.invoke('settings.get', {}),
      client.invoke('accounts.list', {}),
      client.invoke('sync.statuses', {}),
    ])
      .then(([appInfo, settings, accounts, statuses]) => {
        setInfo(appInfo);
        setSettings(settings);
        onSettings(settings);
        setAccounts(accounts);
        for (const status of statuses) setSyncStatus(status);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
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

  if (error) {
    return (
      <p role="alert" className="error-banner">
        {t('common:app.bridgeError', { message: error })}
      </p>
    );
  }
  if (!accounts || !info) return <div className="app-loading" aria-busy="true" />;
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
  const [vaultNoticeDismissed, setVaultNoticeDismissed] = useState(() => localStorage.getItem(vaultNoticeKey) === '1');
  const dismissVaultNotice = (): void => {
    localStorage.setItem(vaultNoticeKey, '1');
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
