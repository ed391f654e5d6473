// Reads for the status page: open cases an incident may have caused. Both use an index
// (updateTimeMs, [state+customerId]) and stop early where they can; neither runs while the
// agent types.

import Dexie from 'dexie';
import { createdDuringIncident, incidentAffectsCategory, INCIDENT_LEAD_MS, isOpenState } from '../../shared/domain';
import type { Incident } from '../../shared/api';
import type { ReplicaDb } from './db';
import type { CaseRecord } from './records';

/** Open cases of the incident's product created while it ran. A case created then was updated since, so the updateTime index bounds the read. */
export async function openCasesDuringIncident(db: ReplicaDb, incident: Incident, nowMs: number): Promise<CaseRecord[]> {
  const from = Date.parse(incident.begin) - INCIDENT_LEAD_MS;
  const candidates = await db.cases.where('updateTimeMs').aboveOrEqual(from).toArray();
  return candidates.filter(
    (c) =>
      isOpenState(c.state) &&
      incidentAffectsCategory(incident, c.classificationName) &&
      createdDuringIncident(c.createTimeMs, incident, nowMs),
  );
}

const OPEN_STATES = ['NEW', 'IN_PROGRESS_GOOGLE_SUPPORT', 'ACTION_REQUIRED', 'SOLUTION_PROVIDED', 'STATE_UNSPECIFIED'] as const;

/** Whether the account has any open case of the incident's product (stops at the first). */
export async function hasOpenCaseOfProduct(db: ReplicaDb, incident: Incident): Promise<boolean> {
  for (const state of OPEN_STATES) {
    const found = await db.cases
      .where('[state+customerId]')
      .between([state, Dexie.minKey], [state, Dexie.maxKey])
      .filter((c) => incidentAffectsCategory(incident, c.classificationName))
      .first();
    if (found) return true;
  }
  return false;
}
