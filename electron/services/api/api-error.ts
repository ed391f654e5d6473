import { GoogleErrorSchema, LegacyErrorSchema } from '../../../shared/api';
import { AppError, type ErrorCode } from '../../../shared/ipc';

/**
 * A failed API call, classified for the sync engine:
 * - `network`: nothing reached the server (offline, refused) — safe to retry;
 * - `ambiguous`: the request may have been applied (timeout, reset, dropped response) — reconcile before any retry;
 * - `http`: the server answered with an error status.
 */
export class ApiError extends Error {
  readonly kind: 'network' | 'ambiguous' | 'http';
  readonly httpStatus: number | undefined;
  readonly status: string | undefined;
  readonly reason: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    kind: ApiError['kind'];
    message: string;
    httpStatus?: number;
    status?: string;
    reason?: string;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.status = init.status;
    this.reason = init.reason;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Worth trying again later without any change (rate limits, outages, lost connections). */
  get transient(): boolean {
    if (this.kind !== 'http') return true;
    return this.httpStatus === 429 || this.httpStatus === 408 || (this.httpStatus !== undefined && this.httpStatus >= 500);
  }

  toAppError(): AppError {
    return new AppError(this.appCode(), this.message, this.transient);
  }

  private appCode(): ErrorCode {
    // For the agent a reset or a timeout is a connection problem like a refused one; the sync
    // engine, not this code, decides how to reconcile an ambiguous write.
    if (this.kind !== 'http') return 'offline';
    switch (this.httpStatus) {
      case 400:
        return this.status === 'FAILED_PRECONDITION' ? 'failed_precondition' : 'invalid_request';
      case 401:
        return 'unauthorized';
      case 403:
        return 'forbidden';
      case 404:
        return 'not_found';
      case 409:
        return 'conflict';
      case 429:
        return 'rate_limited';
      default:
        return this.httpStatus !== undefined && this.httpStatus >= 500 ? 'unavailable' : 'internal';
    }
  }
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Builds an ApiError from an error response in either Google error format. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const modern = GoogleErrorSchema.safeParse(body);
  if (modern.success) {
    // The machine-readable why: ErrorInfo's reason, else a PreconditionFailure's violation type (e.g. CASE_STATE).
    const details = modern.data.error.details ?? [];
    const infoReason = details.find((detail) => typeof detail.reason === 'string')?.reason;
    const violations = details.find((detail) => Array.isArray(detail.violations))?.violations;
    const violationType = Array.isArray(violations) ? (violations[0] as { type?: unknown } | undefined)?.type : undefined;
    const reason = typeof infoReason === 'string' ? infoReason : typeof violationType === 'string' ? violationType : undefined;
    return new ApiError({
      kind: 'http',
      message: modern.data.error.message,
      httpStatus: response.status,
      status: modern.data.error.status,
      ...(reason ? { reason } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  const legacy = LegacyErrorSchema.safeParse(body);
  if (legacy.success) {
    return new ApiError({
      kind: 'http',
      message: legacy.data.error.message,
      httpStatus: response.status,
      ...(legacy.data.error.status ? { status: legacy.data.error.status } : {}),
      ...(legacy.data.error.errors[0] ? { reason: legacy.data.error.errors[0].reason } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return new ApiError({
    kind: 'http',
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
    httpStatus: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
