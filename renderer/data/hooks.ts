// Live-query hooks over the query functions: components re-render when the replica
// changes (a batch applied in any tab), and never see raw tables.

import { useLiveQuery } from 'dexie-react-hooks';
import type { ReplicaDb } from './db';
import {
  getCase,
  getCursor,
  getLastSyncedAt,
  headCases,
  listAttachments,
  listCategories,
  listComments,
  listCustomerCases,
  listCustomers,
  type CustomerWithCounts,
} from './queries';
import type { AttachmentRecord, CaseEventRecord, CaseRecord, CategoryRecord, CommentRecord } from './records';
import { listCaseEvents } from './case-events';

/** `undefined` while loading; `null` when the case is not in the replica. */
export function useCase(db: ReplicaDb, name: string): CaseRecord | null | undefined {
  return useLiveQuery(async () => (await getCase(db, name)) ?? null, [db, name]);
}

export function useComments(db: ReplicaDb, caseName: string): CommentRecord[] | undefined {
  return useLiveQuery(() => listComments(db, caseName), [db, caseName]);
}

export function useAttachments(db: ReplicaDb, caseName: string): AttachmentRecord[] | undefined {
  return useLiveQuery(() => listAttachments(db, caseName), [db, caseName]);
}

export function useCustomers(db: ReplicaDb): CustomerWithCounts[] | undefined {
  return useLiveQuery(() => listCustomers(db), [db]);
}

export function useCustomerCases(db: ReplicaDb, customerId: string, limit?: number): CaseRecord[] | undefined {
  return useLiveQuery(() => listCustomerCases(db, customerId, limit), [db, customerId, limit]);
}

export function useCategories(db: ReplicaDb): CategoryRecord[] | undefined {
  return useLiveQuery(() => listCategories(db), [db]);
}

/** The first screen of a list before the projection is hydrated. */
export function useHeadCases(db: ReplicaDb, limit: number): CaseRecord[] | undefined {
  return useLiveQuery(() => headCases(db, limit), [db, limit]);
}

export function useSyncMeta(db: ReplicaDb): { cursor: string | undefined; lastSyncedAt: string | undefined } | undefined {
  return useLiveQuery(async () => ({ cursor: await getCursor(db), lastSyncedAt: await getLastSyncedAt(db) }), [db]);
}

/** A case's history (changes made here and seen in sync), oldest first. */
export function useCaseEvents(db: ReplicaDb, caseName: string): CaseEventRecord[] | undefined {
  return useLiveQuery(() => listCaseEvents(db, caseName), [db, caseName]);
}
