import { randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sanitizeFileName } from '../../../shared/domain';
import { AppError } from '../../../shared/ipc';
import type { FileDialogs } from '../../ports';
import type { SupportClient } from '../api/support-client';
import { createUploadStaging, maxChunkBytes, type UploadStagingDeps } from './upload-staging';

export { maxChunkBytes } from './upload-staging';

export interface AttachmentServiceDeps extends UploadStagingDeps {
  readonly dialogs: FileDialogs;
  readonly clientFor: (accountId: string) => Promise<SupportClient>;
}

interface OpenDownload {
  readonly accountId: string;
  readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  pending: Uint8Array | undefined;
  received: number;
}

/**
 * Attachment transfers for the renderer: uploads are checked and staged on disk
 * (upload-staging.ts) and only then queued; downloads stream from the backend in
 * ≤ 1 MiB chunks.
 */
export function createAttachmentService(deps: AttachmentServiceDeps) {
  const uploads = createUploadStaging(deps);
  const downloads = new Map<string, OpenDownload>();

  return {
    stageBegin: uploads.begin,
    stageChunk: uploads.chunk,
    stageCommit: uploads.commit,
    stageAbort: uploads.abort,
    stageForDraft: uploads.forDraft,
    commitDraftFile: uploads.commitDraftFile,
    sweepStaging: uploads.sweep,

    /** Sign-out: open uploads and downloads of the account end, its staging folder goes. */
    async wipeAccount(accountId: string): Promise<void> {
      await uploads.wipeAccount(accountId);
      for (const [downloadId, open] of [...downloads]) {
        if (open.accountId !== accountId) continue;
        downloads.delete(downloadId);
        await open.reader.cancel().catch(() => undefined);
      }
    },

    async openDownload(accountId: string, attachmentName: string): Promise<{ downloadId: string; sizeBytes?: number; mimeType: string }> {
      const response = await (await deps.clientFor(accountId)).downloadAttachment(attachmentName);
      if (!response.body) throw new AppError('unavailable', 'The download returned no data.');
      const downloadId = randomUUID();
      downloads.set(downloadId, { accountId, reader: response.body.getReader(), pending: undefined, received: 0 });
      const length = Number(response.headers.get('content-length'));
      return {
        downloadId,
        ...(Number.isFinite(length) && length > 0 ? { sizeBytes: length } : {}),
        mimeType: response.headers.get('content-type') ?? 'application/octet-stream',
      };
    },

    /** Gathers up to 1 MiB from the HTTP stream: fewer, larger bridge messages. */
    async readChunk(accountId: string, downloadId: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; done: boolean; received: number }> {
      const open = downloads.get(downloadId);
      if (!open || open.accountId !== accountId) throw new AppError('not_found', 'No such download.', false);
      const parts: Uint8Array[] = [];
      let size = 0;
      let done = false;
      if (open.pending) {
        parts.push(open.pending);
        size += open.pending.byteLength;
        open.pending = undefined;
      }
      while (size < maxChunkBytes) {
        const next = await open.reader.read();
        if (next.done) {
          done = true;
          break;
        }
        parts.push(next.value);
        size += next.value.byteLength;
      }
      const joined = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        joined.set(part, at);
        at += part.byteLength;
      }
      let bytes = joined;
      if (size > maxChunkBytes) {
        open.pending = joined.subarray(maxChunkBytes);
        bytes = joined.subarray(0, maxChunkBytes);
      }
      open.received += bytes.byteLength;
      if (done && !open.pending) downloads.delete(downloadId);
      return { bytes: new Uint8Array(bytes), done: done && !open.pending, received: open.received };
    },

    async cancelDownload(accountId: string, downloadId: string): Promise<void> {
      const open = downloads.get(downloadId);
      if (!open || open.accountId !== accountId) return;
      downloads.delete(downloadId);
      await open.reader.cancel().catch(() => undefined);
    },

    async saveAs(accountId: string, attachmentName: string, filename: string): Promise<{ saved: boolean; path?: string }> {
      const target = await deps.dialogs.saveAs(sanitizeFileName(filename) || 'attachment');
      if (!target) return { saved: false };
      const response = await (await deps.clientFor(accountId)).downloadAttachment(attachmentName);
      if (!response.body) throw new AppError('unavailable', 'The download returned no data.');
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(target));
      } catch (error) {
        await fs.rm(target, { force: true }).catch(() => undefined); // no half file left where the agent looks
        throw error;
      }
      return { saved: true, path: target };
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
