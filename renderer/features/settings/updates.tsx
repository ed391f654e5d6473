import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';
import { LockedNote, useSave } from './settings-fields';
import { useLock } from './policy-store';

/** The updater's state from main, kept current by `update.status` events. */
export function useUpdateStatus(): UpdateStatus | undefined {
  const [status, setStatus] = useState<UpdateStatus>();
  useEffect(() => {
    const client = getBridgeClient();
    const off = client.on('update.status', setStatus);
    void client
      .invoke('update.status', {})
      .then(setStatus)
      .catch(() => undefined);
    return off;
  }, []);
  return status;
}

/** A reply or a new case being typed right now: restarting would interrupt the agent (the text itself is kept). */
function draftsOpen(): boolean {
  return [...document.querySelectorAll('textarea')].some((area) => area.value.trim() !== '');
}

function statusText(t: (key: string, options?: Record<string, unknown>) => string, status: UpdateStatus): string {
  switch (status.state) {
    case 'downloading':
      return t('update.downloading', { version: status.availableVersion, percent: status.progressPercent ?? 0 });
    case 'ready':
      return t('update.ready', { version: status.availableVersion });
    case 'error':
      return t('update.error', { message: status.error ?? '' });
    case 'idle':
      return t('update.idle', { version: status.currentVersion });
    default:
      return t(`update.${status.state}`);
  }
}

function useRestart(): { restart: () => void; blockedByDraft: boolean } {
  const [blockedByDraft, setBlocked] = useState(false);
  return {
    blockedByDraft,
    restart() {
      const open = draftsOpen();
      setBlocked(open);
      void getBridgeClient()
        .invoke('update.restart', { draftsOpen: open })
        .catch(() => undefined);
    },
  };
}

/** "Version x is ready — restart": shown once an update is downloaded and verified; never restarts mid-change. */
export function UpdateBanner(): React.JSX.Element | null {
  const { t } = useTranslation('settings');
  const status = useUpdateStatus();
  const { restart, blockedByDraft } = useRestart();
  if (!status || (status.state !== 'ready' && status.state !== 'deferred' && status.state !== 'installing')) return null;
  return (
    <p className="notice update-banner" role="status" data-testid="update-banner">
      {status.state === 'ready' ? statusText(t, status) : t(`update.${status.state}`)}{' '}
      {status.state === 'ready' && (
        <button type="button" className="button small" onClick={restart} data-testid="update-restart">
          {t('update.restart')}
        </button>
      )}
      {blockedByDraft && status.state === 'ready' && <span className="muted"> {t('update.draftOpen')}</span>}
    </p>
  );
}

export function UpdatesSection(): React.JSX.Element | null {
  const { t, i18n } = useTranslation('settings');
  const save = useSave();
  const settings = useAppStore((state) => state.settings);
  const status = useUpdateStatus();
  const { locked } = useLock('updateChannel');
  if (!settings) return null;
  const busy = status?.state === 'checking' || status?.state === 'downloading';
  return (
    <>
      <label className="field">
        {t('update.channel')}
        <select
          value={settings.updateChannel}
          disabled={locked}
          data-testid="update-channel"
          onChange={(event) => save({ updateChannel: event.target.value as 'stable' | 'beta' })}
        >
          {(['stable', 'beta'] as const).map((channel) => (
            <option key={channel} value={channel}>
              {t(`update.channels.${channel}`)}
            </option>
          ))}
        </select>
        <LockedNote setting="updateChannel" id="locked-update-channel" />
      </label>
      {status && (
        <p className="muted" role="status" data-testid="update-state">
          {statusText(t, status)}
          {status.lastCheckedAt &&
            ` · ${t('update.lastChecked', { time: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(status.lastCheckedAt)) })}`}
        </p>
      )}
      {status?.state !== 'disabled' && (
        <button type="button" className="button" disabled={busy} onClick={() => void getBridgeClient().invoke('update.check', {})}>
          {t('update.check')}
        </button>
      )}
    </>
  );
}
