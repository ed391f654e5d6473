import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { AppError, type OutboxEntry } from '../../../shared/ipc';
import { useAccountRuntime, useRuntimes, useRuntimeVersion } from '../../runtime/runtime-context';
import { hasBlob, isPinned, pinCase, unpinCase, type AttachmentRecord } from '../../data';
import { useAttachments } from '../../data/hooks';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';
import { AttachmentDropZone, type CheckedFile } from './attachment-drop-zone';
import { AttachmentPreview, type PreviewTarget } from './attachment-preview';
import { downloadKey, downloadProgressOf, queueEagerDownload, requestDownload, subscribeDownloads, type DownloadJob } from './cache';
import { formatBytes } from './checks';
import { cachePendingUpload, isUploadEntry, watchUploads } from './pending-uploads';
import { uploadFiles } from './upload';
import './attachments.css';
import { Icon, icons } from '../../ui/icons';

const MIB = 1024 * 1024;
const DEFAULT_CAP_MB = 1024;
const DEFAULT_EAGER_MB = 10;

interface Staging {
  readonly names: readonly string[];
  readonly sent: number;
  readonly total: number;
}

const percent = (done: number, total: number | undefined): number | undefined =>
  total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : undefined;

/** A case's attachments (server + queued uploads): download with progress, offline cache, preview, save as. */
export function AttachmentList({
  caseName,
  uploadBlockedReason,
}: {
  caseName: string;
  /** Why files cannot be added here (Google would refuse them); shown in place of the drop zone. */
  uploadBlockedReason?: string | undefined;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('attachments');
  const runtime = useAccountRuntime();
  useRuntimeVersion(runtime);
  const runtimes = useRuntimes();
  const accountId = runtime.account.id;
  const db = runtime.db;
  const attachments = useAttachments(db, caseName);
  const settings = useAppStore((state) => state.settings);
  const offline = useAppStore((state) => state.syncStatus[accountId]?.connection === 'offline');
  const [staging, setStaging] = useState<Staging>();
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string }>();
  const [preview, setPreview] = useState<PreviewTarget>();
  const [sendProgress, setSendProgress] = useState<ReadonlyMap<string, { sent: number; total: number }>>(new Map());

  // Read at download time: a queued background download uses the cap and accounts of then.
  const live = useRef({ runtimes, capMb: settings?.attachmentCacheCapMb ?? DEFAULT_CAP_MB });
  live.current = { runtimes, capMb: settings?.attachmentCacheCapMb ?? DEFAULT_CAP_MB };
  const jobFor = (attachment: AttachmentRecord): DownloadJob => ({
    db,
    caseName,
    attachmentName: attachment.name,
    sizeBytes: attachment.sizeBytes,
    allDbs: () => [...live.current.runtimes.values()].map((r) => r.db),
    capMb: () => live.current.capMb,
  });

  useEffect(() => watchUploads(runtime), [runtime]);
  useEffect(
    () =>
      getBridgeClient().on('attachments.uploadProgress', (event) => {
        if (event.accountId !== accountId) return;
        setSendProgress((current) => new Map(current).set(event.entryId, { sent: event.sentBytes, total: event.totalBytes }));
      }),
    [accountId],
  );

  const names = useMemo(() => (attachments ?? []).map((a) => a.name), [attachments]);
  const cached = useLiveQuery(async () => {
    const found = await Promise.all(names.map((name) => hasBlob(db, name)));
    return new Set(names.filter((_, i) => found[i]));
  }, [db, names]);
  const pinned = useLiveQuery(() => isPinned(db, caseName), [db, caseName]);

  // Eager download: small files of the case being looked at go to the cache in the background.
  const eagerMb = settings?.eagerDownloadMaxMb ?? DEFAULT_EAGER_MB;
  // jobFor reads refs: an event, not an input of the effect.
  const queueEager = useEffectEvent((attachment: AttachmentRecord) => queueEagerDownload(jobFor(attachment)));
  useEffect(() => {
    if (!attachments || !cached || offline || eagerMb <= 0) return;
    for (const attachment of attachments) {
      if (!cached.has(attachment.name) && attachment.sizeBytes > 0 && attachment.sizeBytes <= eagerMb * MIB) queueEager(attachment);
    }
  }, [attachments, cached, offline, eagerMb]);

  const uploads = runtime.outbox.filter((entry) => isUploadEntry(entry) && entry.mutation.caseRef === caseName);

  async function addFiles(files: CheckedFile[]): Promise<void> {
    setNotice(undefined);
    setStaging({ names: files.map((f) => f.filename), sent: 0, total: files.reduce((sum, f) => sum + f.file.size, 0) });
    try {
      const entries = await uploadFiles(accountId, caseName, files, (sent, total) =>
        setStaging((current) => current && { ...current, sent, total }),
      );
      // The bytes stay readable offline and protected from eviction until the upload is confirmed.
      await Promise.all(
        entries.map((entry, i) => (files[i] ? cachePendingUpload(db, caseName, entry, files[i].file) : Promise.resolve())),
      ).catch(() => undefined);
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'internal';
      setNotice({
        kind: 'error',
        text: t('upload.failed', { name: files.map((f) => f.filename).join(', '), message: t(`common:errors.${code}`) }),
      });
    } finally {
      setStaging(undefined);
    }
  }

  async function saveAs(target: PreviewTarget): Promise<void> {
    try {
      const result = await getBridgeClient().invoke('attachments.saveAs', {
        accountId,
        attachmentName: target.attachmentName,
        filename: target.filename,
      });
      if (result.saved) setNotice({ kind: 'info', text: t('file.saved', { path: result.path ?? target.filename }) });
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'internal';
      setNotice({ kind: 'error', text: t('file.failed', { message: t(`common:errors.${code}`) }) });
    }
  }

  async function open(attachment: AttachmentRecord): Promise<void> {
    const target = { attachmentName: attachment.name, filename: attachment.filename };
    if (!cached?.has(attachment.name)) {
      if (offline) {
        setNotice({ kind: 'error', text: t('file.notCached') });
        return;
      }
      try {
        await requestDownload(jobFor(attachment));
      } catch {
        return; // the row shows the failure
      }
    }
    setPreview(target);
  }

  const size = (bytes: number): string => formatBytes(bytes, i18n.language);
  const date = (iso: string): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const count = (attachments?.length ?? 0) + uploads.length;

  return (
    <section className="attachment-list" aria-labelledby={`attachments-${caseName}`} data-testid="attachment-list">
      <header className="attachment-list-head">
        <h3 id={`attachments-${caseName}`}>
          {t('title')} {count > 0 && <span className="muted">({count})</span>}
        </h3>
        <label className="attachment-pin" title={t('pin.hint')}>
          <input
            type="checkbox"
            checked={pinned === true}
            data-testid="attachment-pin"
            onChange={(event) => void (event.target.checked ? pinCase(db, caseName) : unpinCase(db, caseName))}
          />
          {t('pin.label')}
        </label>
      </header>

      {notice && (
        <p
          className={notice.kind === 'error' ? 'error-text attachment-notice' : 'muted attachment-notice'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="attachment-notice"
        >
          {notice.text}{' '}
          <button type="button" className="link" onClick={() => setNotice(undefined)}>
            {t('dismiss')}
          </button>
        </p>
      )}

      <ul className="attachment-rows">
        {uploads.map((entry) => (
          <UploadRow key={entry.id} entry={entry} progress={sendProgress.get(entry.id)} size={size} />
        ))}
        {attachments?.map((attachment) => (
          <AttachmentRow
            key={attachment.name}
            attachment={attachment}
            accountId={accountId}
            isCached={cached?.has(attachment.name) === true}
            offline={offline}
            size={size}
            date={date}
            onDownload={() => void requestDownload(jobFor(attachment)).catch(() => undefined)}
            onOpen={() => void open(attachment)}
            onSaveAs={() => void saveAs({ attachmentName: attachment.name, filename: attachment.filename })}
          />
        ))}
      </ul>
      {attachments === undefined && <p className="muted">{t('loading')}</p>}
      {attachments?.length === 0 && uploads.length === 0 && !staging && <p className="muted">{t('empty')}</p>}

      {staging && (
        <div className="attachment-staging" role="status" data-testid="attachment-staging">
          <span>{t('upload.preparing', { name: staging.names.join(', ') })}</span>
          <progress
            max={staging.total}
            value={staging.sent}
            aria-label={t('upload.progress', { sent: size(staging.sent), total: size(staging.total) })}
          />
          <span className="muted">
            {t('upload.progress', { sent: size(staging.sent), total: size(staging.total) })} · {percent(staging.sent, staging.total) ?? 0}%
          </span>
        </div>
      )}
      {uploadBlockedReason ? (
        <p className="muted" data-testid="attach-blocked">
          {uploadBlockedReason}
        </p>
      ) : (
        <AttachmentDropZone onFiles={(files) => void addFiles(files)} />
      )}

      <AttachmentPreview
        db={db}
        target={preview}
        accentColor={runtime.account.color}
        onClose={() => setPreview(undefined)}
        onSaveAs={(target) => void saveAs(target)}
      />
    </section>
  );
}

function UploadRow({
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

function AttachmentRow({
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
