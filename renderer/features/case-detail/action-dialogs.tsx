import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SelectablePriority } from '../../../shared/domain';
import { DialogFrame, type ActionDialog, type CaseDialogProps } from './dialog-frame';
import { EscalateDialog } from './escalate-dialog';
import { PriorityChoice } from './priority-choice';
import { ShareDialog } from './share-dialog';
import type { TemplateVariables } from './templates';

export type { ActionDialog } from './dialog-frame';

export function PriorityDialog({ open, onClose, view, account, enqueue }: CaseDialogProps): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const current = view.priority === 'P0' ? 'P1' : view.priority;
  const [choice, setChoice] = useState<SelectablePriority>(current);
  useEffect(() => {
    if (open) setChoice(current);
  }, [open, current]);
  return (
    <DialogFrame open={open} onClose={onClose} title={t('priorityDialog.title')} color={account.color} testId="priority-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (choice === view.priority) return onClose();
          void enqueue({ kind: 'set_priority', caseRef: view.name, priority: choice }).then((ok) => ok && onClose());
        }}
      >
        <PriorityChoice value={choice} onChange={setChoice} label={t('field.priority')} autoFocus />
        <div className="dialog-actions">
          <Button className="button" onPress={onClose}>
            {t('dialog.cancel')}
          </Button>
          <Button className="button primary" type="submit" data-testid="save-priority">
            {t('priorityDialog.save')}
          </Button>
        </div>
      </form>
    </DialogFrame>
  );
}

export function CloseDialog({ open, onClose, view, account, enqueue }: CaseDialogProps): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  return (
    <DialogFrame
      open={open}
      onClose={onClose}
      title={t('closeDialog.title', { number: view.caseNumber })}
      color={account.color}
      alert
      testId="close-dialog"
    >
      <p>{t('closeDialog.body')}</p>
      <div className="dialog-actions">
        <Button className="button" onPress={onClose} autoFocus>
          {t('dialog.cancel')}
        </Button>
        <Button
          className="button danger"
          data-testid="confirm-close"
          onPress={() => void enqueue({ kind: 'close', caseRef: view.name }).then((ok) => ok && onClose())}
        >
          {t('closeDialog.confirm')}
        </Button>
      </div>
    </DialogFrame>
  );
}

/** The case's action dialogs; at most one is open. */
export function CaseDialogs({
  dialog,
  onClose,
  view,
  account,
  enqueue,
  escalateBlockedReason,
  variables,
}: Omit<CaseDialogProps, 'open'> & {
  dialog: ActionDialog;
  escalateBlockedReason: string | undefined;
  variables: TemplateVariables;
}): React.JSX.Element {
  const common = { onClose, view, account, enqueue };
  return (
    <>
      <PriorityDialog open={dialog === 'priority'} {...common} />
      <CloseDialog open={dialog === 'close'} {...common} />
      <EscalateDialog open={dialog === 'escalate'} {...common} blockedReason={escalateBlockedReason} variables={variables} />
      <ShareDialog open={dialog === 'share'} {...common} />
    </>
  );
}
