import { useTranslation } from 'react-i18next';
import type { HistoryState } from './case-data';

/** A long-closed case's thread is fetched when opened; offline, the agent can ask again later. */
export function HistoryBar({ state, onLoad }: { state: HistoryState; onLoad: () => void }): React.JSX.Element | null {
  const { t } = useTranslation('caseDetail');
  if (state === 'loading')
    return (
      <p className="muted history-bar" data-testid="history-state" data-state={state} aria-busy="true">
        {t('history.loading')}
      </p>
    );
  if (state !== 'failed') return null;
  return (
    <p className="history-bar" data-testid="history-state" data-state={state}>
      <span className="muted">{t('history.notHere')}</span>{' '}
      <button type="button" className="button" data-testid="load-history" onClick={onLoad}>
        {t('history.load')}
      </button>
    </p>
  );
}
