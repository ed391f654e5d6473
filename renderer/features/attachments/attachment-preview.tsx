import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/ipc';
import type { ReplicaDb } from '../../data';
import { openCachedAttachment, type OpenedAttachment } from './cache';
import { formatBytes, TEXT_PREVIEW_MAX_BYTES } from './checks';
import { PdfPreview } from './pdf-preview';

export interface PreviewTarget {
  readonly attachmentName: string;
  readonly filename: string;
}

/**
 * A cached file shown inside the app: images in an <img>, PDFs drawn by the bundled pdf.js
 * (pdf-preview.tsx), everything text-like as text in a <pre>. Nothing is rendered as HTML or
 * handed to the OS.
 */
export function AttachmentPreview({
  db,
  target,
  accentColor,
  onClose,
  onSaveAs,
}: {
  db: ReplicaDb;
  target: PreviewTarget | undefined;
  accentColor: string;
  onClose: () => void;
  onSaveAs: (target: PreviewTarget) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('attachments');
  const [opened, setOpened] = useState<OpenedAttachment>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!target) return;
    let live = true;
    let url: string | undefined;
    setOpened(undefined);
    setError(undefined);
    openCachedAttachment(db, target.attachmentName, target.filename).then(
      (result) => {
        url = result.url;
        if (live) setOpened(result);
        else if (url) URL.revokeObjectURL(url);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure instanceof AppError && failure.code === 'not_found' ? t('file.notCached') : String(failure));
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, target, t]);

  return (
    <ModalOverlay className="modal-overlay" isOpen={target !== undefined} onOpenChange={(open) => !open && onClose()} isDismissable>
      <Modal className="modal attachment-preview-modal" style={{ borderTopColor: accentColor }}>
        <Dialog className="dialog attachment-preview" data-testid="attachment-preview" data-kind={opened?.kind}>
          <div className="attachment-preview-head">
            <Heading slot="title" className="attachment-preview-title">
              {target?.filename}
            </Heading>
            {opened && <span className="muted">{formatBytes(opened.blob.size, i18n.language)}</span>}
          </div>
          <div className="attachment-preview-body">
            {!opened && !error && <p className="muted">{t('preview.loading')}</p>}
            {error && <p className="error-text">{error}</p>}
            {opened?.kind === 'image' && opened.url && (
              <img className="attachment-preview-image" src={opened.url} alt={target?.filename ?? ''} />
            )}
            {opened?.kind === 'pdf' && <PdfPreview blob={opened.blob} label={target?.filename ?? ''} />}
            {opened?.kind === 'text' && (
              <>
                <p className="muted attachment-preview-note">
                  {t('preview.textNote')}
                  {opened.truncated && ` ${t('preview.truncated', { size: formatBytes(TEXT_PREVIEW_MAX_BYTES, i18n.language) })}`}
                </p>
                <pre className="attachment-preview-text" data-testid="attachment-preview-text" tabIndex={0}>
                  {opened.text}
                </pre>
              </>
            )}
            {opened?.kind === 'none' && <p className="muted">{t('preview.none')}</p>}
          </div>
          <div className="dialog-actions">
            {target && (
              <Button className="button" onPress={() => onSaveAs(target)}>
                {t('file.saveAs')}
              </Button>
            )}
            <Button className="button primary" onPress={onClose} autoFocus>
              {t('preview.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
