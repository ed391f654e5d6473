import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import type { NewCaseForm } from './use-new-case-form';

export function SubmitBar({
  form,
  accountId,
  onSubmit,
}: {
  form: NewCaseForm;
  accountId: string;
  onSubmit: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const offline = useAppStore((state) => state.syncStatus[accountId]?.connection === 'offline');
  const { draft, attempted, errors, failure, busy, fileProblems } = form;
  const errorCount = Object.keys(errors).length + fileProblems.length;
  return (
    <footer className="submit-bar">
      {offline && draft.priority === 'P1' && (
        <p className="warning" role="alert" data-testid="offline-p1">
          {t('submit.offlineP1')}
        </p>
      )}
      {offline && draft.priority !== 'P1' && <p className="muted">{t('submit.offline')}</p>}
      {attempted && errorCount > 0 && (
        <p className="error-text" role="alert" data-testid="form-errors">
          {t('submit.errors', { count: errorCount })}
        </p>
      )}
      {failure && <p className="error-text">{failure}</p>}
      <div className="submit-actions">
        <span className="muted small">{t('submit.draftHint')}</span>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => form.reset('form')} data-testid="discard-draft">
          {t('submit.discardDraft')}
        </button>
        <button type="button" className="button primary" data-testid="submit-case" disabled={busy} onClick={onSubmit}>
          {t('submit.button')} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </footer>
  );
}
