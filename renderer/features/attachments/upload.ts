import { AppError, type DraftFile, type OutboxEntry } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';
import type { CheckedFile } from './attachment-drop-zone';

/** Largest message main accepts per chunk. */
export const CHUNK_BYTES = 1024 * 1024;

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A File that vanished or changed on disk while it was read.
  return new AppError('internal', error instanceof Error ? error.message : String(error), false);
}

/**
 * Streams checked files to main (≤ 1 MiB chunks), which stages them durably and queues their
 * upload to caseRef. `onProgress` counts bytes handed to main over all files. On an error the
 * staging of the file under way is aborted and the error rethrown as an AppError; files
 * committed before it stay queued.
 */
export async function uploadFiles(
  accountId: string,
  caseRef: string,
  files: readonly CheckedFile[],
  onProgress?: (sent: number, total: number) => void,
): Promise<OutboxEntry[]> {
  return streamFiles(accountId, files, onProgress, (uploadId) =>
    getBridgeClient().invoke('attachments.stageCommit', { accountId, uploadId, caseRef }),
  );
}

/** Like uploadFiles, but each file is kept with a new-case draft in main (durably) instead of being queued. */
export function stageFilesForDraft(
  accountId: string,
  draftId: string,
  files: readonly CheckedFile[],
  onProgress?: (sent: number, total: number) => void,
): Promise<DraftFile[]> {
  return streamFiles(accountId, files, onProgress, (uploadId, checked) =>
    getBridgeClient().invoke('attachments.stageForDraft', { accountId, uploadId, draftId, piiKept: checked.piiKept === true }),
  );
}

/** Streams each file to main in chunks, then hands its upload id to `finish` (commit or keep with a draft). */
async function streamFiles<T>(
  accountId: string,
  files: readonly CheckedFile[],
  onProgress: ((sent: number, total: number) => void) | undefined,
  finish: (uploadId: string, checked: CheckedFile) => Promise<T>,
): Promise<T[]> {
  const client = getBridgeClient();
  const total = files.reduce((sum, { file }) => sum + file.size, 0);
  let sent = 0;
  const results: T[] = [];
  onProgress?.(0, total);
  for (const checked of files) {
    const { file, filename } = checked;
    const { uploadId } = await client
      .invoke('attachments.stageBegin', { accountId, filename, mimeType: file.type || 'application/octet-stream', sizeBytes: file.size })
      .catch((error: unknown) => {
        throw asAppError(error);
      });
    try {
      for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
        const bytes = new Uint8Array(await file.slice(offset, Math.min(offset + CHUNK_BYTES, file.size)).arrayBuffer());
        await client.invoke('attachments.stageChunk', { accountId, uploadId, offset, bytes });
        sent += bytes.byteLength;
        onProgress?.(sent, total);
      }
      results.push(await finish(uploadId, checked));
    } catch (error) {
      await client.invoke('attachments.stageAbort', { accountId, uploadId }).catch(() => undefined);
      throw asAppError(error);
    }
  }
  return results;
}
