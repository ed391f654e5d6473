import { randomUUID } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { blockedAttachmentType, isMimeType, sanitizeFileName } from '../../../shared/domain';
import { AppError, type OutboxEntry } from '../../../shared/ipc';
import { writeAll } from '../../fs/durable-fs';
import type { Clock, Logger } from '../../ports';
import type { Staging } from '../sync/outbox/index';
import type { DraftFileStore } from './draft-files';

/** Largest chunk that crosses the bridge in one message. */
export const maxChunkBytes = 1024 * 1024;

/** The file-system calls upload staging makes: a port, so tests can fill the disk or make it read-only. */
export interface UploadFs {
  mkdir(dir: string): Promise<void>;
  /** Creates a new file for writing (fails if it exists). */
  create(file: string): Promise<{ write(bytes: Uint8Array): Promise<void>; close(): Promise<void> }>;
  rm(target: string): Promise<void>;
}

export const nodeUploadFs: UploadFs = {
  mkdir: async (dir) => void (await nodeFs.mkdir(dir, { recursive: true })),
  async create(file) {
    const handle = await nodeFs.open(file, 'wx', 0o600);
    return { write: (bytes) => writeAll(handle, bytes), close: () => handle.close() };
  },
  rm: (target) => nodeFs.rm(target, { recursive: true, force: true }),
};

export interface UploadStagingDeps {
  /** `<tempDir>/<accountId>/<uploadId>.part` while the renderer sends chunks. */
  readonly tempDir: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly fs?: UploadFs;
  /** Open uploads per account; one more is refused until one finishes. */
  readonly maxOpenPerAccount?: number;
  /** An upload that receives no chunk for this long is dropped (the page was closed or crashed). */
  readonly idleTimeoutMs?: number;
  readonly maxBytesFor: (accountId: string) => Promise<number>;
  readonly stagingFor: (accountId: string) => Promise<Staging>;
  /** Files chosen for a new-case draft wait here until the case is filed. */
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
  readonly handle: { write(bytes: Uint8Array): Promise<void>; close(): Promise<void> };
  received: number;
  /** A chunk is being written: the next one waits its turn (and the idle timer does not fire). */
  busy: boolean;
  cancelIdle: () => void;
}

/** Checks name, size and type before a byte is accepted; answers the sanitized name. */
async function checkFile(
  deps: UploadStagingDeps,
  accountId: string,
  request: { filename: string; mimeType: string; sizeBytes: number },
): Promise<{ filename: string; mimeType: string }> {
  const filename = sanitizeFileName(request.filename.trim());
  if (!filename) throw new AppError('invalid_request', 'The file name is not usable.', false);
  const blocked = blockedAttachmentType(filename);
  if (blocked) throw new AppError('invalid_request', `Files of type .${blocked.extension} cannot be attached (${blocked.reason}).`, false);
  const mimeType = request.mimeType === '' ? 'application/octet-stream' : request.mimeType;
  if (!isMimeType(mimeType)) throw new AppError('invalid_request', 'The file type is not a type/subtype media type.', false);
  if (request.sizeBytes <= 0) throw new AppError('invalid_request', 'The file is empty.', false);
  const max = await deps.maxBytesFor(accountId);
  if (request.sizeBytes > max)
    throw new AppError('payload_too_large', `The file is larger than the ${Math.floor(max / (1024 * 1024))} MB limit.`, false);
  return { filename, mimeType };
}

/** The open uploads of all accounts, with their idle timers and clean-up. */
function openUploads(deps: UploadStagingDeps, fs: UploadFs) {
  const idleTimeoutMs = deps.idleTimeoutMs ?? 5 * 60_000;
  const uploads = new Map<string, OpenUpload>();

  async function discard(uploadId: string): Promise<void> {
    const found = uploads.get(uploadId);
    if (!found) return;
    uploads.delete(uploadId);
    found.cancelIdle();
    await found.handle.close().catch(() => undefined);
    await fs
      .rm(found.file)
      .catch((error: unknown) => deps.logger.warn('uploads: could not remove a partial file', { error: String(error) }));
  }

  function armIdle(uploadId: string): () => void {
    return deps.clock.setTimer(idleTimeoutMs, () => {
      const found = uploads.get(uploadId);
      if (!found || found.busy) return;
      deps.logger.info('uploads: dropped an idle upload', { accountId: found.accountId });
      void discard(uploadId);
    });
  }

  return {
    uploads,
    discard,
    armIdle,
    find(accountId: string, uploadId: string): OpenUpload {
      const found = uploads.get(uploadId);
      if (!found || found.accountId !== accountId) throw new AppError('not_found', 'No such upload in progress.', false);
      return found;
    },
    /** Runs a file operation; on failure the upload is dropped and the error goes to the caller (typed at the boundary). */
    async guarded<T>(open: OpenUpload, uploadId: string, operation: () => Promise<T>): Promise<T> {
      if (open.busy) throw new AppError('conflict', 'The previous chunk is still being written.', false);
      open.busy = true;
      open.cancelIdle();
      try {
        return await operation();
      } catch (error) {
        await discard(uploadId);
        throw error;
      } finally {
        open.busy = false;
        if (uploads.has(uploadId)) open.cancelIdle = armIdle(uploadId);
      }
    },
    countFor: (accountId: string): number => [...uploads.values()].filter((upload) => upload.accountId === accountId).length,
  };
}

