import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Faults } from './faults';
import { applyFields, parseFields } from './fields';
import { ApiError, LegacyApiError, errorInfo, errorReply, legacyErrorReply, type Reply } from './http';
import type { Router } from './router';

// Serving the API port: fault injection, the route table, and one error path
// that always answers in Google's envelope (never a crash, never silence).

export const HOST = '127.0.0.1';

export interface ApiHandlerDeps {
  baseUrl: string;
  router: Router;
  faults: Faults;
  count: (routeName: string) => void;
}

export function apiHandler(d: ApiHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(d, req, res).catch((e: unknown) => {
      // Last resort: whatever went wrong, the client still gets an envelope.
      console.error('[sandbox] internal error', e);
      send(res, errorReply(new ApiError('INTERNAL', 'Internal error encountered.')));
    });
  };
}

async function handle(d: ApiHandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  let routeName = `${method} (unmatched)`;
  let url: URL;
  try {
    url = new URL(req.url ?? '/', d.baseUrl);
  } catch {
    d.count(routeName);
    send(res, errorReply(new ApiError('INVALID_ARGUMENT', 'Malformed request URL.')));
    return;
  }
  const faultable = d.faults.matches(method, safeDecode(url.pathname));
  try {
    if (faultable && d.faults.config.latencyMs > 0) await new Promise((r) => setTimeout(r, d.faults.config.latencyMs));
    const decision = faultable ? d.faults.before() : { kind: 'none' as const };
    if (decision.kind === 'reset') {
      d.count('fault.reset');
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    if (decision.kind === 'error') {
      d.count(`fault.${decision.status}`);
      reply = faultReply(decision.status, d.faults.config.retryAfterSeconds);
    } else {
      const match = d.router.match(method, url.pathname);
      if (match.kind === 'malformed') throw new ApiError('INVALID_ARGUMENT', 'Malformed request URL: bad percent-encoding.');
      if (match.kind !== 'route') throw new ApiError('NOT_FOUND', `The requested URL ${url.pathname} was not found on this server.`);
      routeName = match.route.name;
      reply = withFields(await match.route.handle({ req, url, params: match.params }), url);
    }
    if (decision.kind === 'none' && faultable && d.faults.dropAfter()) {
      d.count('fault.drop');
      d.count(routeName);
      req.socket.destroy();
      return;
    }
    d.count(routeName);
    send(res, reply);
  } catch (e) {
    d.count(routeName);
    // A client that went away mid-request needs no answer (a fully read request is "destroyed" too: look at the socket).
    if (req.socket.destroyed) return;
    send(res, replyForError(e));
  }
}

/** The `fields` system parameter on a successful JSON answer (partial response). */
function withFields(reply: Reply, url: URL): Reply {
  const fields = url.searchParams.get('fields');
  if (fields === null || fields === '' || reply.status !== 200 || !String(reply.headers['content-type']).startsWith('application/json'))
    return reply;
  const sel = parseFields(fields);
  return { ...reply, body: JSON.stringify(applyFields(JSON.parse(String(reply.body)), sel)) };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function replyForError(e: unknown): Reply {
  if (e instanceof ApiError) return errorReply(e);
  if (e instanceof LegacyApiError) return legacyErrorReply(e);
  console.error('[sandbox] internal error', e);
  return errorReply(new ApiError('INTERNAL', 'Internal error encountered.'));
}

function faultReply(status: 429 | 500 | 503, retryAfter: number): Reply {
  if (status === 500) return errorReply(new ApiError('INTERNAL', 'Internal error encountered. (injected fault)'));
  const headers = { 'retry-after': String(retryAfter) };
  const retry = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfter}s` };
  if (status === 429)
    return errorReply(
      new ApiError(
        'RESOURCE_EXHAUSTED',
        'Quota exceeded for quota metric and limit (injected fault).',
        [errorInfo('RATE_LIMIT_EXCEEDED', { service: 'cloudsupport.googleapis.com' }, 'googleapis.com'), retry],
        headers,
      ),
    );
  return errorReply(new ApiError('UNAVAILABLE', 'The service is currently unavailable. (injected fault)', [retry], headers));
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function closeServer(server: Server, listening: boolean): Promise<void> {
  server.closeAllConnections();
  if (!listening) return Promise.resolve();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Protocol garbage (bad request line, oversized headers) answers Google's 400 envelope and the server moves on. */
export function hardenServer(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      error: { code: 400, message: `Malformed HTTP request (${err.code ?? 'parse error'}).`, status: 'INVALID_ARGUMENT' },
    });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=UTF-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
