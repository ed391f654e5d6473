import path from 'node:path';
import type { SenderInfo } from '../ipc/router';

// Security policies of the shell as pure functions, so they are unit-tested in
// Node although the code that applies them needs Electron.

export const appScheme = 'app';
export const appHost = 'console';
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * React Aria injects two fixed <style> rules (touch-action for pressables,
 * overscroll while a modal is open). They are allowed by hash, not by
 * 'unsafe-inline'; renderer/index.html carries the same list.
 */
export const allowedInlineStyleHashes = [
  "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='",
  "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='",
] as const;

/** The renderer's Content-Security-Policy: only the app's own scripts, styles and data. */
export function cspHeader(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${allowedInlineStyleHashes.join(' ')}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    // app:// URLs have an opaque origin in WHATWG URL terms; compare scheme + host instead.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** Only the app's own top frame may use the bridge. */
export function isTrustedSender(sender: SenderInfo, trustedOrigin: string = appOrigin): boolean {
  return sender.isMainFrame && originOf(sender.url) === trustedOrigin;
}

/** In-app navigation stays on the app's origin; everything else is refused. */
export function isAllowedNavigation(url: string, trustedOrigin: string = appOrigin): boolean {
  return originOf(url) === trustedOrigin;
}

/** Hosts whose https links may be opened in the OS browser. */
export const externalHostAllowlist: ReadonlySet<string> = new Set([
  'support.google.com',
  'workspace.google.com',
  'www.google.com',
  'www.google.com.tw',
  'cloud.google.com',
  'admin.google.com',
  'accounts.google.com',
]);

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && externalHostAllowlist.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** Hosts the per-domain "Google portal" windows may navigate to. */
export const portalHostAllowlist: ReadonlySet<string> = new Set(['support.google.com', 'accounts.google.com', 'admin.google.com']);

export function isAllowedPortalNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && portalHostAllowlist.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** Only desktop notifications are granted; camera, microphone, geolocation, … are denied. */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'notifications';
}

/**
 * Maps an app:// request to a file below `rootDir`, or undefined when the URL
 * is foreign, malformed or tries to leave the root.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return undefined;
  return resolveRendererFile(rootDir, parsed.pathname);
}

/** Maps a URL path to a file below `rootDir`; refuses `..`, backslashes, NUL and bad escapes. Shared by app:// and the harness server. */
export function resolveRendererFile(rootDir: string, urlPathname: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  if (pathname.split('/').some((segment) => segment === '..')) return undefined;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return undefined;
  return resolved;
}

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return mimeTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
