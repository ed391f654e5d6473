import { useTranslation } from 'react-i18next';
import { useDrill, useDrillStore } from '../../state/drill-store';
import { tabStoreFor } from '../../state/tab-store';

/** Above a list opened from a dashboard chart: what it shows, the way back, and the way out. */
export function DrillBanner({ tabId }: { tabId: string }): React.JSX.Element | null {
  const { t } = useTranslation('dashboard');
  const drill = useDrill(tabId);
  if (!drill) return null;
  return (
    <p className="notice drill-banner" role="status" data-testid="drill-banner" data-count={drill.count}>
      {t('drill.showing', { count: drill.count, label: drill.label })}{' '}
      <button type="button" className="link" data-testid="drill-back" onClick={() => tabStoreFor(tabId).getState().setView('dashboard')}>
        {t('drill.back')}
      </button>{' '}
      <button type="button" className="link" data-testid="drill-clear" onClick={() => useDrillStore.getState().clearDrill(tabId)}>
        {t('drill.clear')}
      </button>
    </p>
  );
}
