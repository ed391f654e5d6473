import { useTranslation } from 'react-i18next';
import { pinCase, unpinCase, type ReplicaDb } from '../../data';
import { AttachmentDropZone } from './attachment-drop-zone';
import { AttachmentPreview } from './attachment-preview';
import { AttachmentRow, UploadRow } from './attachment-rows';
import { formatBytes } from './checks';
import { useAttachmentList, type AttachmentNotice, type Staging } from './use-attachment-list';
import './attachments.css';

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
  const list = useAttachmentList(caseName);
  const { attachments, uploads, staging } = list;
  const size = (bytes: number): string => formatBytes(bytes, i18n.language);
  const date = (iso: string): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section className="attachment-list" aria-labelledby={`attachments-${caseName}`} data-testid="attachment-list">
      <AttachmentListHead db={list.db} caseName={caseName} count={(attachments?.length ?? 0) + uploads.length} pinned={list.pinned} />
      {list.notice && <NoticeLine notice={list.notice} onDismiss={list.dismissNotice} />}
      <ul className="attachment-rows">
        {uploads.map((entry) => (
          <UploadRow key={entry.id} entry={entry} progress={list.sendProgress.get(entry.id)} size={size} />
        ))}
        {attachments?.map((attachment) => (
          <AttachmentRow
            key={attachment.name}
            attachment={attachment}
            accountId={list.account.id}
            isCached={list.cached?.has(attachment.name) === true}
            offline={list.offline}
            size={size}
            date={date}
            onDownload={() => list.download(attachment)}
            onOpen={() => void list.open(attachment)}
            onSaveAs={() => void list.saveAs({ attachmentName: attachment.name, filename: attachment.filename })}
          />
        ))}
      </ul>
      {attachments === undefined && <p className="muted">{t('loading')}</p>}
      {attachments?.length === 0 && uploads.length === 0 && !staging && <p className="muted">{t('empty')}</p>}
      {staging && <StagingProgress staging={staging} size={size} />}
      {uploadBlockedReason ? (
        <p className="muted" data-testid="attach-blocked">
          {uploadBlockedReason}
        </p>
      ) : (
        <AttachmentDropZone onFiles={(files) => void list.addFiles(files)} />
      )}
      <AttachmentPreview
        db={list.db}
        target={list.preview}
        accentColor={list.account.color}
        onClose={() => list.setPreview(undefined)}
        onSaveAs={(target) => void list.saveAs(target)}
      />
    </section>
  );
}

/** The list's title with its count, and "keep offline" for the whole case. */
function AttachmentListHead({
  db,
  caseName,
  count,
  pinned,
}: {
  db: ReplicaDb;
  caseName: string;
  count: number;
  pinned: boolean;
}): React.JSX.Element {
  const { t } = useTranslation('attachments');
  return (
    <header className="attachment-list-head">
      <h3 id={`attachments-${caseName}`}>
        {t('title')} {count > 0 && <span className="muted">({count})</span>}
      </h3>
      <label className="attachment-pin" title={t('pin.hint')}>
        <input
          type="checkbox"
          checked={pinned}
          data-testid="attachment-pin"
          onChange={(event) => void (event.target.checked ? pinCase(db, caseName) : unpinCase(db, caseName))}
        />
        {t('pin.label')}
      </label>
    </header>
  );
}

function NoticeLine({ notice, onDismiss }: { notice: AttachmentNotice; onDismiss: () => void }): React.JSX.Element {
  const { t } = useTranslation('attachments');
  return (
    <p
      className={notice.kind === 'error' ? 'error-text attachment-notice' : 'muted attachment-notice'}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="attachment-notice"
    >
      {notice.text}{' '}
      <button type="button" className="link" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </p>
  );
}

/** Files being read and queued, before they become upload rows. */
export function StagingProgress({ staging, size }: { staging: Staging; size: (bytes: number) => string }): React.JSX.Element {
  const { t } = useTranslation('attachments');
  const progress = t('upload.progress', { sent: size(staging.sent), total: size(staging.total) });
  return (
    <div className="attachment-staging" role="status" data-testid="attachment-staging">
      <span>{t('upload.preparing', { name: staging.names.join(', ') })}</span>
      <progress max={staging.total} value={staging.sent} aria-label={progress} />
      <span className="muted">
        {progress} · {percent(staging.sent, staging.total) ?? 0}%
      </span>
    </div>
  );
}
