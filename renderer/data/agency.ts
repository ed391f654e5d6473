import type { SupportTier } from '../../shared/domain';

// The agency's own knowledge of a customer: its Google support offering (does it include
// escalations?) and the SLA it sold. Google's APIs carry neither, so the console never
// reads them off the wire. Settings → SLA plans is where the agency records them; until
// that data is wired in here, every customer counts as standard and escalation is not
// offered. These two functions are the whole seam.

/** The support tier the SLA clocks use for the customer. */
export function supportTierOf(_customerId: string): SupportTier {
  return 'standard';
}

/** Whether the agency's data says the customer's Google support offering includes escalations. */
export function mayEscalate(_customerId: string): boolean {
  return false;
}
