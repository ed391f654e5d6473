import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The dashboard (and ECharts with it) is its own chunk: loaded when a dashboard is first shown.
const LazyDomainDashboard = lazy(() => import('./dashboard-view').then((m) => ({ default: m.DomainDashboard })));
const LazyAllDomainsDashboard = lazy(() => import('./dashboard-view').then((m) => ({ default: m.AllDomainsDashboard })));

function Loading(): React.JSX.Element {
  const { t } = useTranslation('dashboard');
  return (
    <p className="muted placeholder" aria-busy="true">
      {t('status.loading')}
    </p>
  );
}

export function DomainDashboard(): React.JSX.Element {
  return (
    <Suspense fallback={<Loading />}>
      <LazyDomainDashboard />
    </Suspense>
  );
}

export function AllDomainsDashboard(): React.JSX.Element {
  return (
    <Suspense fallback={<Loading />}>
      <LazyAllDomainsDashboard />
    </Suspense>
  );
}
