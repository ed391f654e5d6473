export { CasesView } from './cases-view';
export { CustomersView } from './customers-view';
export { AllDomainsQueue } from './all-domains-queue';
export { CommandPalette } from './command-palette';
export { useSlaWatch } from './sla-watch';
export { useNow } from './use-now';
