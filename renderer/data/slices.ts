// IndexedDB work in slices: the browser clones and indexes every row of one bulk call in a
// single task, so 500 cases in one bulkPut were a 50–60 ms main-thread task (issue 21).
// Awaiting each slice inside the same transaction keeps the batch atomic (only Dexie
// calls are awaited) while the page gets a turn between slices.
import type { Table } from 'dexie';

/** Rows per IndexedDB call: ~10 ms of cloning and indexing for a case slice on our 2-core machine. */
export const ROWS_PER_SLICE = 100;

export async function bulkPutInSlices<T, K, I>(table: Table<T, K, I>, rows: readonly I[]): Promise<void> {
  for (let at = 0; at < rows.length; at += ROWS_PER_SLICE) await table.bulkPut(rows.slice(at, at + ROWS_PER_SLICE));
}

/** Rows for `keys`, in their order (undefined where missing), read a slice at a time. */
export async function bulkGetInSlices<T, K, I>(table: Table<T, K, I>, keys: readonly K[]): Promise<Array<T | undefined>> {
  const rows: Array<T | undefined> = [];
  for (let at = 0; at < keys.length; at += ROWS_PER_SLICE) rows.push(...(await table.bulkGet(keys.slice(at, at + ROWS_PER_SLICE))));
  return rows;
}
