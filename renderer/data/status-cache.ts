// The Workspace Status Dashboard feed, kept for offline use: one IndexedDB database for the
// whole app (the feed is public and the same for every account of a backend), one row per
// backend with the incidents and when they were fetched. Incidents the live feed no longer
// lists stay as history for HISTORY_DAYS after they ended.

import Dexie, { type EntityTable } from 'dexie';
import type { Incident } from '../../shared/api';
import type { BackendKind } from '../../shared/ipc';

export const STATUS_DB_NAME = 'rsc-status';
export const HISTORY_DAYS = 90;

export interface StatusFeedRecord {
  backend: BackendKind;
  fetchedAtMs: number;
  incidents: Incident[];
}

class StatusDb extends Dexie {
  declare readonly feeds: EntityTable<StatusFeedRecord, 'backend'>;
  constructor(options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(STATUS_DB_NAME, options);
    this.version(1).stores({ feeds: 'backend' });
  }
}

let db: StatusDb | undefined;
const statusDb = (): StatusDb => (db ??= new StatusDb());

export async function loadStatusFeed(backend: BackendKind): Promise<StatusFeedRecord | undefined> {
  return statusDb().feeds.get(backend);
}

/** Newest first by begin time; what the feed dropped is kept while it is recent history. */
export function mergeIncidents(previous: readonly Incident[], fetched: readonly Incident[], nowMs: number): Incident[] {
  const byId = new Map(fetched.map((incident) => [incident.id, incident]));
  const horizon = nowMs - HISTORY_DAYS * 24 * 3_600_000;
  for (const old of previous) {
    if (byId.has(old.id)) continue;
    const ended = Date.parse(old.end ?? old.modified);
    if (Number.isFinite(ended) && ended >= horizon) byId.set(old.id, old);
  }
  return [...byId.values()].sort((a, b) => Date.parse(b.begin) - Date.parse(a.begin));
}

export async function saveStatusFeed(backend: BackendKind, fetched: readonly Incident[], fetchedAtMs: number): Promise<StatusFeedRecord> {
  return statusDb().transaction('rw', statusDb().feeds, async () => {
    const previous = await statusDb().feeds.get(backend);
    const record: StatusFeedRecord = { backend, fetchedAtMs, incidents: mergeIncidents(previous?.incidents ?? [], fetched, fetchedAtMs) };
    await statusDb().feeds.put(record);
    return record;
  });
}
