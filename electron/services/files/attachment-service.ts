import { randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { blockedAttachmentType, sanitizeFileName } from '../../../shared/domain';
import { AppError, type OutboxEntry } from '../../../shared/ipc';
import type { FileDialogs, Logger } from '../../ports';
import type { SupportClient } from '../api/support-client';
import type { Staging } from '../sync/outbox/index';
import type { DraftFileStore } from './draft-files';

/** Largest chunk that crosses the bridge in one message. */
export const maxChunkBytes = 1024 * 1024;

export interface AttachmentServiceDeps {
  readonly tempDir: string;
  readonly logger: Logger;
  readonly dialogs: FileDialogs;
  readonly maxBytesFor: (accountId: string) => Promise<number>;
  readonly stagingFor: (accountId: string) => Promise<Staging>;
  readonly clientFor: (accountId: string) => Promise<SupportClient>;
  readonly drafts: DraftFileStore;
  readonly enqueueUpload: (
    accountId: string,
    upload: { caseRef: string; stagedFileId: string; filename: string; mimeType: string; sizeBytes: number },
  ) => Promise<OutboxEntry>;
}

interface OpenUpload {
  readonly accountId: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly file: string;
  readonly stream: WriteStream;
  received: number;
}

interface OpenDownload {
  readonly accountId: string;
  readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  pending: Uint8Array | undefined;
  received: number;
}

/**
 * Attachment transfers for the renderer: files are checked (name, size, type)
 * before a byte is accepted, written to disk chunk by chunk, staged durably,
 * and only then queued; downloads stream from the backend in ≤ 1 MiB chunks.
 */
export function createAttachmentService(deps: AttachmentServiceDeps) {
  const uploads = new Map<string, OpenUpload>();
  const downloads = new Map<string, OpenDownload>();

  function upload(accountId: string, uploadId: string): OpenUpload {
    const found = uploads.get(uploadId);
    if (!found || found.accountId !== accountId) throw new AppError('not_found', 'No such upload in progress.', false);
    return found;
  }

  async function discardUpload(uploadId: string): Promise<void> {
    const found = uploads.get(uploadId);
    if (!found) return;
    uploads.delete(uploadId);
    found.stream.destroy();
    await fs.rm(found.file, { force: true });
  }

  /** Name and type rules of stageBegin, and the backend's current size limit. */
  async function checkFile(accountId: string, request: { filename: string; sizeBytes: number }): Promise<string> {
    const filename = sanitizeFileName(request.filename);
    if (!filename) throw new AppError('invalid_request', 'The file name is not usable.', false);
    const blocked = blockedAttachmentType(filename);
    if (blocked)
      throw new AppError('invalid_request', `Files of type .${blocked.extension} cannot be attached (${blocked.reason}).`, false);
    if (request.sizeBytes <= 0) throw new AppError('invalid_request', 'The file is empty.', false);
    const max = await deps.maxBytesFor(accountId);
    if (request.sizeBytes > max)
      throw new AppError('payload_too_large', `The file is larger than the ${Math.floor(max / (1024 * 1024))} MB limit.`, false);
    return filename;
  }

  /** The announced bytes all arrived: close the temp file. */
  async function finish(open: OpenUpload): Promise<void> {
    if (open.received !== open.sizeBytes)
      throw new AppError('invalid_request', `Only ${open.received} of ${open.sizeBytes} bytes arrived.`, false);
    await new Promise<void>((resolve, reject) => open.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  return {
    async stageBegin(
      accountId: string,
      request: { filename: string; mimeType: string; sizeBytes: number },
    ): Promise<{ uploadId: string; filename: string }> {
      const filename = await checkFile(accountId, request);
      await fs.mkdir(deps.tempDir, { recursive: true });
      const uploadId = randomUUID();
      const file = path.join(deps.tempDir, `${uploadId}.part`);
      uploads.set(uploadId, {
        accountId,
        filename,
        mimeType: request.mimeType || 'application/octet-stream',
        sizeBytes: request.sizeBytes,
        file,
        stream: createWriteStream(file),
        received: 0,
      });
      return { uploadId, filename };
    },

    async stageChunk(accountId: string, uploadId: string, offset: number, bytes: Uint8Array): Promise<{ received: number }> {
      const open = upload(accountId, uploadId);
      if (bytes.byteLength > maxChunkBytes) throw new AppError('payload_too_large', 'Chunks are at most 1 MiB.', false);
      if (offset !== open.received) throw new AppError('invalid_request', `Expected the chunk at offset ${open.received}.`, false);
      if (open.received + bytes.byteLength > open.sizeBytes) throw new AppError('invalid_request', 'More bytes than announced.', false);
      await new Promise<void>((resolve, reject) => open.stream.write(bytes, (error) => (error ? reject(error) : resolve())));
      open.received += bytes.byteLength;
      return { received: open.received };
    },

    async stageCommit(accountId: string, uploadId: string, caseRef: string): Promise<OutboxEntry> {
      const open = upload(accountId, uploadId);
      await finish(open);
      try {
        // Staged durably (fsync + rename) before the upload is queued: "queued" never loses the bytes.
        const staged = await (await deps.stagingFor(accountId)).stageFile({ path: open.file });
        return await deps.enqueueUpload(accountId, {
          caseRef,
          stagedFileId: staged.stagedFileId,
          filename: open.filename,
          mimeType: open.mimeType,
          sizeBytes: staged.sizeBytes,
        });
      } finally {
        await discardUpload(uploadId);
      }
    },

    /** Like stageCommit, but the file waits with a new-case draft instead of being queued. */
    async stageForDraft(accountId: string, uploadId: string, draftId: string, piiKept: boolean) {
      const open = upload(accountId, uploadId);
      try {
        await finish(open);
        return await deps.drafts.add(
          accountId,
          draftId,
          { path: open.file },
          { filename: open.filename, mimeType: open.mimeType, piiKept },
        );
      } finally {
        await discardUpload(uploadId);
      }
    },

    /**
     * Submit time: the draft's file is checked again (the backend's limit may differ from when it
     * was chosen), staged in the outbox and queued; it leaves the draft only once queued.
     */
    async commitDraftFile(accountId: string, draftId: string, fileId: string, caseRef: string): Promise<OutboxEntry> {
      const { file, path: source } = await deps.drafts.pathOf(accountId, draftId, fileId);
      const filename = await checkFile(accountId, file);
      const staged = await (await deps.stagingFor(accountId)).stageFile({ path: source });
      if (staged.sha256 !== file.sha256) throw new AppError('internal', `The staged copy of ${filename} changed on disk.`, false);
      const entry = await deps.enqueueUpload(accountId, {
        caseRef,
        stagedFileId: staged.stagedFileId,
        filename,
        mimeType: file.mimeType,
        sizeBytes: staged.sizeBytes,
      });
      await deps.drafts.discard(accountId, draftId, [fileId]);
      return entry;
    },

    stageAbort: (accountId: string, uploadId: string) => {
      upload(accountId, uploadId);
      return discardUpload(uploadId);
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
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(target));
      return { saved: true, path: target };
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
