import type { IncomingMessage } from 'node:http';
import { CANONICAL_HTTP_STATUS, type CanonicalStatus, type ErrorDetail } from '../../shared/api';

// A handler returns a Reply instead of writing to the socket, so fault
// injection can apply a write and then drop its response.

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export class ApiError extends Error {
  constructor(
    readonly status: CanonicalStatus,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Reseller API errors use the legacy `errors[]` body. */
export class LegacyApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly status?: string,
  ) {
    super(message);
  }
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=UTF-8', ...headers }, body: JSON.stringify(value) };
}

export function errorReply(e: ApiError): Reply {
  const code = CANONICAL_HTTP_STATUS[e.status];
  const error: Record<string, unknown> = { code, message: e.message, status: e.status };
  if (e.details.length > 0) error['details'] = e.details;
  return json(code, { error }, e.headers);
}

export function legacyErrorReply(e: LegacyApiError): Reply {
  const error: Record<string, unknown> = {
    errors: [{ domain: 'global', reason: e.reason, message: e.message }],
    code: e.code,
    message: e.message,
  };
  if (e.status !== undefined) error['status'] = e.status;
  return json(e.code, { error });
}

export function errorInfo(reason: string, metadata?: Record<string, string>, domain = 'cloudsupport.googleapis.com'): ErrorDetail {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain, ...(metadata === undefined ? {} : { metadata }) };
}

export function badRequest(message: string, violations: { field: string; description: string }[] = []): ApiError {
  return new ApiError(
    'INVALID_ARGUMENT',
    message,
    violations.length === 0 ? [] : [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: violations }],
  );
}

export function precondition(message: string, type: string, subject: string): ApiError {
  return new ApiError('FAILED_PRECONDITION', message, [
    { '@type': 'type.googleapis.com/google.rpc.PreconditionFailure', violations: [{ type, subject, description: message }] },
  ]);
}

export class BodyTooLargeError extends Error {}

/** Reads a request body up to `limit` bytes; beyond it the rest is drained and BodyTooLargeError thrown. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    drain(req, limit);
    throw new BodyTooLargeError(`request body of ${declared} bytes exceeds the limit of ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      drain(req, limit);
      throw new BodyTooLargeError(`request body exceeds the limit of ${limit} bytes`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Discards the rest of an oversized body so the client can read our 400; gives up on absurd sizes. */
function drain(req: IncomingMessage, limit: number): void {
  let extra = 0;
  req.on('data', (c: Buffer) => {
    extra += c.length;
    if (extra > Math.max(limit, 8 * 1024 * 1024) * 4) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

export async function readJsonBody(req: IncomingMessage, limit = 1024 * 1024): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw badRequest(e.message);
    throw e;
  }
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  const type = String(req.headers['content-type'] ?? 'application/json');
  if (!/^application\/json\b/i.test(type)) throw badRequest(`Unsupported Content-Type '${type}'; expected application/json.`);
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw badRequest(`Invalid JSON payload received. Nesting deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`Invalid JSON payload received. ${(e as Error).message}`);
  }
}

export async function readFormBody(req: IncomingMessage): Promise<URLSearchParams> {
  try {
    return new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw badRequest(e.message);
    throw e;
  }
}

/** Deepest nesting of arrays and objects in JSON text (strings skipped), so hostile depth never reaches a recursive parser. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Nesting allowed in a request body; Google's own messages need a handful of levels. */
export const MAX_JSON_DEPTH = 64;

export function html(status: number, body: string): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=UTF-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:* http://[::1]:*",
      'cache-control': 'no-store',
    },
    body,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
