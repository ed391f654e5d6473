import type { WebPreferences } from 'electron';
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

/** Hosts whose https links (window.open, target=_blank) may be handed to the OS browser. */
export const externalHostAllowlist: ReadonlySet<string> = new Set([
  'support.google.com',
  'workspace.google.com',
  'www.google.com',
  'www.google.com.tw',
  'cloud.google.com',
  'admin.google.com',
  'accounts.google.com',
]);

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

const withoutCredentials = (parsed: URL): boolean => parsed.username === '' && parsed.password === '';

export function isAllowedExternal(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && parsed.protocol === 'https:' && withoutCredentials(parsed) && externalHostAllowlist.has(parsed.hostname);
}

const loopbackHosts: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** The sandbox's authorization endpoint (issuer `<baseUrl>/oauth2`, see electron/sandbox/oidc.ts). */
export const sandboxSignInPath = '/oauth2/auth';

/**
 * What `shell.openExternal` may be given at all: https URLs (Google's sign-in page and
 * allowlisted links), and the sandbox's sign-in page on loopback. Never file:, smb:,
 * custom schemes or credentials in the URL — the OS would hand those to other programs.
 */
export function isAllowedOpenExternal(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed || !withoutCredentials(parsed)) return false;
  if (parsed.protocol === 'https:') return parsed.hostname !== '';
  return parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname) && parsed.pathname === sandboxSignInPath;
}

/** Google's support and sign-in hosts: where a portal window may go. */
export const portalHostAllowlist: ReadonlySet<string> = new Set(['support.google.com', 'accounts.google.com', 'admin.google.com']);

function isPortalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && parsed.protocol === 'https:' && withoutCredentials(parsed) && portalHostAllowlist.has(parsed.hostname);
}

/** The portal's cookie jar for one account (one reseller domain's agent): persistent, never shared. */
export function portalPartition(accountId: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(accountId)) throw new Error(`Not an account id: ${accountId}`);
  return `persist:portal-${accountId}`;
}

export type WindowKind = 'app' | 'portal';

/** The security rules of one kind of window, applied by `harden(contents, kind)` in shell/harden.ts. */
export interface WindowPolicy {
  /** Everything but the per-window `preload` (app) or `partition` (portal). */
  readonly webPreferences: Readonly<WebPreferences>;
  /** will-navigate: may the top frame go to this URL? */
  readonly mayNavigate: (url: string) => boolean;
  /** will-redirect: may a navigation be redirected to this URL? */
  readonly mayRedirect: (url: string) => boolean;
  /** window.open and target=_blank never open a window: the URL goes to the OS browser when this says so, else nowhere. */
  readonly openInBrowser: (url: string) => boolean;
  /** Permission requests and checks (notifications, media, clipboard, …). */
  readonly mayUsePermission: (permission: string) => boolean;
  /** will-download: 'deny' cancels; 'ask' leaves it to Electron's save dialog, so the agent picks the place. */
  readonly download: 'deny' | 'ask';
}

/** The same hardening for every window; only what a window loads and may reach differs. */
const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  // Middle-click would open links in new windows, past the window-open rule.
  disableBlinkFeatures: 'Auxclick',
  safeDialogs: true,
  spellcheck: true,
} as const satisfies WebPreferences;

const isAppUrl = (url: string): boolean => originOf(url) === appOrigin;
/** The app: notifications (SLA and reply alerts) and writing the clipboard ("Copy link"). */
const appPermissions: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);
const portalPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export const windowPolicies: Readonly<Record<WindowKind, WindowPolicy>> = {
  // The app's own window: app:// only. Files are saved through main ("Save as…"), never by the page.
  app: {
    webPreferences: hardenedWebPreferences,
    mayNavigate: isAppUrl,
    mayRedirect: isAppUrl,
    openInBrowser: isAllowedExternal,
    mayUsePermission: (permission) => appPermissions.has(permission),
    download: 'deny',
  },
  // Google's portal for one account, in its own persistent partition: Google's support and
  // sign-in hosts only, no preload, no bridge. Files from the portal are saved where the agent says.
  portal: {
    webPreferences: hardenedWebPreferences,
    mayNavigate: isPortalUrl,
    mayRedirect: isPortalUrl,
    openInBrowser: isAllowedExternal,
    mayUsePermission: (permission) => portalPermissions.has(permission),
    download: 'ask',
  },
};

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
