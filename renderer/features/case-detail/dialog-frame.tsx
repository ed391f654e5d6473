import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { Account, Mutation } from '../../../shared/ipc';
import type { ViewCase } from '../../data';

export type ActionDialog = 'priority' | 'close' | 'escalate' | 'share' | undefined;

/** Queues one change of the case; false when it could not be queued (the case shows why). */
export type Enqueue = (mutation: Mutation) => Promise<boolean>;

/** What every action dialog of a case is given. */
export interface CaseDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly view: ViewCase;
  readonly account: Account;
  readonly enqueue: Enqueue;
}

/** The modal every action dialog of a case sits in, edged in the domain's colour. */
export function DialogFrame({
  open,
  onClose,
  title,
  color,
  children,
  alert,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  color: string;
  children: ReactNode;
  alert?: boolean;
  testId: string;
}): React.JSX.Element {
  return (
    <ModalOverlay className="modal-overlay" isOpen={open} onOpenChange={(next) => !next && onClose()} isDismissable>
      <Modal className="modal wide" style={{ borderTopColor: color }}>
        <Dialog className="dialog" role={alert ? 'alertdialog' : 'dialog'} data-testid={testId}>
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
