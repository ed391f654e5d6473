// The replica data layer's public surface (React-free; live-query hooks are in ./hooks).
export { ReplicaDb, REPLICA_SCHEMA_VERSION, deleteReplica, getReplicaDb, replicaDbName, type ReplicaDbOptions } from './db';
export type {
  AttachmentRecord,
  CaseEventKind,
  CaseEventRecord,
  BlobRecord,
  CaseHistoryRecord,
  CaseRecord,
  CategoryRecord,
  CommentRecord,
  CustomerRecord,
  MetaRecord,
  PinRecord,
} from './records';
export { applyBatch, isDataFreeBatch, type ApplyCounts, type ApplyResult } from './apply-batch';
export {
  getCase,
  getCases,
  getCursor,
  getCustomer,
  getLastSyncedAt,
  headCases,
  listAttachments,
  listCategories,
  listComments,
  listCustomerCases,
  listCustomers,
  loadCasesInChunks,
  loadCommentsInChunks,
  yieldToBackground,
  yieldToMain,
  type ChunkLoadOptions,
  type CustomerWithCounts,
} from './queries';
export {
  createProjection,
  type Projection,
  type ProjectionCaseInput,
  type ProjectionCustomerInput,
  type ProjectionQuery,
  type ProjectionResult,
  type ProjectionSortKey,
  type ProjectedCase,
  type SortDir,
} from './projection';
export { caseChanges, eventOfEntry, listCaseEvents, recordDoneChanges, recordSyncChanges } from './case-events';
export { hydrateProjection, projectBatch, type HydrateOptions } from './hydrate';
export { createCaseFacts, type CaseFacts, type CaseFactsStore } from './case-facts';
export {
  overlayCase,
  pendingCaseRefs,
  pendingCasesFromCreates,
  pendingComments,
  type PendingComment,
  type PendingFailure,
  type ViewCase,
} from './overlay';
export {
  canStoreBlobs,
  clearCache,
  evictToCap,
  getBlob,
  hasBlob,
  isPinned,
  markUploaded,
  pinCase,
  putBlob,
  unpinCase,
  usage,
  type CacheUsage,
  type EvictionResult,
  type PutBlobInput,
} from './blob-cache';
export { clearHeadSnapshot, headSnapshotRows, loadHeadSnapshot, saveHeadSnapshot } from './head-snapshot';
export { loadStatusFeed, mergeIncidents, saveStatusFeed, HISTORY_DAYS, type StatusFeedRecord } from './status-cache';
export { hasOpenCaseOfProduct, openCasesDuringIncident } from './incident-queries';
export { freshString } from './fresh-keys';
