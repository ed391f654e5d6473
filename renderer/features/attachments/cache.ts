// Downloads into the account's blob cache (then the file opens offline), the byte cap
// across accounts, and what "open a cached attachment" does.

import { AppError } from '../../../shared/ipc';
import { evictToCap, getBlob, putBlob, type ReplicaDb } from '../../data';
import { getBridgeClient } from '../../platform';
import { previewKind, TEXT_PREVIEW_MAX_BYTES, type PreviewKind } from './checks';

const MIB = 1024 * 1024;

export interface DownloadJob {
  readonly db: ReplicaDb;
  readonly caseName: string;
  readonly attachmentName: string;
  /** Size from the replica, for progress when the server sends no length. */
  readonly sizeBytes?: number;
  /** Every account's database: the cap is shared by all accounts. */
  readonly allDbs: () => readonly ReplicaDb[];
  readonly capMb: () => number;
}

export interface DownloadProgress {
  readonly received: number;
  readonly total: number | undefined;
  readonly error?: AppError;
}

// ---------- progress, readable from any component ----------

const progress = new Map<string, DownloadProgress>();
const listeners = new Set<() => void>();

export const downloadKey = (accountId: string, attachmentName: string): string => `${accountId}\n${attachmentName}`;

function setProgress(key: string, value: DownloadProgress | undefined): void {
  if (value) progress.set(key, value);
  else progress.delete(key);
  for (const listener of listeners) listener();
}

export function downloadProgressOf(key: string): DownloadProgress | undefined {
  return progress.get(key);
}

export function subscribeDownloads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ---------- the transfer ----------

/**
 * Pulls the file from main in ≤ 1 MiB chunks, stores it as a Blob in the account's cache
 * and brings all accounts back under the cap (the blob cache never evicts files of pinned
 * cases or files waiting to upload).
 */
export async function downloadToCache(
  job: DownloadJob,
  onProgress?: (received: number, total: number | undefined) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const client = getBridgeClient();
  const accountId = job.db.accountId;
  const opened = await client.invoke('attachments.openDownload', { accountId, attachmentName: job.attachmentName });
  const total = opened.sizeBytes ?? job.sizeBytes;
  const parts: Uint8Array<ArrayBuffer>[] = [];
  onProgress?.(0, total);
  try {
    for (;;) {
      if (signal?.aborted) throw new AppError('cancelled', 'Download cancelled.', false);
      const chunk = await client.invoke('attachments.readChunk', { accountId, downloadId: opened.downloadId });
      if (chunk.bytes.byteLength > 0) parts.push(new Uint8Array(chunk.bytes));
      onProgress?.(chunk.received, total);
      if (chunk.done) break;
    }
  } catch (error) {
    await client.invoke('attachments.cancelDownload', { accountId, downloadId: opened.downloadId }).catch(() => undefined);
    throw error;
  }
  const blob = new Blob(parts, { type: opened.mimeType });
  await putBlob(job.db, { attachmentName: job.attachmentName, caseName: job.caseName, blob });
  await evictToCap(job.allDbs(), job.capMb() * MIB);
  return blob;
}

const running = new Map<string, Promise<Blob>>();
const eagerQueue: Array<{ job: DownloadJob; key: string }> = [];
let eagerBusy = false;

function track(job: DownloadJob): Promise<Blob> {
  const key = downloadKey(job.db.accountId, job.attachmentName);
  const existing = running.get(key);
  if (existing) return existing;
  const promise = downloadToCache(job, (received, total) => setProgress(key, { received, total })).then(
    (blob) => {
      setProgress(key, undefined);
      return blob;
    },
    (error: unknown) => {
      const appError = error instanceof AppError ? error : new AppError('internal', String(error), false);
      setProgress(key, { received: 0, total: job.sizeBytes, error: appError });
      throw appError;
    },
  );
  running.set(key, promise);
  void promise.finally(() => running.delete(key)).catch(() => undefined);
  return promise;
}

/** A download the agent asked for: starts now, or joins the one already under way. */
export function requestDownload(job: DownloadJob): Promise<Blob> {
  return track(job);
}

/** A background download for an open case: one at a time, behind the agent's own downloads. */
export function queueEagerDownload(job: DownloadJob): void {
  const key = downloadKey(job.db.accountId, job.attachmentName);
  if (running.has(key) || eagerQueue.some((queued) => queued.key === key)) return;
  eagerQueue.push({ job, key });
  void pumpEager();
}

async function pumpEager(): Promise<void> {
  if (eagerBusy) return;
  eagerBusy = true;
  try {
    for (let next = eagerQueue.shift(); next; next = eagerQueue.shift()) {
      // A failed background download is not the agent's problem: it is tried again next time the case opens.
      await track(next.job).catch(() => setProgress(next.key, undefined));
    }
  } finally {
    eagerBusy = false;
  }
}

// ---------- opening ----------

export interface OpenedAttachment {
  readonly blob: Blob;
  readonly kind: PreviewKind;
  /** The start of a text file (at most TEXT_PREVIEW_MAX_BYTES), to show as text. */
  readonly text?: string;
  /** Whether `text` is only the start of the file. */
  readonly truncated?: boolean;
  /** An object URL for images and PDFs; the caller revokes it. */
  readonly url?: string;
}

/**
 * What "open a cached attachment" does, offline included: read the Blob from the cache and
 * make it showable (text for text kinds, an object URL otherwise). Throws not_found when the
 * file is not cached.
 */
export async function openCachedAttachment(
  db: ReplicaDb,
  attachmentName: string,
  filename: string = attachmentName,
): Promise<OpenedAttachment> {
  const blob = await getBlob(db, attachmentName);
  if (!blob) throw new AppError('not_found', 'The file is not in the offline cache.', false);
  const kind = previewKind(blob.type, filename);
  if (kind === 'text') {
    const text = await blob.slice(0, TEXT_PREVIEW_MAX_BYTES).text();
    return { blob, kind, text, truncated: blob.size > TEXT_PREVIEW_MAX_BYTES };
  }
  if (kind === 'image' || kind === 'pdf') return { blob, kind, url: URL.createObjectURL(blob) };
  return { blob, kind };
}
