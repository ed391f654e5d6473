import type { z } from 'zod';
import type { HttpFetch } from '../../ports';
import { ApiError, apiErrorFromResponse } from './api-error';
import type { RequestBudget, RequestPriority } from './request-budget';

export interface TokenSource {
  /** A valid access token (refreshed ahead of expiry). */
  accessToken(): Promise<string>;
  /** Called once after a 401: refresh now and return the new token. */
  refreshAfterUnauthorized(): Promise<string>;
}

export interface HttpClientOptions {
  readonly fetch: HttpFetch;
  readonly tokens: TokenSource;
  readonly timeoutMs?: number;
  /** The account's requests-per-minute budget; every request (retries included) takes a slot. */
  readonly budget?: RequestBudget;
}

export interface RequestOptions<T> {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly json?: unknown;
  readonly body?: RequestInit['body'];
  readonly headers?: Readonly<Record<string, string>>;
  readonly schema: z.ZodType<T>;
  /** For byte bodies: called as the body is handed to the network. */
  readonly onUploadProgress?: (sentBytes: number, totalBytes: number) => void;
  /** Who waits first when the budget is spent (default: the client's own priority). */
  readonly priority?: RequestPriority;
}

/** A replayable byte body as a stream that reports how much of it was read (sent). */
function progressBody(bytes: Uint8Array, onProgress: (sent: number, total: number) => void): ReadableStream<Uint8Array> {
  const slice = 256 * 1024;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(offset + slice, bytes.byteLength);
      controller.enqueue(bytes.subarray(offset, end));
      offset = end;
      onProgress(offset, bytes.byteLength);
    },
  });
}

export interface HttpClient {
  request<T>(url: string, options: RequestOptions<T>): Promise<T>;
  /** For downloads: the raw response after auth and error handling. */
  raw(url: string, options: Omit<RequestOptions<unknown>, 'schema'>): Promise<Response>;
  /** The same client, its requests queued at `priority` in the budget. */
  at(priority: RequestPriority): HttpClient;
  /** Requests at this client's priority that would go out now without waiting for the budget. */
  spare(): number;
}

/** Google's own clients encode spaces as %20; the sandbox and Google accept both. */
export function withQuery(url: string, query: RequestOptions<unknown>['query']): string {
  if (!query) return url;
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/**
 * Authenticated JSON over HTTP: bearer token, one refresh-and-retry on 401,
 * errors classified (network / ambiguous / http), responses schema-checked.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  return clientAt(options, 'sync');
}

function clientAt({ fetch, tokens, timeoutMs = 30_000, budget }: HttpClientOptions, defaultPriority: RequestPriority): HttpClient {
  async function send(url: string, options: Omit<RequestOptions<unknown>, 'schema'>, token: () => Promise<string>): Promise<Response> {
    // The slot first, then the token: a wait in the budget never sends a token that expired meanwhile.
    await budget?.acquire(options.priority ?? defaultPriority);
    const headers: Record<string, string> = { authorization: `Bearer ${await token()}`, ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(options.json);
    }
    const method = options.method ?? 'GET';
    const streamed = body instanceof Uint8Array && options.onUploadProgress !== undefined;
    if (streamed) {
      headers['content-length'] = String((body as Uint8Array).byteLength);
      body = progressBody(body as Uint8Array, options.onUploadProgress as (sent: number, total: number) => void);
    }
    try {
      const init: RequestInit & { duplex?: 'half' } = {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(timeoutMs),
        ...(streamed ? { duplex: 'half' } : {}),
      };
      return await fetch(withQuery(url, options.query), init);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const cause = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException).code : undefined;
      // Refused or unresolvable: nothing reached the server. Anything else may have been applied.
      const nothingSent =
        cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN' || cause === 'ENETUNREACH' || cause === 'EHOSTUNREACH';
      throw new ApiError({
        kind: nothingSent ? 'network' : 'ambiguous',
        message: `${method} ${nothingSent ? 'failed' : 'outcome unknown'}: ${cause ?? message}`,
      });
    }
  }

  async function raw(url: string, options: Omit<RequestOptions<unknown>, 'schema'>): Promise<Response> {
    let response = await send(url, options, () => tokens.accessToken());
    if (response.status === 401) {
      await response.body?.cancel();
      response = await send(url, options, () => tokens.refreshAfterUnauthorized());
    }
    if (!response.ok) {
      const error = await apiErrorFromResponse(response);
      // Rate limited: every request of this account waits as long as the server asked.
      if (error.retryAfterMs !== undefined && (response.status === 429 || response.status === 503)) budget?.holdFor(error.retryAfterMs);
      throw error;
    }
    return response;
  }

  const client: HttpClient = {
    raw,
    at: (priority) =>
      priority === defaultPriority ? client : clientAt({ fetch, tokens, timeoutMs, ...(budget ? { budget } : {}) }, priority),
    spare: () => budget?.spare(defaultPriority) ?? Number.POSITIVE_INFINITY,
    async request(url, options) {
      const response = await raw(url, options);
      let payload: unknown;
      try {
        const text = await response.text();
        payload = text === '' ? {} : JSON.parse(text);
      } catch (error) {
        throw new ApiError({
          kind: 'ambiguous',
          message: `Unreadable response: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      const parsed = options.schema.safeParse(payload);
      if (!parsed.success)
        throw new ApiError({ kind: 'http', httpStatus: 502, message: `Unexpected response shape from ${new URL(url).pathname}` });
      return parsed.data;
    },
  };
  return client;
}
