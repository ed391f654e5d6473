import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cspHeader, mimeTypeFor, resolveRendererFile } from '../../electron/shell/policies';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the built renderer on 127.0.0.1 with the production CSP, as app:// does in Electron. */
export async function serveRenderer(rootDir: string, port = 0): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = resolveRendererFile(rootDir, url.pathname);
    const notFound = (): void => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    };
    if (!file || request.method !== 'GET') return notFound();
    fs.stat(file).then(
      (stat) => {
        if (!stat.isFile()) return notFound();
        // Revalidated on every load (a rebuilt file has a new tag) but kept in the browser's
        // cache, which Chromium's V8 code cache needs: Electron keeps compiled code for app://
        // (`codeCache: true` in electron/shell/protocol.ts), and with `no-store` the harness
        // compiled the whole bundle again on every launch.
        const etag = `"${stat.size.toString(16)}-${Math.trunc(stat.mtimeMs).toString(16)}"`;
        const headers = {
          'content-security-policy': cspHeader(),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
          etag,
        };
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, headers).end();
          return;
        }
        response.writeHead(200, { ...headers, 'content-type': mimeTypeFor(file), 'content-length': stat.size });
        createReadStream(file).pipe(response);
      },
      () => notFound(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
