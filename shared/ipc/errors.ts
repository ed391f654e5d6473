// The closed set of error codes a bridge call can answer with. The renderer
// decides what to show (and whether to offer "retry") from the code alone.
export const errorCodes = [
  'invalid_request',
  'unknown_channel',
  'untrusted_sender',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'failed_precondition',
  'rate_limited',
  'offline',
  'unavailable',
  'cancelled',
  /** The disk is full (ENOSPC, EDQUOT): nothing was lost, free space and retry. */
  'storage_full',
  /** The disk refused the write otherwise (read-only, permissions, too many open files, I/O error). */
  'storage_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface BridgeError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryable: boolean;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };

const retryableByDefault: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'offline', 'unavailable']);

/** An error that carries a bridge code; services throw it, the router turns it into an envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, retryable: boolean = retryableByDefault.has(code)) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.retryable = retryable;
  }

  toBridgeError(): BridgeError {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, retryable: boolean = retryableByDefault.has(code)): Result<never> {
  return { ok: false, error: { code, message, retryable } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
