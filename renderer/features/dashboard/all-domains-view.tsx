import { useTranslation } from 'react-i18next';
import { useTab } from '../../state/tab-store';
import { AllDomainsDashboard } from './lazy';
import './all-domains-view.css';

/** The all-domains tab: the merged queue, or the dashboard over every domain. */
export function AllDomainsView({ queue }: { queue: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation('dashboard');
  const view = useTab((state) => state.view);
  const setView = useTab((state) => state.setView);
  const dashboard = view === 'dashboard';
  return (
    <div className="all-domains-view">
      <div className="all-view-switch" role="group" aria-label={t('switch.label')}>
        <button type="button" className="button" aria-pressed={!dashboard} data-testid="all-view-queue" onClick={() => setView('cases')}>
          {t('switch.queue')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={dashboard}
          data-testid="all-view-dashboard"
          onClick={() => setView('dashboard')}
        >
          {t('switch.dashboard')}
        </button>
      </div>
      <div className="view-body">{dashboard ? <AllDomainsDashboard /> : queue}</div>
    </div>
  );
}
