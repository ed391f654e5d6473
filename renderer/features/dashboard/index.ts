// The dashboard views are lazy (their chunk carries ECharts); the all-domains switch is light.
export { AllDomainsDashboard, DomainDashboard } from './lazy';
export { AllDomainsView } from './all-domains-view';
export { useDashboardPrefsStore } from './prefs';
