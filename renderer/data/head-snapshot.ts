import type { CaseRecord } from './records';

// The first screen must not wait for IndexedDB (opening it costs ~0.5 s in a fresh
// browser process here): the newest rows of each account are also kept as a small
// snapshot in localStorage, shown until the live head query answers.

const key = (accountId: string): string => `rsc-head-${accountId}`;
export const headSnapshotRows = 50;

/** Saves the newest cases without their descriptions (the list shows none). */
export function saveHeadSnapshot(accountId: string, records: readonly CaseRecord[], storage: Storage = localStorage): void {
  const rows = records.slice(0, headSnapshotRows).map((record) => ({ ...record, description: '' }));
  try {
    storage.setItem(key(accountId), JSON.stringify(rows));
  } catch {
    // Storage full or unavailable: the app only loses its head start.
  }
}

export function loadHeadSnapshot(accountId: string, storage: Storage = localStorage): CaseRecord[] | undefined {
  try {
    const parsed = JSON.parse(storage.getItem(key(accountId)) ?? 'null') as unknown;
    if (!Array.isArray(parsed)) return undefined;
    const rows = parsed.filter(
      (row): row is CaseRecord =>
        typeof row === 'object' &&
        row !== null &&
        typeof row.name === 'string' &&
        typeof row.updateTimeMs === 'number' &&
        typeof row.displayName === 'string',
    );
    return rows.length > 0 ? rows : undefined;
  } catch {
    return undefined;
  }
}

export function clearHeadSnapshot(accountId: string, storage: Storage = localStorage): void {
  storage.removeItem(key(accountId));
}
