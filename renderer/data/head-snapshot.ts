import { z } from 'zod';
import { accountKey, browserStorage, defineSlot, storageKeys } from '../platform/storage';
import type { CaseRecord } from './records';

// The first screen must not wait for IndexedDB (opening it costs ~0.5 s in a fresh
// browser process here): the newest rows of each account are also kept as a small
// snapshot in localStorage, shown until the live head query answers.

const key = (accountId: string): string => accountKey(storageKeys.headSnapshot, accountId);
export const headSnapshotRows = 50;

// Only what the first rows need is checked; the live query replaces them within a second.
const rowSchema = z.looseObject({ name: z.string(), updateTimeMs: z.number(), displayName: z.string() });
const snapshotSlot = defineSlot({
  version: 1,
  schema: z.array(z.unknown()).transform((rows) => rows.filter((row) => rowSchema.safeParse(row).success) as CaseRecord[]),
});

/** Saves the newest cases without their descriptions (the list shows none). */
export function saveHeadSnapshot(accountId: string, records: readonly CaseRecord[], storage: Storage = browserStorage.local()): void {
  // Storage full or unavailable: the app only loses its head start.
  snapshotSlot.write(
    storage,
    key(accountId),
    records.slice(0, headSnapshotRows).map((record) => ({ ...record, description: '' })),
  );
}

export function loadHeadSnapshot(accountId: string, storage: Storage = browserStorage.local()): CaseRecord[] | undefined {
  const rows = snapshotSlot.read(storage, key(accountId));
  return rows && rows.length > 0 ? rows : undefined;
}

export function clearHeadSnapshot(accountId: string, storage: Storage = browserStorage.local()): void {
  snapshotSlot.remove(storage, key(accountId));
}
