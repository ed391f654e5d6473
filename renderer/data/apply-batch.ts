// Applies one replica batch from main: all upserts, deletes, thread completions and the
// cursor commit in ONE readwrite transaction (strict durability is set on the database),
// so a crash leaves either the whole batch with its cursor or neither — main then re-pulls
// from the old cursor and nothing is skipped. Only Dexie calls happen inside the
// transaction: any other await would commit it early (PrematureCommitError).

import Dexie, { type Table } from 'dexie';
import type { ReplicaBatch } from '../../shared/ipc/replica';
import type { ReplicaDb } from './db';
import {
  nextCaseHistory,
  toAttachmentRecord,
  toCaseRecord,
  toCategoryRecord,
  toCommentRecord,
  toCustomerRecord,
  type AttachmentRecord,
  type CaseHistoryRecord,
  type CaseRecord,
  type CategoryRecord,
  type CommentRecord,
  type CustomerRecord,
  type MetaRecord,
} from './records';
import { getCursor } from './queries';
import { recordSyncChanges } from './case-events';
import { bulkGetInSlices, bulkPutInSlices } from './slices';

export interface ApplyCounts {
  casesUpserted: number;
  casesDeleted: number;
  commentsUpserted: number;
  commentsDeleted: number;
  attachmentsUpserted: number;
  attachmentsDeleted: number;
  customersUpserted: number;
  customersDeleted: number;
  categoriesUpserted: number;
  blobsDeleted: number;
}

export interface ApplyResult {
  /** False when the batch changed nothing and no transaction was opened for writing. */
  wrote: boolean;
  cursorChanged: boolean;
  counts: ApplyCounts;
  /** Cases still present whose record, comments or attachments changed (re-project these). */
  changedCaseNames: string[];
  /** Cases removed from the replica, including those of purged customers. */
  removedCaseNames: string[];
}

function zeroCounts(): ApplyCounts {
  return {
    casesUpserted: 0,
    casesDeleted: 0,
    commentsUpserted: 0,
    commentsDeleted: 0,
    attachmentsUpserted: 0,
    attachmentsDeleted: 0,
    customersUpserted: 0,
    customersDeleted: 0,
    categoriesUpserted: 0,
    blobsDeleted: 0,
  };
}

function len(list: readonly unknown[] | undefined): number {
  return list?.length ?? 0;
}

/** A batch with nothing in it but (maybe) a cursor: the no-change sync case. */
export function isDataFreeBatch(batch: ReplicaBatch): boolean {
  const u = batch.upserts;
  return (
    len(u.cases) + len(u.comments) + len(u.attachments) + len(u.customers) + len(u.categories) === 0 &&
    len(batch.deletes.cases) +
      len(batch.deletes.customers) +
      len(batch.deletes.casesOfCustomers) +
      len(batch.customerAccess) +
      len(batch.completeThreads) ===
      0
  );
}

export async function applyBatch(db: ReplicaDb, batch: ReplicaBatch, now: () => number = Date.now): Promise<ApplyResult> {
  if (batch.accountId !== db.accountId) {
    throw new Error(`Batch for account ${batch.accountId} offered to the replica of ${db.accountId}`);
  }
  const counts = zeroCounts();

  if (isDataFreeBatch(batch)) {
    // A no-change sync must cost 0 IndexedDB writes (issue 5): compare the cursor first.
    if ((await getCursor(db)) === batch.cursor) {
      return { wrote: false, cursorChanged: false, counts, changedCaseNames: [], removedCaseNames: [] };
    }
    await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: 'cursor', value: batch.cursor });
    });
    return { wrote: true, cursorChanged: true, counts, changedCaseNames: [], removedCaseNames: [] };
  }

  const plan = planBatch(batch);
  const { cases, comments, attachments, completeThreads, deletedCaseNames } = plan;
  const previousCursor = await getCursor(db);

  await db.transaction('rw', [...touchedTables(db, plan)], async () => {
    await writeUpserts(db, plan, counts, now());
    // A complete thread replaces the local one: drop comments/attachments the server no longer lists.
    if (completeThreads.length > 0) await dropStaleThreadRows(db, plan, counts);
    // Deletes run after upserts: when a batch both updates and removes something, removal wins.
    await removeCustomersAndCases(db, plan, counts);
    const metaRows: MetaRecord[] = [
      { key: 'cursor', value: batch.cursor },
      { key: 'lastSyncedAt', value: new Date(now()).toISOString() },
    ];
    await db.meta.bulkPut(metaRows);
  });

  const changed = new Set<string>();
  for (const c of cases) changed.add(c.name);
  for (const c of comments) changed.add(c.caseName);
  for (const a of attachments) changed.add(a.caseName);
  for (const t of completeThreads) changed.add(t);
  for (const n of deletedCaseNames) changed.delete(n);

  return {
    wrote: true,
    cursorChanged: previousCursor !== batch.cursor,
    counts,
    changedCaseNames: [...changed],
    removedCaseNames: [...deletedCaseNames],
  };
}

