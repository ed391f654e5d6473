// Storage records of the replica database, kept apart from the wire/replica types in
// shared/ipc so the IndexedDB layout can evolve (new index fields, renamed columns)
// without touching the bridge contract. Every mapping between the two lives here.

import type { CaseState } from '../../shared/domain/case-model';
import type { ReplicaAttachment, ReplicaCase, ReplicaCategory, ReplicaComment, ReplicaCustomer } from '../../shared/ipc/replica';

/**
 * A case as stored. `updateTimeMs`/`createTimeMs` exist because RFC 3339 strings with
 * different fraction lengths ("…00Z" vs "…00.5Z") do not sort chronologically as strings,
 * and the list order is built on the updateTime index.
 */
export interface CaseRecord extends ReplicaCase {
  updateTimeMs: number;
  createTimeMs: number;
}

export interface CommentRecord extends ReplicaComment {
  createTimeMs: number;
}

export interface AttachmentRecord extends ReplicaAttachment {
  createTimeMs: number;
}

export type CustomerRecord = ReplicaCustomer;
export type CategoryRecord = ReplicaCategory;

/**
 * What the replica itself observed about a case over time (v3). The Cloud Support API keeps
 * no state history, so a reopen (CLOSED → open) or an escalation is only known when a sync
 * sees it happen; and `threadCompleteAtMs` says the thread was synced in full, so a case
 * without Google comments really has none (old closed threads are fetched on demand).
 */
export interface CaseHistoryRecord {
  name: string;
  state: CaseState;
  escalated: boolean;
  /** Update times at which the case was seen reopened. */
  reopenedAtMs: number[];
  /** Update time at which the case was first seen escalated after being seen not escalated. */
  escalatedAtMs?: number;
  threadCompleteAtMs?: number;
}

export type MetaKey = 'cursor' | 'lastSyncedAt' | 'schemaNotes';

export interface MetaRecord {
  key: MetaKey;
  value: string;
}

/**
 * Cached attachment bytes. `data` is a Blob where the IndexedDB implementation can store
 * one (Chromium/Electron), otherwise an ArrayBuffer that blob-cache.ts turns back into a
 * Blob on read. `pendingUpload` is 1 for bytes the agent added that the server has not
 * confirmed yet (a number, not a boolean, so it can be indexed).
 */
export interface BlobRecord {
  attachmentName: string;
  accountId?: string;
  caseName: string;
  size: number;
  type: string;
  lastAccessedAt: number;
  pendingUpload: 0 | 1;
  data: Blob | ArrayBuffer;
}

/** A case the agent pinned for offline use: its attachments are never evicted. */
export interface PinRecord {
  caseName: string;
  pinnedAt: number;
}

/** What one history entry says changed. */
export type CaseEventKind = 'priority' | 'state' | 'closed' | 'reopened' | 'escalated' | 'subscribers';

/**
 * One entry of a case's history. `source` says how the console knows: 'here' = the agent
 * changed it from this workstation (kept once the server confirmed it), 'sync' = a new
 * version of the case differed from the one stored (Google's API names no actor).
 */
export interface CaseEventRecord {
  /** 'here:<outbox entry id>' or 'sync:<case>:<updateTimeMs>:<kind>' — idempotent. */
  id: string;
  caseName: string;
  kind: CaseEventKind;
  source: 'here' | 'sync';
  /** When it happened: the outbox entry's time, or the new version's updateTime. */
  atMs: number;
  from?: string;
  to?: string;
  added?: string[];
  removed?: string[];
  reason?: string;
  justification?: string;
  /** The agent who made a 'here' change. */
  actorEmail?: string;
  /** A 'here' change that a later sync showed on the server. */
  confirmed?: boolean;
}

function epochMs(iso: string): number {
  const ms = Date.parse(iso);
  // An unparsable time must not poison the index with NaN (IndexedDB rejects NaN keys).
  return Number.isFinite(ms) ? ms : 0;
}

export function toCaseRecord(c: ReplicaCase): CaseRecord {
  return { ...c, updateTimeMs: epochMs(c.updateTime), createTimeMs: epochMs(c.createTime) };
}

export function toCommentRecord(c: ReplicaComment): CommentRecord {
  return { ...c, createTimeMs: epochMs(c.createTime) };
}

export function toAttachmentRecord(a: ReplicaAttachment): AttachmentRecord {
  return { ...a, createTimeMs: epochMs(a.createTime) };
}

export function toCustomerRecord(c: ReplicaCustomer): CustomerRecord {
  return { ...c };
}

export function toCategoryRecord(c: ReplicaCategory): CategoryRecord {
  return { ...c };
}

/** The history row after a case record arrives: notes a reopen or an escalation it reveals; undefined = unchanged. */
export function nextCaseHistory(previous: CaseHistoryRecord | undefined, record: CaseRecord): CaseHistoryRecord | undefined {
  if (!previous) return { name: record.name, state: record.state, escalated: record.escalated, reopenedAtMs: [] };
  if (previous.state === record.state && previous.escalated === record.escalated) return undefined;
  const next: CaseHistoryRecord = { ...previous, state: record.state, escalated: record.escalated };
  if (previous.state === 'CLOSED' && record.state !== 'CLOSED') next.reopenedAtMs = [...previous.reopenedAtMs, record.updateTimeMs];
  if (!previous.escalated && record.escalated) next.escalatedAtMs = record.updateTimeMs;
  return next;
}
