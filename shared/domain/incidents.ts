import type { Incident } from '../api/status-feed';

// Which cases an incident on the Workspace Status Dashboard may have caused: the same
// product (the incident's service and affected products against the case's category path,
// e.g. "Google Workspace > Gmail > Mail delivery") and a case created while it ran.

/** A case filed shortly before the dashboard posted the incident is still likely one of its reports. */
export const INCIDENT_LEAD_MS = 2 * 3_600_000;
/** …and one filed shortly after it ended. */
export const INCIDENT_TAIL_MS = 3_600_000;

function productKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^google\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Product names of an incident, normalised ("Google Drive" → "drive"). */
export function incidentProducts(incident: Pick<Incident, 'service_name' | 'affected_products'>): string[] {
  return [...new Set([incident.service_name, ...incident.affected_products.map((p) => p.title)].map(productKey))].filter(Boolean);
}

/** The product segment of a category path ("Google Workspace > Gmail > Mail delivery" → "gmail"). */
export function categoryProduct(classificationName: string | undefined): string | undefined {
  if (!classificationName) return undefined;
  const parts = classificationName.split('>').map((part) => part.trim());
  const product = parts[0]?.toLowerCase() === 'google workspace' ? parts[1] : parts[0];
  return product ? productKey(product) : undefined;
}

export function incidentAffectsCategory(
  incident: Pick<Incident, 'service_name' | 'affected_products'>,
  classificationName: string | undefined,
): boolean {
  const product = categoryProduct(classificationName);
  return product !== undefined && incidentProducts(incident).includes(product);
}

/** The case was created while the incident ran (with a lead before it was posted and a tail after it ended). */
export function createdDuringIncident(createTimeMs: number, incident: Pick<Incident, 'begin' | 'end'>, nowMs: number): boolean {
  const begin = Date.parse(incident.begin);
  const end = incident.end ? Date.parse(incident.end) : nowMs;
  return createTimeMs >= begin - INCIDENT_LEAD_MS && createTimeMs <= end + INCIDENT_TAIL_MS;
}

export function isCurrentIncident(incident: Pick<Incident, 'end'>): boolean {
  return incident.end === undefined;
}

/** The note a case gets when the agent links it to an incident (English, for Google's engineers). */
export function incidentNote(incident: Pick<Incident, 'number' | 'service_name' | 'external_desc' | 'begin' | 'uri'>): string {
  return `Possibly related to Google Workspace Status Dashboard incident ${incident.number} (${incident.service_name}, since ${incident.begin}): ${incident.external_desc}`;
}
