import { z } from 'zod';
import { AppError, type BridgeError } from '../../shared/ipc';
import { ApiError } from '../services/api/api-error';
import { OutboxError, type OutboxErrorCode } from '../services/sync/outbox/index';

// The one place where anything a handler throws becomes the typed error the renderer sees.
// Services throw what they know (AppError, ApiError, OutboxError, zod, aborts, fs errors);
// none of them remaps another's errors.

const outboxCodes: Readonly<Record<OutboxErrorCode, AppError['code']>> = {
  not_found: 'not_found',
  closed: 'unavailable',
  invalid_mutation: 'invalid_request',
  invalid_state: 'failed_precondition',
  unknown_local_case: 'failed_precondition',
  staged_file_missing: 'failed_precondition',
  has_dependents: 'failed_precondition',
  foreign_case: 'forbidden',
};

const storageFull = new Set(['ENOSPC', 'EDQUOT']);
const storageUnavailable = new Set(['EROFS', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE', 'EIO', 'EBUSY', 'ENOTDIR', 'EISDIR']);

/** A Node fs error (ENOSPC, EROFS, …) as a typed storage error; undefined for anything else. */
export function storageError(error: unknown): AppError | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (storageFull.has(code)) return new AppError('storage_full', 'The disk is full.', false);
  if (storageUnavailable.has(code)) return new AppError('storage_unavailable', `The disk refused the write (${code}).`, false);
  return undefined;
}

function isAbort(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Maps a thrown value to an AppError, or undefined when it is a bug (the caller answers `internal` and logs). */
export function translateError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ApiError) return error.toAppError();
  if (error instanceof OutboxError) return new AppError(outboxCodes[error.code], error.message, false);
  if (error instanceof z.ZodError) {
    const first = error.issues[0];
    const where = first ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}` : 'invalid input';
    return new AppError('invalid_request', `Invalid input — ${where}`, false);
  }
  if (isAbort(error)) {
    return error.name === 'TimeoutError'
      ? new AppError('unavailable', 'The service did not answer in time.', true)
      : new AppError('cancelled', 'Cancelled.', false);
  }
  return storageError(error);
}

/** The envelope for anything thrown: typed when known, `internal` (logged by the router) otherwise. */
export function toBridgeError(error: unknown, channel: string): { error: BridgeError; known: boolean } {
  const translated = translateError(error);
  if (translated) return { error: translated.toBridgeError(), known: true };
  return { error: { code: 'internal', message: `Something went wrong in ${channel}.`, retryable: false }, known: false };
}
