import { useState, useSyncExternalStore } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/ipc';
import type { AttachmentRecord } from '../../data';
import { getBridgeClient } from '../../platform';
import { Icon, icons } from '../../ui/icons';
import { downloadKey, downloadProgressOf, subscribeDownloads } from './cache';
import { isUploadEntry } from './pending-uploads';

/** A file the agent queued for upload: its state, progress while sending, and cancel while not sent. */
export function UploadRow({
  entry,
  progress,
  size,
}: {
  entry: OutboxEntry;
  progress: { sent: number; total: number } | undefined;
  size: (bytes: number) => string;
}): React.JSX.Element | null {
  const { t } = useTranslation('attachments');
  const [cancelling, setCancelling] = useState(false);
  if (!isUploadEntry(entry)) return null;
  const { filename, sizeBytes } = entry.mutation;
  const canCancel = entry.status === 'queued' || entry.status === 'failed';
  return (
    <li
      className={`attachment-row upload ${entry.status}`}
      data-testid="attachment-upload"
      data-status={entry.status}
      data-filename={filename}
    >
      <FileTag filename={filename} />
      <span className="attachment-main">
        <span className="attachment-name">{filename}</span>
        <span className="muted attachment-meta">
          {size(sizeBytes)} · <span className="attachment-state">{t(`state.${entry.status}`)}</span>
          {entry.lastError && <span className={entry.status === 'failed' ? 'error-text' : 'muted'}> · {entry.lastError.message}</span>}
        </span>
        {entry.status === 'in_flight' && progress && (
          <progress max={progress.total} value={progress.sent} aria-label={t('state.in_flight')} />
        )}
      </span>
      <span className="attachment-actions">
        {canCancel && (
          <Button
            className="button"
            isDisabled={cancelling}
            aria-label={t('cancelUploadOf', { name: filename })}
            onPress={() => {
              setCancelling(true);
              void getBridgeClient()
                .invoke('mutations.discard', { accountId: entry.accountId, id: entry.id })
                .catch(() => undefined)
                .finally(() => setCancelling(false));
            }}
          >
            {t('cancelUpload')}
          </Button>
        )}
      </span>
    </li>
  );
}

/** The file's extension in a small box (no emoji: not every system has a font for them). */
function FileTag({ filename }: { filename: string }): React.JSX.Element {
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot + 1, dot + 5).toUpperCase() : '';
  return (
    <span className="attachment-icon" aria-hidden="true">
      {ext || '·'}
    </span>
  );
}

function useDownloadProgress(key: string) {
  return useSyncExternalStore(subscribeDownloads, () => downloadProgressOf(key));
}

/** A file on the case: download (with progress) or its offline mark, open, save as. */
export function AttachmentRow({
  attachment,
  accountId,
  isCached,
  offline,
  size,
  date,
  onDownload,
  onOpen,
  onSaveAs,
}: {
  attachment: AttachmentRecord;
  accountId: string;
  isCached: boolean;
  offline: boolean;
  size: (bytes: number) => string;
  date: (iso: string) => string;
  onDownload: () => void;
  onOpen: () => void;
  onSaveAs: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('attachments');
  const progress = useDownloadProgress(downloadKey(accountId, attachment.name));
  const downloading = progress !== undefined && !progress.error;
  const name = attachment.filename;
  return (
    <li className="attachment-row" data-testid="attachment-row" data-filename={name} data-cached={isCached ? 'true' : 'false'}>
      <FileTag filename={name} />
      <span className="attachment-main">
        <button
          type="button"
          className="link attachment-name"
          onClick={onOpen}
          aria-label={t('file.openOf', { name })}
          disabled={!isCached && offline}
        >
          {name}
        </button>
        <span className="muted attachment-meta">
          {size(attachment.sizeBytes)} ·{' '}
          {attachment.creatorEmail
            ? t('file.addedBy', { date: date(attachment.createTime), who: attachment.creatorEmail })
            : t('file.added', { date: date(attachment.createTime) })}
        </span>
        {downloading && (
          <span className="attachment-download" data-testid="attachment-download-progress">
            <progress max={progress.total ?? attachment.sizeBytes} value={progress.received} aria-label={t('file.downloading', { name })} />
            <span className="muted">
              {t('file.downloadProgress', { received: size(progress.received), total: size(progress.total ?? attachment.sizeBytes) })}
            </span>
          </span>
        )}
        {progress?.error && <span className="error-text">{t('file.failed', { message: t(`common:errors.${progress.error.code}`) })}</span>}
      </span>
      <span className="attachment-actions">
        {isCached ? (
          <span className="attachment-offline" data-testid="attachment-offline">
            <Icon icon={icons.ok} /> {t('file.offline')}
          </span>
        ) : (
          !downloading && (
            <Button className="button" onPress={onDownload} isDisabled={offline} aria-label={t('file.downloadOf', { name })}>
              {t('file.download')}
            </Button>
          )
        )}
        <Button className="button" onPress={onOpen} isDisabled={!isCached && offline}>
          {t('file.open')}
        </Button>
        <Button className="button" onPress={onSaveAs} isDisabled={offline} aria-label={t('file.saveAsOf', { name })}>
          {t('file.saveAs')}
        </Button>
      </span>
    </li>
  );
}
