import { useTranslation } from 'react-i18next';
import { allDomainsTabId, useAppStore } from '../state/app-store';
import { syncNow } from './commands';
import { useRuntime, useRuntimeVersion } from './runtime-context';

/** Counts, last sync, pending changes, offline since when — for the active tab's domain. */
export function StatusBar({ identity }: { identity: React.ReactNode }): React.JSX.Element {
  const { t, i18n } = useTranslation('shell');
  const activeTabId = useAppStore((state) => state.activeTabId);
  const statuses = useAppStore((state) => state.syncStatus);
  const accountId = activeTabId && activeTabId !== allDomainsTabId ? activeTabId : undefined;
  const runtime = useRuntime(accountId ?? '');
  useRuntimeVersion(runtime);
  const status = accountId ? statuses[accountId] : undefined;
  const anyOffline = Object.values(statuses).some((candidate) => candidate.connection === 'offline');
  const time = (iso: string | undefined): string =>
    iso ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(iso)) : '';
  const pending = status?.pending ?? runtime?.pendingEntries.length ?? 0;

  return (
    <footer className="status-bar" aria-live="polite">
      <span
        data-testid="connection"
        className={status?.connection === 'error' ? 'offline start-failed' : anyOffline ? 'offline' : 'online'}
        {...(status?.connection === 'error' && status.lastError ? { title: status.lastError } : {})}
      >
        {status?.connection === 'error'
          ? t('status.startFailed', { error: status.lastError ?? '' })
          : status?.connection === 'reauth'
            ? t('status.reauth')
            : status?.connection === 'offline'
              ? t('status.offline', { time: time(status.offlineSince) })
              : anyOffline
                ? '⚡'
                : t('status.online')}
      </span>
      {runtime && <span data-testid="case-count">{t('status.cases', { count: runtime.projection.size })}</span>}
      {status?.syncing ? (
        <span data-testid="sync-progress" role="progressbar" aria-valuenow={status.progress?.done} aria-valuemax={status.progress?.total}>
          {status.progress?.total
            ? t('status.syncingScopes', {
                done: status.progress.done,
                total: status.progress.total,
                cases: new Intl.NumberFormat(i18n.language).format(status.progress.cases ?? 0),
              })
            : t('status.syncing', { done: status.progress?.done ?? '' })}
        </span>
      ) : (
        <span data-testid="last-synced">
          {status?.lastSyncedAt ? t('status.syncedAt', { time: time(status.lastSyncedAt) }) : t('status.neverSynced')}
        </span>
      )}
      {pending > 0 && <span data-testid="pending-count">{t('status.pending', { count: pending })}</span>}
      {(status?.failed ?? 0) > 0 && <span className="failed">{t('status.failed', { count: status?.failed })}</span>}
      <button type="button" className="link" onClick={() => void syncNow(accountId)}>
        {status?.connection === 'error' ? t('status.retry') : t('status.syncNow')}
      </button>
      <span className="spacer" />
      {identity}
    </footer>
  );
}
