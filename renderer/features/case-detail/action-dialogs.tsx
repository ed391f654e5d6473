import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  ESCALATION_JUSTIFICATION_MAX_LENGTH,
  ESCALATION_REASONS,
  isValidEmail,
  MAX_SUBSCRIBERS,
  type EscalationReason,
  type SelectablePriority,
} from '../../../shared/domain';
import type { Account, Mutation } from '../../../shared/ipc';
import type { ViewCase } from '../../data';
import { PriorityChoice } from './priority-choice';
import { fillTemplate, insertAt, type TemplateVariables } from './templates';
import { TemplatesMenu } from './templates-menu';

export type ActionDialog = 'priority' | 'close' | 'escalate' | 'share' | undefined;

type Enqueue = (mutation: Mutation) => Promise<boolean>;

function Frame({
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

export function PriorityDialog({
  open,
  onClose,
  view,
  account,
  enqueue,
}: {
  open: boolean;
  onClose: () => void;
  view: ViewCase;
  account: Account;
  enqueue: Enqueue;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const current = view.priority === 'P0' ? 'P1' : view.priority;
  const [choice, setChoice] = useState<SelectablePriority>(current);
  useEffect(() => {
    if (open) setChoice(current);
  }, [open, current]);
  return (
    <Frame open={open} onClose={onClose} title={t('priorityDialog.title')} color={account.color} testId="priority-dialog">
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
    </Frame>
  );
}

export function CloseDialog({
  open,
  onClose,
  view,
  account,
  enqueue,
}: {
  open: boolean;
  onClose: () => void;
  view: ViewCase;
  account: Account;
  enqueue: Enqueue;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  return (
    <Frame
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
    </Frame>
  );
}

export function EscalateDialog({
  open,
  onClose,
  view,
  account,
  blockedReason,
  enqueue,
  variables,
}: {
  open: boolean;
  onClose: () => void;
  view: ViewCase;
  account: Account;
  /** Why escalating is not offered (the customer's access, the case's state, the agency's offering). */
  blockedReason: string | undefined;
  enqueue: Enqueue;
  variables: TemplateVariables;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const [reason, setReason] = useState<EscalationReason | ''>('');
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; justification?: string }>({});
  useEffect(() => {
    if (open) setErrors({});
  }, [open]);
  const blocked = blockedReason;
  const submit = (): void => {
    const next: typeof errors = {};
    if (!reason) next.reason = t('escalate.reasonRequired');
    if (!justification.trim()) next.justification = t('escalate.justificationRequired');
    else if (justification.length > ESCALATION_JUSTIFICATION_MAX_LENGTH)
      next.justification = t('escalate.tooLong', { max: String(ESCALATION_JUSTIFICATION_MAX_LENGTH) });
    setErrors(next);
    if (next.reason || next.justification || !reason) return;
    void enqueue({ kind: 'escalate', caseRef: view.name, reason, justification: justification.trim() }).then((ok) => {
      if (!ok) return;
      setJustification('');
      setReason('');
      onClose();
    });
  };
  return (
    <Frame open={open} onClose={onClose} title={t('escalate.title')} color={account.color} testId="escalate-dialog">
      {blocked ? (
        <>
          <p data-testid="escalate-blocked">{blocked}</p>
          <div className="dialog-actions">
            <Button className="button" slot="close" autoFocus>
              {t('dialog.ok')}
            </Button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <p className="muted">{t('escalate.intro')}</p>
          <label className="field">
            <span>{t('escalate.reason')}</span>
            <select
              className="input"
              value={reason}
              autoFocus
              data-testid="escalate-reason"
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? 'escalate-reason-error' : undefined}
              onChange={(event) => setReason(event.target.value as EscalationReason)}
            >
              <option value="">{t('escalate.chooseReason')}</option>
              {ESCALATION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`escalate.reasons.${r}`)}
                </option>
              ))}
            </select>
            {errors.reason && (
              <span className="error-text" id="escalate-reason-error">
                {errors.reason}
              </span>
            )}
          </label>
          <label className="field wide">
            <span>{t('escalate.justification')}</span>
            <textarea
              className="input"
              rows={5}
              value={justification}
              data-testid="escalate-justification"
              placeholder={t('escalate.justificationHint')}
              aria-invalid={errors.justification ? true : undefined}
              aria-describedby={errors.justification ? 'escalate-justification-error' : undefined}
              onChange={(event) => setJustification(event.target.value)}
              onKeyDown={(event) => {
                if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
                  event.preventDefault();
                  submit();
                }
              }}
            />
            {errors.justification && (
              <span className="error-text" id="escalate-justification-error">
                {errors.justification}
              </span>
            )}
          </label>
          <div className="dialog-actions">
            <TemplatesMenu
              kind="escalation"
              domain={account.domain}
              currentText={justification}
              accentColor={account.color}
              onInsert={(template) =>
                setJustification((text) => insertAt(text, text.length, text.length, fillTemplate(template.body, variables)).text)
              }
            />
            <span className="spacer" />
            <Button className="button" onPress={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button className="button primary" type="submit" data-testid="submit-escalation">
              {t('escalate.submit')}
            </Button>
          </div>
        </form>
      )}
    </Frame>
  );
}

