import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DiagnosticsPreview } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';

/** Help → "Export diagnostics": builds the bundle, shows every file (and its start) before the agent saves it. */
export function DiagnosticsDialog({ open, onClose }: { open: boolean; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('settings');
  const [preview, setPreview] = useState<DiagnosticsPreview>();
  const [state, setState] = useState<{ saving?: boolean; saved?: string; error?: string }>({});
  useEffect(() => {
    if (!open) return;
    setPreview(undefined);
    setState({});
    getBridgeClient()
      .invoke('diagnostics.preview', {})
      .then(setPreview)
      .catch((reason: unknown) => setState({ error: reason instanceof Error ? reason.message : String(reason) }));
  }, [open]);
  const save = (): void => {
    setState({ saving: true });
    getBridgeClient()
      .invoke('diagnostics.save', {})
      .then((result) => setState(result.saved && result.path ? { saved: result.path } : {}))
      .catch((reason: unknown) => setState({ error: reason instanceof Error ? reason.message : String(reason) }));
  };
  return (
    <ModalOverlay className="modal-overlay" isOpen={open} onOpenChange={(next) => !next && onClose()} isDismissable>
      <Modal className="modal wide">
        <Dialog className="dialog diagnostics-dialog" data-testid="diagnostics-dialog">
          <Heading slot="title">{t('diagnostics.title')}</Heading>
          <p>{t('diagnostics.intro')}</p>
          {!preview && !state.error && (
            <p role="status" className="muted" aria-busy="true">
              {t('diagnostics.building')}
            </p>
          )}
          {preview && (
            <ul className="diagnostics-files">
              {preview.files.map((file) => (
                <li key={file.name} data-testid="diagnostics-file">
                  <details>
                    <summary>
                      <code>{file.name}</code> —{' '}
                      {t(`diagnostics.files.${file.name.replace(/\.jsonl?$/, '')}`, { count: file.count ?? 0, defaultValue: file.summary })}{' '}
                      ({t('diagnostics.size', { size: Math.max(1, Math.round(file.bytes / 1024)) })})
                    </summary>
                    <pre className="diagnostics-preview">{file.preview}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
          {state.saved && (
            <p role="status" data-testid="diagnostics-saved">
              {t('diagnostics.saved', { path: state.saved })}
            </p>
          )}
          {state.error && (
            <p role="alert" className="error-banner">
              {t('diagnostics.failed', { message: state.error })}
            </p>
          )}
          <div className="dialog-actions">
            <Button className="button" onPress={onClose}>
              {t('diagnostics.close')}
            </Button>
            <Button className="button primary" isDisabled={!preview || state.saving === true} onPress={save} data-testid="diagnostics-save">
              {state.saving ? t('diagnostics.saving') : t('diagnostics.save')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
