import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ESCALATION_JUSTIFICATION_MAX_LENGTH, ESCALATION_REASONS, type EscalationReason } from '../../../shared/domain';
import type { Account } from '../../../shared/ipc';
import { DialogFrame, type CaseDialogProps, type Enqueue } from './dialog-frame';
import { fillTemplate, insertAt, type TemplateVariables } from './templates';
import { TemplatesMenu } from './templates-menu';

interface EscalateErrors {
  reason?: string;
  justification?: string;
}

/** The escalation form's fields, their errors, and submit (checks, queues, then empties and closes). */
export function useEscalateForm({
  open,
  caseRef,
  enqueue,
  onClose,
}: {
  open: boolean;
  caseRef: string;
  enqueue: Enqueue;
  onClose: () => void;
}) {
  const { t } = useTranslation('caseDetail');
  const [reason, setReason] = useState<EscalationReason | ''>('');
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<EscalateErrors>({});
  useEffect(() => {
    if (open) setErrors({});
  }, [open]);
  const submit = (): void => {
    const next: EscalateErrors = {};
    if (!reason) next.reason = t('escalate.reasonRequired');
    if (!justification.trim()) next.justification = t('escalate.justificationRequired');
    else if (justification.length > ESCALATION_JUSTIFICATION_MAX_LENGTH)
      next.justification = t('escalate.tooLong', { max: String(ESCALATION_JUSTIFICATION_MAX_LENGTH) });
    setErrors(next);
    if (next.reason || next.justification || !reason) return;
    void enqueue({ kind: 'escalate', caseRef, reason, justification: justification.trim() }).then((ok) => {
      if (!ok) return;
      setJustification('');
      setReason('');
      onClose();
    });
  };
  return { reason, setReason, justification, setJustification, errors, submit };
}

export function EscalateDialog({
  open,
  onClose,
  view,
  account,
  blockedReason,
  enqueue,
  variables,
}: CaseDialogProps & {
  /** Why escalating is not offered (the customer's access, the case's state, the agency's offering). */
  blockedReason: string | undefined;
  variables: TemplateVariables;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const form = useEscalateForm({ open, caseRef: view.name, enqueue, onClose });
  return (
    <DialogFrame open={open} onClose={onClose} title={t('escalate.title')} color={account.color} testId="escalate-dialog">
      {blockedReason ? (
        <EscalateBlocked reason={blockedReason} />
      ) : (
        <EscalateForm form={form} account={account} variables={variables} onClose={onClose} />
      )}
    </DialogFrame>
  );
}

/** Escalating is not offered here: why, and a way out. */
function EscalateBlocked({ reason }: { reason: string }): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  return (
    <>
      <p data-testid="escalate-blocked">{reason}</p>
      <div className="dialog-actions">
        <Button className="button" slot="close" autoFocus>
          {t('dialog.ok')}
        </Button>
      </div>
    </>
  );
}

/** The reason and justification Google asks for, with the domain's escalation templates. */
function EscalateForm({
  form,
  account,
  variables,
  onClose,
}: {
  form: ReturnType<typeof useEscalateForm>;
  account: Account;
  variables: TemplateVariables;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const { reason, setReason, justification, setJustification, errors, submit } = form;
  return (
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
  );
}
