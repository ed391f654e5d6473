// Read functions for the UI (components never touch tables). Each uses an index; none
// scans the cases table with Collection.filter() (measured-here: ~2.3 s at 100k).

import Dexie, { type Collection, type EntityTable, type InsertType } from 'dexie';
import type { CaseState } from '../../shared/domain/case-model';
import type { ReplicaDb } from './db';
import type { AttachmentRecord, CaseHistoryRecord, CaseRecord, CategoryRecord, CommentRecord, CustomerRecord } from './records';

export function getCase(db: ReplicaDb, name: string): Promise<CaseRecord | undefined> {
  return db.cases.get(name);
}

/** Several cases by name (absent ones left out), e.g. the cases the pending changes are about. */
export async function getCases(db: ReplicaDb, names: readonly string[]): Promise<Map<string, CaseRecord>> {
  const records = await db.cases.bulkGet([...names]);
  return new Map(records.flatMap((record) => (record ? [[record.name, record] as const] : [])));
}

/** The thread, oldest first (the [caseName+createTimeMs] index gives the order for free). */
export function listComments(db: ReplicaDb, caseName: string): Promise<CommentRecord[]> {
  return db.comments.where('[caseName+createTimeMs]').between([caseName, Dexie.minKey], [caseName, Dexie.maxKey], true, true).toArray();
}

export async function listAttachments(db: ReplicaDb, caseName: string): Promise<AttachmentRecord[]> {
  const rows = await db.attachments.where('caseName').equals(caseName).toArray();
  return rows.sort((a, b) => a.createTimeMs - b.createTimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface CustomerWithCounts extends CustomerRecord {
  openCaseCount: number;
}

/**
 * Customers by display name with their open-case counts. Two native index counts per customer
 * (all its cases, its closed ones): no key or record is read, so the live query stays light
 * however many cases the replica holds (reading every index key put each case's primary key
 * into the live query's observed set, twice per batch during a sync: issue 21).
 */
export async function listCustomers(db: ReplicaDb): Promise<CustomerWithCounts[]> {
  return db.transaction('r', db.customers, db.cases, async () => {
    const customers = await db.customers.toArray();
    const counted = await Promise.all(
      customers.map(async (customer) => {
        const [all, closed] = await Promise.all([
          casesOfCustomer(db, customer.customerId).count(),
          // Open is every state but CLOSED (isOpenState).
          db.cases
            .where('[state+customerId]')
            .equals(['CLOSED' satisfies CaseState, customer.customerId])
            .count(),
        ]);
        return { ...customer, openCaseCount: all - closed };
      }),
    );
    return counted.sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}

export function getCustomer(db: ReplicaDb, customerId: string): Promise<CustomerRecord | undefined> {
  return db.customers.get(customerId);
}

export function listCategories(db: ReplicaDb): Promise<CategoryRecord[]> {
  return db.categories.toArray();
}

export async function getCursor(db: ReplicaDb): Promise<string | undefined> {
  return (await db.meta.get('cursor'))?.value;
}

export async function getLastSyncedAt(db: ReplicaDb): Promise<string | undefined> {
  return (await db.meta.get('lastSyncedAt'))?.value;
}

/** The most recently updated cases, for the first paint before the projection is hydrated. */
export function headCases(db: ReplicaDb, limit: number): Promise<CaseRecord[]> {
  return db.cases.orderBy('updateTimeMs').reverse().limit(limit).toArray();
}

/** A customer's cases in the [customerId+updateTimeMs] index, oldest update first. */
function casesOfCustomer(db: ReplicaDb, customerId: string): Collection<CaseRecord, string, InsertType<CaseRecord, 'name'>> {
  return db.cases.where('[customerId+updateTimeMs]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);
}

/** A customer's cases, most recently updated first. */
export function listCustomerCases(db: ReplicaDb, customerId: string, limit = Infinity): Promise<CaseRecord[]> {
  return casesOfCustomer(db, customerId).reverse().limit(limit).toArray();
}

type Yield = () => Promise<void>;

/** scheduler.yield() where the browser has it (keeps task priority), else a macrotask. */
export const yieldToMain: Yield = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * For background work (checks that run every minute): continue only when nothing more urgent
 * waits, frames included. scheduler.yield() continuations go ahead of the frame: 80 short
 * slices of the SLA watch back to back held a frame 38 ms while the list scrolled (issue 21).
 */
export const yieldToBackground: Yield = () => {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void> } })
    .scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
};

export interface ChunkLoadOptions {
  signal?: AbortSignal;
  /** Replaces the yield between chunks (tests). */
  yieldFn?: Yield;
}

/**
 * Streams every case to `onChunk` in primary-key pages, yielding to the event loop between
 * pages so hydration never holds the main thread for long. Keyset paging (`above(lastKey)`)
 * keeps each page O(page) however far in we are; each page is its own short read
 * transaction, so a batch applied meanwhile is simply picked up (or re-applied by the caller).
 */
export function loadCasesInChunks(
  db: ReplicaDb,
  chunkSize: number | (() => number),
  onChunk: (records: CaseRecord[]) => void | Promise<void>,
  options: ChunkLoadOptions = {},
): Promise<number> {
  return loadTableInChunks(db.cases, chunkSize, onChunk, options);
}

/** Every comment, in pages (hydrating the projection's comment text). */
export function loadCommentsInChunks(
  db: ReplicaDb,
  chunkSize: number | (() => number),
  onChunk: (records: CommentRecord[]) => void | Promise<void>,
  options: ChunkLoadOptions = {},
): Promise<number> {
  return loadTableInChunks(db.comments, chunkSize, onChunk, options);
}

/** Every case history row, in pages (hydrating the in-memory case facts). */
export function loadHistoryInChunks(
  db: ReplicaDb,
  chunkSize: number | (() => number),
  onChunk: (records: CaseHistoryRecord[]) => void | Promise<void>,
  options: ChunkLoadOptions = {},
): Promise<number> {
  return loadTableInChunks(db.caseHistory, chunkSize, onChunk, options);
}

/** `chunkSize` may be a function so a caller can adapt the page to a time budget; `onChunk` may work on in slices. */
async function loadTableInChunks<T extends { name: string }>(
  table: EntityTable<T, 'name'>,
  chunkSize: number | (() => number),
  onChunk: (records: T[]) => void | Promise<void>,
  options: ChunkLoadOptions,
): Promise<number> {
  const pause = options.yieldFn ?? yieldToMain;
  let lastKey: string | undefined;
  let total = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const size = Math.max(1, Math.floor(typeof chunkSize === 'function' ? chunkSize() : chunkSize));
    const page =
      lastKey === undefined
        ? await table.orderBy(':id').limit(size).toArray()
        : await table.where(':id').above(lastKey).limit(size).toArray();
    if (page.length === 0) break;
    // Reading a page (structured-clone deserialisation) and indexing it are separate tasks,
    // so neither adds to the other's main-thread time.
    await pause();
    await onChunk(page);
    total += page.length;
    const last = page[page.length - 1];
    lastKey = last?.name;
    if (page.length < size) break;
    await pause();
  }
  return total;
}
