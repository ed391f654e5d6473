import { useEffect } from 'react';
import { create } from 'zustand';
import { EMPTY_AGENCY_DATA, indexAgency, type AgencyData, type AgencyIndex } from '../../../shared/domain';
import { getBridgeClient } from '../../platform';

// The agency's SLA plans and customer records, as main keeps them (agency.* channels).
// One store for the whole renderer; loaded on first use and kept current by `agency.changed`.

interface AgencyState {
  readonly index: AgencyIndex;
  readonly loaded: boolean;
  readonly error: string | undefined;
}

export const useAgencyStore = create<AgencyState>()(() => ({ index: indexAgency(EMPTY_AGENCY_DATA), loaded: false, error: undefined }));

let started = false;

export function setAgencyData(data: AgencyData): void {
  useAgencyStore.setState({ index: indexAgency(data), loaded: true, error: undefined });
}

/** Loads the document once and follows main's change events. */
export function startAgencySync(): void {
  if (started) return;
  started = true;
  const client = getBridgeClient();
  client.on('agency.changed', setAgencyData);
  client.invoke('agency.get', {}).then(setAgencyData, (reason: unknown) => {
    started = false;
    useAgencyStore.setState({ error: reason instanceof Error ? reason.message : String(reason) });
  });
}

/** Plans, per-customer plan and Google support offering (the starter plan until main answered). */
export function useAgency(): AgencyIndex {
  useEffect(startAgencySync, []);
  return useAgencyStore((state) => state.index);
}
