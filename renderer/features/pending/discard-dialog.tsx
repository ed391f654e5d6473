import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/ipc';

/** Discarding a new case that later changes need: say which ones go with it, and let the agent confirm. */
export function DiscardDialog({
  entry,
  dependents,
  color,
  onCancel,
  onConfirm,
}: {
  entry: OutboxEntry;
  dependents: readonly OutboxEntry[];
  color: string;
  onCancel: () => void;
  onConfirm: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('pending');
  const title = entry.mutation.kind === 'create_case' ? entry.mutation.displayName : '';
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => !open && onCancel()} isDismissable>
      <Modal className="modal" style={{ borderTopColor: color }}>
        <Dialog className="dialog" role="alertdialog" data-testid="discard-dialog">
          <Heading slot="title">{t('discard.title', { title })}</Heading>
          <p>{t('discard.body', { count: dependents.length })}</p>
          <ul className="discard-list">
            {dependents.map((dependent) => (
              <li key={dependent.id}>
                {t(`caseDetail:kinds.${dependent.mutation.kind}`)}
                {dependent.mutation.kind === 'upload_attachment' && ` — ${dependent.mutation.filename}`}
                {dependent.mutation.kind === 'comment' && ` — “${dependent.mutation.body.slice(0, 80)}”`}
              </li>
            ))}
          </ul>
          <p className="muted">{t('discard.textKept')}</p>
          <div className="dialog-actions">
            <Button className="button" slot="close">
              {t('discard.cancel')}
            </Button>
            <Button className="button danger" autoFocus onPress={onConfirm} data-testid="discard-confirm">
              {t('discard.confirm', { count: dependents.length + 1 })}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
