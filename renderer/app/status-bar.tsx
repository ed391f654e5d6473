import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/ipc';
import { allDomainsTabId, useAppStore } from '../state/app-store';
import { Icon, icons } from '../ui/icons';
import { syncNow } from '../runtime/commands';
import { useRuntimes, useRuntimeVersion } from '../runtime/runtime-context';

/** The all-domains tab speaks for every account: the oldest last sync (every one is at least that fresh), summed counts. */
export function combinedStatus(statuses: readonly SyncStatus[]): Pick<SyncStatus, 'syncing' | 'lastSyncedAt' | 'pending' | 'failed'> {
  const synced = statuses.map((status) => status.lastSyncedAt);
  const lastSyncedAt = synced.length > 0 && synced.every((at) => at !== undefined) ? [...(synced as string[])].sort()[0] : undefined;
  return {
    syncing: statuses.some((status) => status.syncing),
    ...(lastSyncedAt ? { lastSyncedAt } : {}),
    pending: statuses.reduce((sum, status) => sum + status.pending, 0),
    failed: statuses.reduce((sum, status) => sum + status.failed, 0),
  };
}

/** Counts, last sync, pending changes, offline since when — for the active tab's domain, or all of them. */
export function StatusBar({ identity }: { identity: React.ReactNode }): React.JSX.Element {
  const { t, i18n } = useTranslation('shell');
  const activeTabId = useAppStore((state) => state.activeTabId);
  const statuses = useAppStore((state) => state.syncStatus);
  const accountId = activeTabId && activeTabId !== allDomainsTabId ? activeTabId : undefined;
  const runtimes = useRuntimes();
  const runtime = runtimes.get(accountId ?? '');
  useRuntimeVersion(runtime);
  const own = accountId ? statuses[accountId] : undefined;
  const status = accountId ? own : combinedStatus(Object.values(statuses).filter((candidate) => runtimes.has(candidate.accountId)));
  const anyOffline = Object.values(statuses).some((candidate) => candidate.connection === 'offline');
  const time = (iso: string | undefined): string =>
    iso ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(iso)) : '';
  const pending = status?.pending ?? runtime?.pendingEntries.length ?? 0;
  const caseCount = runtime
    ? runtime.projection.size
    : [...runtimes.values()].reduce((sum, candidate) => sum + candidate.projection.size, 0);

  return (
    <footer className="status-bar" aria-live="polite">
      <span
        data-testid="connection"
        className={own?.connection === 'error' ? 'offline start-failed' : anyOffline ? 'offline' : 'online'}
        {...(own?.connection === 'error' && own.lastError ? { title: own.lastError } : {})}
      >
        {own?.connection === 'error' ? (
          t('status.startFailed', { error: own.lastError ?? '' })
        ) : own?.connection === 'reauth' ? (
          t('status.reauth')
        ) : own?.connection === 'offline' ? (
          <>
            <Icon icon={icons.offline} /> {t('status.offline', { time: time(own.offlineSince) })}
          </>
        ) : anyOffline ? (
          <>
            <Icon icon={icons.offline} /> {t('status.someOffline')}
          </>
        ) : (
          t('status.online')
        )}
      </span>
      <span data-testid="case-count">{t('status.cases', { count: caseCount })}</span>
      {status?.syncing ? (
        <span data-testid="sync-progress" role="progressbar" aria-valuenow={own?.progress?.done} aria-valuemax={own?.progress?.total}>
          {own?.progress?.total
            ? t('status.syncingScopes', {
                done: own.progress.done,
                total: own.progress.total,
                cases: new Intl.NumberFormat(i18n.language).format(own.progress.cases ?? 0),
              })
            : t('status.syncing', { done: own?.progress?.done ?? '' })}
        </span>
      ) : (
        <span data-testid="last-synced">
          {status?.lastSyncedAt ? t('status.syncedAt', { time: time(status.lastSyncedAt) }) : t('status.neverSynced')}
        </span>
      )}
      {pending > 0 && <span data-testid="pending-count">{t('status.pending', { count: pending })}</span>}
      {(status?.failed ?? 0) > 0 && <span className="failed">{t('status.failed', { count: status?.failed })}</span>}
      <button type="button" className="link" onClick={() => void syncNow(accountId)}>
        {own?.connection === 'error' ? t('status.retry') : t('status.syncNow')}
      </button>
      <span className="spacer" />
      {identity}
    </footer>
  );
}
