import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isValidEmail, SELECTABLE_PRIORITIES, type SelectablePriority } from '../../../shared/domain';
import type { AccountRuntime } from '../../runtime/account-runtime';
import type { BulkAction } from './bulk';
import { runBulk } from './bulk-targets';

export interface BulkRowResult {
  readonly name: string;
  readonly caseNumber: string;
  readonly outcome: 'queued' | 'refused';
  readonly reason?: string | undefined;
}

/** Runs one bulk action on the picked rows and keeps one result per row, in the agent's words. */
function useBulkRun(runtime: AccountRuntime, selection: readonly string[]) {
  const { t } = useTranslation('cases');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkRowResult[]>([]);
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
    } finally {
      setBusy(false);
    }
  };
  return { busy, results, run, clearResults: () => setResults([]) };
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
  // Kept here, not in the controls: they outlive a selection that is cleared and picked again.
  const [priority, setPriority] = useState<SelectablePriority>('P2');
  const [email, setEmail] = useState('');
  const [confirmClose, setConfirmClose] = useState(false);
  const { busy, results, run, clearResults } = useBulkRun(runtime, selection);

  if (selection.length === 0 && results.length === 0) return null;
  return (
    <>
      {selection.length > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')} data-testid="bulk-bar">
          <strong>{t('bulk.selected', { count: selection.length })}</strong>
          <button type="button" className="button danger" disabled={busy} onClick={() => setConfirmClose(true)} data-testid="bulk-close">
            {t('bulk.close')}
          </button>
          <BulkPriority value={priority} onChange={setPriority} busy={busy} onApply={() => void run({ kind: 'set_priority', priority })} />
          <BulkSubscriber
            email={email}
            onEmail={setEmail}
            busy={busy}
            onAdd={() => void run({ kind: 'add_subscriber', email }).then(() => setEmail(''))}
          />
          <span className="spacer" />
          <button type="button" className="link" onClick={onClear}>
            {t('bulk.clear')}
          </button>
        </div>
      )}
      <BulkResults results={results} onDismiss={clearResults} />
      <BulkCloseConfirm
        open={confirmClose}
        onOpenChange={setConfirmClose}
        count={selection.length}
        runtime={runtime}
        onConfirm={() => {
          setConfirmClose(false);
          void run({ kind: 'close' });
        }}
      />
    </>
  );
}

function BulkPriority({
  value,
  onChange,
  busy,
  onApply,
}: {
  value: SelectablePriority;
  onChange: (priority: SelectablePriority) => void;
  busy: boolean;
  onApply: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('cases');
  return (
    <>
      <label className="save-view">
        <span>{t('bulk.priority')}</span>
        <select value={value} onChange={(event) => onChange(event.target.value as SelectablePriority)} aria-label={t('bulk.priority')}>
          {SELECTABLE_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={busy} onClick={onApply} data-testid="bulk-priority">
        {t('bulk.apply')}
      </button>
    </>
  );
}

/** One address to add to every picked case, checked as the agent types. */
function BulkSubscriber({
  email,
  onEmail,
  busy,
  onAdd,
}: {
  email: string;
  onEmail: (email: string) => void;
  busy: boolean;
  onAdd: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('cases');
  const emailProblem = email.trim() !== '' && !isValidEmail(email.trim());
  return (
    <form
      className="save-view"
      onSubmit={(event) => {
        event.preventDefault();
        if (!emailProblem && email.trim() !== '') onAdd();
      }}
    >
      <input
        className="input"
        type="email"
        value={email}
        placeholder={t('bulk.subscriberPlaceholder')}
        aria-label={t('bulk.addSubscriber')}
        aria-invalid={emailProblem || undefined}
        onChange={(event) => onEmail(event.target.value)}
      />
      <button type="submit" className="button" disabled={busy || emailProblem || email.trim() === ''}>
        {t('bulk.addSubscriber')}
      </button>
      {emailProblem && <span className="error-text">{t('bulk.invalidEmail')}</span>}
    </form>
  );
}

/** What happened to each picked case: queued, or refused and why. */
export function BulkResults({
  results,
  onDismiss,
}: {
  results: readonly BulkRowResult[];
  onDismiss: () => void;
}): React.JSX.Element | null {
  const { t } = useTranslation('cases');
  if (results.length === 0) return null;
  return (
    <ul className="bulk-results" aria-live="polite" data-testid="bulk-results">
      {results.map((result) => (
        <li key={result.name} className={result.outcome}>
          <span className="mono">#{result.caseNumber || t('list.notFiled')}</span> —{' '}
          {result.outcome === 'queued' ? t('bulk.queued') : t('bulk.refused', { reason: result.reason ?? '' })}
        </li>
      ))}
      <li>
        <button type="button" className="link" onClick={onDismiss}>
          {t('bulk.dismiss')}
        </button>
      </li>
    </ul>
  );
}

function BulkCloseConfirm({
  open,
  onOpenChange,
  count,
  runtime,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  runtime: AccountRuntime;
  onConfirm: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('cases');
  return (
    <ModalOverlay className="modal-overlay" isOpen={open} onOpenChange={onOpenChange} isDismissable>
      <Modal className="modal" style={{ borderTopColor: runtime.account.color }}>
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{t('bulk.confirmTitle', { count })}</Heading>
          <p>{t('bulk.confirmBody', { domain: runtime.account.domain })}</p>
          <div className="dialog-actions">
            <Button className="button" slot="close">
              {t('bulk.cancel')}
            </Button>
            <Button className="button primary" autoFocus data-testid="bulk-close-confirm" onPress={onConfirm}>
              {t('bulk.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
