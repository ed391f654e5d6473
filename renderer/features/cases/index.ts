export { CasesView } from './cases-view';
export { CustomersView } from './customers-view';
export { AllDomainsQueue } from './all-domains-queue';
export { CommandPalette } from './command-palette';
export { forgetSlaNotifications, useSlaWatch } from './sla-watch';
export { CaseViewsRail } from './views-rail';
export { useNow } from './use-now';
