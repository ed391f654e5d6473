import { shell, type Session, type WebContents } from 'electron';
import { isAllowedOpenExternal, windowPolicies, type WindowKind } from './policies';

/** The only caller of shell.openExternal: refuses anything but https and the sandbox's loopback sign-in page. */
export async function openExternal(url: string): Promise<void> {
  if (!isAllowedOpenExternal(url)) throw new Error('Refused to open a URL that is not https in the OS browser.');
  await shell.openExternal(url);
}

const hardenedSessions = new WeakSet<Session>();

/** Permission and download rules belong to the session: set once per session (a portal partition outlives its windows). */
function hardenSession(session: Session, kind: WindowKind): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  const policy = windowPolicies[kind];
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(policy.mayUsePermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => policy.mayUsePermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    if (policy.download === 'deny') event.preventDefault();
  });
}

/** Applies the window table of policies.ts to one window's contents and its session. */
export function harden(contents: WebContents, kind: WindowKind): void {
  const policy = windowPolicies[kind];
  contents.on('will-navigate', (event, url) => {
    if (!policy.mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!policy.mayRedirect(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (policy.openInBrowser(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  hardenSession(contents.session, kind);
}
