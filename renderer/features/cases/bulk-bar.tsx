import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isValidEmail, SELECTABLE_PRIORITIES, type SelectablePriority } from '../../../shared/domain';
import type { AccountRuntime } from '../../runtime/account-runtime';
import type { BulkAction } from './bulk';
import { runBulk } from './bulk-targets';

interface RowResult {
  name: string;
  caseNumber: string;
  outcome: 'queued' | 'refused';
  reason?: string;
}

/** Close / change priority / add subscriber on the picked rows, with one result per row. */
export function BulkBar({
  runtime,
  selection,
  onClear,
}: {
  runtime: AccountRuntime;
  selection: readonly string[];
  onClear: () => void;
}): React.JSX.Element | null {
  const { t } = useTranslation('cases');
  const [priority, setPriority] = useState<SelectablePriority>('P2');
  const [email, setEmail] = useState('');
  const [confirmClose, setConfirmClose] = useState(false);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<RowResult[]>([]);
  const emailProblem = email.trim() !== '' && !isValidEmail(email.trim());

  const run = async (action: BulkAction): Promise<void> => {
    setBusy(true);
    try {
      const outcomes = await runBulk(runtime, action, selection);
      setResults(
        outcomes.map((o) => ({
          ...o,
          reason: o.refused ? t(`bulk.reason.${o.refused}`) : o.errorCode ? t(`common:errors.${o.errorCode}`) : undefined,
        })),
      );
      if (action.kind === 'add_subscriber') setEmail('');
    } finally {
      setBusy(false);
    }
  };

  if (selection.length === 0 && results.length === 0) return null;
  return (
    <>
      {selection.length > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')} data-testid="bulk-bar">
          <strong>{t('bulk.selected', { count: selection.length })}</strong>
          <button type="button" className="button danger" disabled={busy} onClick={() => setConfirmClose(true)} data-testid="bulk-close">
            {t('bulk.close')}
          </button>
          <label className="save-view">
            <span>{t('bulk.priority')}</span>
            <select
              value={priority}
              onChange={(event) => setPriority(event.target.value as SelectablePriority)}
              aria-label={t('bulk.priority')}
            >
              {SELECTABLE_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run({ kind: 'set_priority', priority })}
            data-testid="bulk-priority"
          >
            {t('bulk.apply')}
          </button>
          <form
            className="save-view"
            onSubmit={(event) => {
              event.preventDefault();
              if (!emailProblem && email.trim() !== '') void run({ kind: 'add_subscriber', email });
            }}
          >
            <input
              className="input"
              type="email"
              value={email}
              placeholder={t('bulk.subscriberPlaceholder')}
              aria-label={t('bulk.addSubscriber')}
              aria-invalid={emailProblem || undefined}
              onChange={(event) => setEmail(event.target.value)}
            />
            <button type="submit" className="button" disabled={busy || emailProblem || email.trim() === ''}>
              {t('bulk.addSubscriber')}
            </button>
            {emailProblem && <span className="error-text">{t('bulk.invalidEmail')}</span>}
          </form>
          <span className="spacer" />
          <button type="button" className="link" onClick={onClear}>
            {t('bulk.clear')}
          </button>
        </div>
      )}
      {results.length > 0 && (
        <ul className="bulk-results" aria-live="polite" data-testid="bulk-results">
          {results.map((result) => (
            <li key={result.name} className={result.outcome}>
              <span className="mono">#{result.caseNumber || t('list.notFiled')}</span> —{' '}
              {result.outcome === 'queued' ? t('bulk.queued') : t('bulk.refused', { reason: result.reason ?? '' })}
            </li>
          ))}
          <li>
            <button type="button" className="link" onClick={() => setResults([])}>
              {t('bulk.dismiss')}
            </button>
          </li>
        </ul>
      )}
      <ModalOverlay className="modal-overlay" isOpen={confirmClose} onOpenChange={setConfirmClose} isDismissable>
        <Modal className="modal" style={{ borderTopColor: runtime.account.color }}>
          <Dialog className="dialog" role="alertdialog">
            <Heading slot="title">{t('bulk.confirmTitle', { count: selection.length })}</Heading>
            <p>{t('bulk.confirmBody', { domain: runtime.account.domain })}</p>
            <div className="dialog-actions">
              <Button className="button" slot="close">
                {t('bulk.cancel')}
              </Button>
              <Button
                className="button primary"
                autoFocus
                data-testid="bulk-close-confirm"
                onPress={() => {
                  setConfirmClose(false);
                  void run({ kind: 'close' });
                }}
              >
                {t('bulk.close')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
