import { badRequest } from './http';

// Page tokens and the one offset paginator every list uses. Tokens are opaque,
// bound to the request that produced them (all other parameters must stay the
// same) and carry a short MAC so a tampered token is refused.

export function encodePageToken(binding: string, position: unknown, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ b: hashHex(binding), p: position })).toString('base64url');
  return `${payload}.${hashHex(secret + payload).slice(0, 12)}`;
}

export function decodePageToken(token: string, binding: string, secret: string): unknown {
  const [payload, mac, extra] = token.split('.');
  if (payload === undefined || mac === undefined || extra !== undefined || hashHex(secret + payload).slice(0, 12) !== mac)
    throw badRequest('Invalid page token.', [{ field: 'page_token', description: 'malformed or tampered page token' }]);
  let parsed: { b?: unknown; p?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { b?: unknown; p?: unknown };
  } catch {
    throw badRequest('Invalid page token.');
  }
  if (parsed.b !== hashHex(binding))
    throw badRequest('Invalid page token: it belongs to a different request (all other parameters must stay the same).', [
      { field: 'page_token', description: 'token does not match the request parameters' },
    ]);
  return parsed.p;
}

function hashHex(text: string): string {
  // FNV-1a 64 as two 32-bit halves: enough to bind tokens, not a security boundary.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** int32 `pageSize`: absent or 0 = default, negative or non-integer = 400, beyond `max` = clamped. */
export function parsePageSize(raw: string | null, def: number, max: number): number {
  if (raw === null || raw === '') return def;
  if (!/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > 2 ** 31 - 1)
    throw badRequest(`Invalid value at 'page_size' (TYPE_INT32), "${raw}"`, [{ field: 'page_size', description: 'must be an integer' }]);
  const n = Number(raw);
  if (n < 0) throw badRequest('page_size must not be negative', [{ field: 'page_size', description: 'must be >= 0' }]);
  if (n === 0) return def;
  return Math.min(n, max);
}

export interface PageRequest {
  /** The request's token, if any. */
  token: string | null;
  /** Everything else about the request that a token must not outlive. */
  binding: string;
  secret: string;
  pageSize: number;
  /** Turns a bad token into the API's own error shape (default: Google's 400 envelope). */
  invalid?: (cause: unknown) => Error;
}

/** One page of `items` from the position in the token, plus the token for the next page. */
export function paginate<T>(items: readonly T[], req: PageRequest): { page: T[]; next: string | undefined } {
  let from = 0;
  if (req.token !== null && req.token !== '') {
    try {
      const p = decodePageToken(req.token, req.binding, req.secret);
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > items.length) throw badRequest('Invalid page token.');
      from = p;
    } catch (e) {
      throw req.invalid === undefined ? e : req.invalid(e);
    }
  }
  const end = from + req.pageSize;
  return { page: items.slice(from, end), next: end < items.length ? encodePageToken(req.binding, end, req.secret) : undefined };
}
