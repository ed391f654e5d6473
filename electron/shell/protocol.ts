import { net, protocol, session } from 'electron';
import { pathToFileURL } from 'node:url';
import { appScheme, cspHeader, mimeTypeFor, resolveAppPath } from './policies';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from app://console/ with the production CSP; traversal is refused. */
export function serveRenderer(rendererDir: string): void {
  session.defaultSession.protocol.handle(appScheme, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const upstream = await net.fetch(pathToFileURL(file).toString());
    if (!upstream.ok) return new Response('Not found', { status: 404 });
    return new Response(upstream.body, {
      status: 200,
      headers: { 'content-type': mimeTypeFor(file), 'content-security-policy': cspHeader(), 'x-content-type-options': 'nosniff' },
    });
  });
}