/** A batch mapped to storage records, before the transaction: pure work, keeps the transaction short. */
interface BatchPlan {
  readonly cases: CaseRecord[];
  readonly comments: CommentRecord[];
  readonly attachments: AttachmentRecord[];
  readonly customers: CustomerRecord[];
  readonly categories: CategoryRecord[];
  /** Grows inside the transaction with the cases of purged customers. */
  readonly deletedCaseNames: Set<string>;
  readonly purgedCustomers: readonly string[];
  /** Customers whose cases go: the purged ones and the transferred ones (which stay listed, as transferred). */
  readonly casesPurged: readonly string[];
  readonly accessChanges: NonNullable<ReplicaBatch['customerAccess']>;
  readonly completeThreads: readonly string[];
  readonly removesCases: boolean;
}

function planBatch(batch: ReplicaBatch): BatchPlan {
  const deletedCaseNames = new Set(batch.deletes.cases ?? []);
  const purgedCustomers = batch.deletes.customers ?? [];
  const casesPurged = [...purgedCustomers, ...(batch.deletes.casesOfCustomers ?? [])];
  return {
    cases: (batch.upserts.cases ?? []).map(toCaseRecord),
    comments: (batch.upserts.comments ?? []).map(toCommentRecord),
    attachments: (batch.upserts.attachments ?? []).map(toAttachmentRecord),
    customers: (batch.upserts.customers ?? []).map(toCustomerRecord),
    categories: (batch.upserts.categories ?? []).map(toCategoryRecord),
    deletedCaseNames,
    purgedCustomers,
    casesPurged,
    accessChanges: batch.customerAccess ?? [],
    completeThreads: batch.completeThreads ?? [],
    removesCases: deletedCaseNames.size > 0 || casesPurged.length > 0,
  };
}

/** Only the tables this batch touches take part in the transaction. */
function touchedTables(db: ReplicaDb, plan: BatchPlan): Set<Table> {
  const { cases, comments, attachments, customers, categories, purgedCustomers, accessChanges, completeThreads, removesCases } = plan;
  const tables = new Set<Table>([db.meta]);
  if (cases.length > 0 || removesCases) {
    tables.add(db.cases);
    tables.add(db.caseEvents);
  }
  if (comments.length > 0 || completeThreads.length > 0 || removesCases) tables.add(db.comments);
  if (attachments.length > 0 || completeThreads.length > 0 || removesCases) tables.add(db.attachments);
  if (customers.length > 0 || purgedCustomers.length > 0 || accessChanges.length > 0) tables.add(db.customers);
  if (categories.length > 0) tables.add(db.categories);
  if (removesCases) {
    tables.add(db.blobs);
    tables.add(db.pins);
  }
  if (cases.length > 0 || completeThreads.length > 0 || removesCases) tables.add(db.caseHistory);
  return tables;
}

async function writeUpserts(db: ReplicaDb, plan: BatchPlan, counts: ApplyCounts, nowMs: number): Promise<void> {
  const { cases, comments, attachments, customers, categories, accessChanges, completeThreads } = plan;
  // History first: it compares the incoming versions with the stored ones.
  if (cases.length > 0) {
    await recordSyncChanges(db, cases);
    await bulkPutInSlices(db.cases, cases);
  }
  if (comments.length > 0) await bulkPutInSlices(db.comments, comments);
  if (attachments.length > 0) await bulkPutInSlices(db.attachments, attachments);
  if (customers.length > 0) await db.customers.bulkPut(customers);
  for (const change of accessChanges)
    await db.customers.update(change.customerId, { access: change.access, accessCheckedAt: change.checkedAt });
  if (categories.length > 0) await db.categories.bulkPut(categories);
  counts.casesUpserted = cases.length;
  counts.commentsUpserted = comments.length;
  counts.attachmentsUpserted = attachments.length;
  counts.customersUpserted = customers.length;
  counts.categoriesUpserted = categories.length;
  if (cases.length > 0 || completeThreads.length > 0) await recordHistory(db, cases, completeThreads, nowMs);
}

