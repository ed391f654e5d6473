import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRedirect {
  readonly redirectUri: string;
  /** Resolves with the full callback URL of the first request to /callback. */
  readonly callback: Promise<URL>;
  close(): void;
}

const donePage = (title: string, text: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><style>body{font:16px system-ui;margin:3rem;color:#1c2330}</style><h1>${title}</h1><p>${text}</p>`;

/**
 * A one-shot listener on 127.0.0.1 (port chosen by the OS) for the OAuth
 * redirect: it accepts one callback, answers a small page, and closes; or it
 * gives up after `timeoutMs`.
 */
export async function listenForRedirect(timeoutMs: number, signal: AbortSignal): Promise<LoopbackRedirect> {
  let settle: { resolve: (url: URL) => void; reject: (error: Error) => void } | undefined;
  const callback = new Promise<URL>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (url.pathname !== '/callback') {
      response.writeHead(404).end();
      return;
    }
    const failed = url.searchParams.has('error');
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(
        failed
          ? donePage('Sign-in cancelled', 'You can close this window and return to the Reseller Support Console.')
          : donePage('Signed in', 'You can close this window and return to the Reseller Support Console.'),
      );
    close();
    settle?.resolve(url);
  });
  const timer = setTimeout(() => {
    close();
    settle?.reject(new Error('timeout'));
  }, timeoutMs);
  const onAbort = (): void => {
    close();
    settle?.reject(new Error('cancelled'));
  };
  signal.addEventListener('abort', onAbort, { once: true });
  function close(): void {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    server.close();
    server.closeAllConnections();
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}/callback`, callback, close };
}