/**
 * Attachment bytes on their way in from the renderer. Every file operation is awaited, so a
 * full or read-only disk answers a typed error (storage_full / storage_unavailable, from the
 * IPC error translator) and the half-written file is removed — nothing is thrown into main.
 */
export function createUploadStaging(deps: UploadStagingDeps) {
  const fs = deps.fs ?? nodeUploadFs;
  const maxOpen = deps.maxOpenPerAccount ?? 4;
  const accountDir = (accountId: string): string => path.join(deps.tempDir, accountId);
  const { uploads, discard, armIdle, find, guarded, countFor } = openUploads(deps, fs);

  /** Every announced byte arrived: close the file, hand it to `use`, and drop the upload whatever happens. */
  async function completed<T>(accountId: string, uploadId: string, use: (open: OpenUpload) => Promise<T>): Promise<T> {
    const open = find(accountId, uploadId);
    if (open.received !== open.sizeBytes)
      throw new AppError('invalid_request', `Only ${open.received} of ${open.sizeBytes} bytes arrived.`, false);
    try {
      return await guarded(open, uploadId, async () => {
        await open.handle.close();
        return use(open);
      });
    } finally {
      await discard(uploadId);
    }
  }

  return {
    async begin(
      accountId: string,
      request: { filename: string; mimeType: string; sizeBytes: number },
    ): Promise<{ uploadId: string; filename: string }> {
      const { filename, mimeType } = await checkFile(deps, accountId, request);
      if (countFor(accountId) >= maxOpen)
        throw new AppError('rate_limited', `At most ${maxOpen} files can be added at once; wait for one to finish.`, true);
      const uploadId = randomUUID();
      const file = path.join(accountDir(accountId), `${uploadId}.part`);
      // Answer only once the file exists: a full or read-only disk is reported now, not mid-upload.
      await fs.mkdir(accountDir(accountId));
      const handle = await fs.create(file);
      uploads.set(uploadId, {
        accountId,
        filename,
        mimeType,
        sizeBytes: request.sizeBytes,
        file,
        handle,
        received: 0,
        busy: false,
        cancelIdle: armIdle(uploadId),
      });
      return { uploadId, filename };
    },

    async chunk(accountId: string, uploadId: string, offset: number, bytes: Uint8Array): Promise<{ received: number }> {
      const open = find(accountId, uploadId);
      if (bytes.byteLength > maxChunkBytes) throw new AppError('payload_too_large', 'Chunks are at most 1 MiB.', false);
      if (offset !== open.received) throw new AppError('invalid_request', `Expected the chunk at offset ${open.received}.`, false);
      if (open.received + bytes.byteLength > open.sizeBytes) throw new AppError('invalid_request', 'More bytes than announced.', false);
      await guarded(open, uploadId, () => open.handle.write(bytes));
      open.received += bytes.byteLength;
      return { received: open.received };
    },

    commit(accountId: string, uploadId: string, caseRef: string): Promise<OutboxEntry> {
      return completed(accountId, uploadId, async (open) => {
        // Staged durably (fsync + rename) before the upload is queued: "queued" never loses the bytes.
        const staged = await (await deps.stagingFor(accountId)).stageFile({ path: open.file });
        return deps.enqueueUpload(accountId, {
          caseRef,
          stagedFileId: staged.stagedFileId,
          filename: open.filename,
          mimeType: open.mimeType,
          sizeBytes: staged.sizeBytes,
        });
      });
    },

    /** Like commit, but the file waits with a new-case draft instead of being queued. */
    forDraft(accountId: string, uploadId: string, draftId: string, piiKept: boolean) {
      return completed(accountId, uploadId, (open) =>
        deps.drafts.add(accountId, draftId, { path: open.file }, { filename: open.filename, mimeType: open.mimeType, piiKept }),
      );
    },

    /**
     * Submit time: the draft's file is checked again (the backend's limit may differ from when it
     * was chosen), staged in the outbox and queued; it leaves the draft only once queued.
     */
    async commitDraftFile(accountId: string, draftId: string, fileId: string, caseRef: string): Promise<OutboxEntry> {
      const { file, path: source } = await deps.drafts.pathOf(accountId, draftId, fileId);
      const { filename, mimeType } = await checkFile(deps, accountId, file);
      const staged = await (await deps.stagingFor(accountId)).stageFile({ path: source });
      if (staged.sha256 !== file.sha256) throw new AppError('internal', `The staged copy of ${filename} changed on disk.`, false);
      const entry = await deps.enqueueUpload(accountId, {
        caseRef,
        stagedFileId: staged.stagedFileId,
        filename,
        mimeType,
        sizeBytes: staged.sizeBytes,
      });
      await deps.drafts.discard(accountId, draftId, [fileId]);
      return entry;
    },

    abort(accountId: string, uploadId: string): Promise<void> {
      find(accountId, uploadId);
      return discard(uploadId);
    },

    /** Sign-out: drops the account's open uploads and its folder. */
    async wipeAccount(accountId: string): Promise<void> {
      for (const [uploadId, upload] of [...uploads]) if (upload.accountId === accountId) await discard(uploadId);
      await fs.rm(accountDir(accountId));
    },

    /** Start of the app: nothing in the folder can be resumed (the page that sent it is gone). */
    async sweep(): Promise<void> {
      if (uploads.size > 0) return;
      await fs
        .rm(deps.tempDir)
        .catch((error: unknown) => deps.logger.warn('uploads: could not sweep the staging folder', { error: String(error) }));
    },

    openCount: countFor,
  };
}

export type UploadStaging = ReturnType<typeof createUploadStaging>;