/** Returns the problem with one address the agent wants to add, or null. */
export function subscriberProblem(email: string, current: readonly string[]): 'invalid' | 'duplicate' | 'too_many' | null {
  if (!isValidEmail(email)) return 'invalid';
  if (current.some((e) => e.toLowerCase() === email.toLowerCase())) return 'duplicate';
  if (current.length >= MAX_SUBSCRIBERS) return 'too_many';
  return null;
}

export function ShareDialog({
  open,
  onClose,
  view,
  account,
  enqueue,
}: {
  open: boolean;
  onClose: () => void;
  view: ViewCase;
  account: Account;
  enqueue: Enqueue;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const [list, setList] = useState<string[]>(view.subscriberEmails);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const reset = useEffectEvent(() => {
    setList(view.subscriberEmails);
    setInput('');
    setError(undefined);
  });
  // Only when the dialog opens: a later server update must not wipe what the agent is editing.
  useEffect(() => {
    if (open) reset();
  }, [open, view.name]);
  const add = (): boolean => {
    const email = input.trim();
    if (!email) return true;
    const problem = subscriberProblem(email, list);
    if (problem) {
      setError(t(`share.${problem}`, { value: email, max: String(MAX_SUBSCRIBERS) }));
      return false;
    }
    setList([...list, email]);
    setInput('');
    setError(undefined);
    return true;
  };
  const changed = list.join('\n') !== view.subscriberEmails.join('\n');
  return (
    <Frame open={open} onClose={onClose} title={t('share.title')} color={account.color} testId="share-dialog">
      <p className="muted">{t('share.intro')}</p>
      <ul className="subscriber-list" data-testid="share-list">
        {list.length === 0 && <li className="muted">{t('field.noSubscribers')}</li>}
        {list.map((email) => (
          <li key={email}>
            <span>{email}</span>
            <button
              type="button"
              className="button"
              aria-label={t('share.removeOne', { email })}
              onClick={() => setList(list.filter((e) => e !== email))}
            >
              {t('share.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="share-add"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label className="field">
          <span>{t('share.add')}</span>
          <input
            className="input"
            type="text"
            inputMode="email"
            autoFocus
            value={input}
            data-testid="share-input"
            placeholder="name@example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'share-error' : undefined}
            onChange={(event) => {
              setInput(event.target.value);
              setError(undefined);
            }}
          />
          {error && (
            <span className="error-text" id="share-error" role="alert">
              {error}
            </span>
          )}
        </label>
        <button type="submit" className="button" data-testid="share-add">
          {t('share.addButton')}
        </button>
      </form>
      <div className="dialog-actions">
        <Button className="button" onPress={onClose}>
          {t('dialog.cancel')}
        </Button>
        <Button
          className="button primary"
          data-testid="share-save"
          onPress={() => {
            // A typed but not yet added address counts: the agent expects Save to include it.
            if (!add()) return;
            const email = input.trim();
            const next = email ? [...list, email] : list;
            if (!changed && !email) return onClose();
            void enqueue({ kind: 'set_subscribers', caseRef: view.name, subscriberEmails: next }).then((ok) => ok && onClose());
          }}
        >
          {t('share.save')}
        </Button>
      </div>
    </Frame>
  );
}
