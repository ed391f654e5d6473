import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/ipc';
import { useAccountRuntime, useRuntimes, useRuntimeVersion } from '../../runtime/runtime-context';
import { hasBlob, isPinned, type AttachmentRecord, type ReplicaDb } from '../../data';
import { useAttachments } from '../../data/hooks';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';
import type { CheckedFile } from './attachment-drop-zone';
import type { PreviewTarget } from './attachment-preview';
import { queueEagerDownload, requestDownload, type DownloadJob } from './cache';
import { cachePendingUpload, isUploadEntry, watchUploads } from './pending-uploads';
import { uploadFiles } from './upload';

const MIB = 1024 * 1024;
const DEFAULT_CAP_MB = 1024;
const DEFAULT_EAGER_MB = 10;

/** Files being read and queued: their names and how many bytes are done. */
export interface Staging {
  readonly names: readonly string[];
  readonly sent: number;
  readonly total: number;
}

export interface AttachmentNotice {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

export type SendProgress = ReadonlyMap<string, { sent: number; total: number }>;

/** Bytes sent of each upload of the account, as main reports them. */
function useSendProgress(accountId: string): SendProgress {
  const [progress, setProgress] = useState<SendProgress>(new Map());
  useEffect(
    () =>
      getBridgeClient().on('attachments.uploadProgress', (event) => {
        if (event.accountId !== accountId) return;
        setProgress((current) => new Map(current).set(event.entryId, { sent: event.sentBytes, total: event.totalBytes }));
      }),
    [accountId],
  );
  return progress;
}

/** Which of the attachments have their bytes in the offline cache. */
function useCachedNames(db: ReplicaDb, attachments: readonly AttachmentRecord[] | undefined): ReadonlySet<string> | undefined {
  const names = useMemo(() => (attachments ?? []).map((a) => a.name), [attachments]);
  return useLiveQuery(async () => {
    const found = await Promise.all(names.map((name) => hasBlob(db, name)));
    return new Set(names.filter((_, i) => found[i]));
  }, [db, names]);
}

/**
 * A case's attachments and what can be done with them: server files (cached or not, small
 * ones fetched in the background), queued uploads with progress, adding files, opening and
 * saving; one notice line for what went wrong.
 */
export function useAttachmentList(caseName: string) {
  const { t } = useTranslation('attachments');
  const runtime = useAccountRuntime();
  useRuntimeVersion(runtime);
  const runtimes = useRuntimes();
  const accountId = runtime.account.id;
  const db = runtime.db;
  const attachments = useAttachments(db, caseName);
  const settings = useAppStore((state) => state.settings);
  const offline = useAppStore((state) => state.syncStatus[accountId]?.connection === 'offline');
  const [staging, setStaging] = useState<Staging>();
  const [notice, setNotice] = useState<AttachmentNotice>();
  const [preview, setPreview] = useState<PreviewTarget>();
  const sendProgress = useSendProgress(accountId);
  const cached = useCachedNames(db, attachments);
  const pinned = useLiveQuery(() => isPinned(db, caseName), [db, caseName]);

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
  const failedText = (key: 'upload.failed' | 'file.failed', error: unknown, name?: string): string => {
    const code = error instanceof AppError ? error.code : 'internal';
    return t(key, { name, message: t(`common:errors.${code}`) });
  };

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
      setNotice({ kind: 'error', text: failedText('upload.failed', error, files.map((f) => f.filename).join(', ')) });
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
      setNotice({ kind: 'error', text: failedText('file.failed', error) });
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

  const download = (attachment: AttachmentRecord): void => void requestDownload(jobFor(attachment)).catch(() => undefined);

  return {
    account: runtime.account,
    db,
    attachments,
    uploads,
    cached,
    pinned: pinned === true,
    offline,
    staging,
    notice,
    dismissNotice: () => setNotice(undefined),
    preview,
    setPreview,
    sendProgress,
    addFiles,
    saveAs,
    open,
    download,
  };
}
