export { useAgency, useAgencyStore, startAgencySync } from './agency-store';
export { slaCellOf, slaCellsFor, slaDueFor, slaInputOf, threadOf, type SlaCell, type SlaRowInput } from './case-sla';
export { runtimeSla, useRuntimeSla } from './use-sla';
export { SlaPlansSettings } from './sla-plans-settings';
