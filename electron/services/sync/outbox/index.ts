export { openOutbox, OutboxError, removeOutboxFiles, journalFileName, stagedDirName } from './outbox';
export type { FailureInfo, Outbox, OutboxChange, OutboxCounts, OutboxErrorCode, OutboxOptions } from './outbox';
export { selectRunnable } from './ordering';
export type { StagedFile, StageSource, Staging } from './staging';