async function dropStaleThreadRows(db: ReplicaDb, plan: BatchPlan, counts: ApplyCounts): Promise<void> {
  const keepComments = new Set(plan.comments.map((c) => c.name));
  const keepAttachments = new Set(plan.attachments.map((a) => a.name));
  for (const caseName of plan.completeThreads) {
    const commentKeys = await commentKeysOf(db, caseName);
    const staleComments = commentKeys.filter((k) => !keepComments.has(k));
    if (staleComments.length > 0) await db.comments.bulkDelete(staleComments);
    counts.commentsDeleted += staleComments.length;
    const attachmentKeys = await db.attachments.where('caseName').equals(caseName).primaryKeys();
    const staleAttachments = attachmentKeys.filter((k) => !keepAttachments.has(k));
    if (staleAttachments.length > 0) await db.attachments.bulkDelete(staleAttachments);
    counts.attachmentsDeleted += staleAttachments.length;
  }
}

async function removeCustomersAndCases(db: ReplicaDb, plan: BatchPlan, counts: ApplyCounts): Promise<void> {
  const { deletedCaseNames, purgedCustomers } = plan;
  for (const customerId of plan.casesPurged) {
    const names = await db.cases
      .where('[customerId+updateTimeMs]')
      .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true)
      .primaryKeys();
    for (const n of names) deletedCaseNames.add(n);
  }
  if (purgedCustomers.length > 0) await db.customers.bulkDelete([...purgedCustomers]);
  counts.customersDeleted = purgedCustomers.length;
  if (deletedCaseNames.size > 0) await removeCases(db, [...deletedCaseNames], counts);
}

/** A removed case takes its comments, attachments, cached bytes, pin, events and history along. */
async function removeCases(db: ReplicaDb, names: string[], counts: ApplyCounts): Promise<void> {
  for (const caseName of names) {
    const commentKeys = await commentKeysOf(db, caseName);
    if (commentKeys.length > 0) await db.comments.bulkDelete(commentKeys);
    counts.commentsDeleted += commentKeys.length;
  }
  const attachmentKeys = await db.attachments.where('caseName').anyOf(names).primaryKeys();
  if (attachmentKeys.length > 0) await db.attachments.bulkDelete(attachmentKeys);
  counts.attachmentsDeleted += attachmentKeys.length;
  // Cached bytes go with their case, except uploads the server has not confirmed yet:
  // those are the agent's own files and must survive until main reports the outcome.
  const blobKeys = await db.blobs
    .where('caseName')
    .anyOf(names)
    .filter((b) => b.pendingUpload !== 1)
    .primaryKeys();
  if (blobKeys.length > 0) await db.blobs.bulkDelete(blobKeys);
  counts.blobsDeleted = blobKeys.length;
  await db.pins.bulkDelete(names);
  for (const caseName of names)
    await db.caseEvents.where('[caseName+atMs]').between([caseName, Dexie.minKey], [caseName, Dexie.maxKey], true, true).delete();
  await db.caseHistory.bulkDelete(names);
  await db.cases.bulkDelete(names);
  counts.casesDeleted = names.length;
}

/** Notes what this batch shows about each case's history (reopens, escalations, complete threads); writes only changed rows. */
async function recordHistory(
  db: ReplicaDb,
  cases: readonly CaseRecord[],
  completeThreads: readonly string[],
  nowMs: number,
): Promise<void> {
  const names = [...new Set([...cases.map((c) => c.name), ...completeThreads])];
  const previous = new Map<string, CaseHistoryRecord>();
  for (const row of await bulkGetInSlices(db.caseHistory, names)) if (row) previous.set(row.name, row);
  const changed = new Map<string, CaseHistoryRecord>();
  for (const record of cases) {
    const next = nextCaseHistory(changed.get(record.name) ?? previous.get(record.name), record);
    if (next) changed.set(record.name, next);
  }
  for (const name of completeThreads) {
    const row = changed.get(name) ?? previous.get(name);
    if (row) changed.set(name, { ...row, threadCompleteAtMs: nowMs });
  }
  if (changed.size > 0) await bulkPutInSlices(db.caseHistory, [...changed.values()]);
}

function commentKeysOf(db: ReplicaDb, caseName: string): Promise<string[]> {
  return db.comments.where('[caseName+createTimeMs]').between([caseName, Dexie.minKey], [caseName, Dexie.maxKey], true, true).primaryKeys();
}
