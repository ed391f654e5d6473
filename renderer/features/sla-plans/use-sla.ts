import { useMemo } from 'react';
import type { AgencyIndex } from '../../../shared/domain';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { useAgency } from './agency-store';
import { slaCellsFor, slaDueFor, type SlaCell, type SlaRowInput } from './case-sla';

/**
 * The SLA column of one account's list under the agency's plans: the cell of a row, and the
 * projection's `sla` sort key kept in step (installed when the plans or the threads change).
 * `version` is the runtime's change counter, which also covers its case facts.
 */
export function useRuntimeSla(runtime: AccountRuntime, nowMs: number, version: number): (row: SlaRowInput) => SlaCell | undefined {
  const agency = useAgency();
  useMemo(() => {
    // A target instant does not depend on "now", so the key only changes with data or plans.
    runtime.projection.setSlaKey(slaDueFor(runtime.facts, agency, Date.now()));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the runtime's facts, which change in place
  }, [runtime, agency, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the same
  return useMemo(() => slaCellsFor(runtime.facts, agency, nowMs), [runtime, agency, nowMs, version]);
}

/** The same for code that handles many runtimes at once (the all-domains queue): installs the sort key, returns the cells. */
export function runtimeSla(runtime: AccountRuntime, agency: AgencyIndex, nowMs: number): (row: SlaRowInput) => SlaCell | undefined {
  runtime.projection.setSlaKey(slaDueFor(runtime.facts, agency, nowMs));
  return slaCellsFor(runtime.facts, agency, nowMs);
}
