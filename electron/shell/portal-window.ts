import { BrowserWindow, shell } from 'electron';
import { isAllowedExternal, isAllowedPortalNavigation } from './policies';

const windows = new Map<string, BrowserWindow>();

/**
 * Google's portal for one reseller domain, in a window with its own persistent
 * session partition: two domains can be signed in to the portal at the same time.
 * Navigation stays on Google's support and sign-in hosts; no preload, no bridge.
 */
export function openPortalWindow(accountId: string, url: string): void {
  const existing = windows.get(accountId);
  if (existing && !existing.isDestroyed()) {
    void existing.loadURL(url);
    existing.focus();
    return;
  }
  const window = new BrowserWindow({
    width: 1200,
    height: 850,
    webPreferences: {
      partition: `persist:portal-${accountId}`,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  window.webContents.on('will-navigate', (event, target) => {
    if (!isAllowedPortalNavigation(target)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, target) => {
    if (!isAllowedPortalNavigation(target)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url: target }) => {
    if (isAllowedExternal(target)) void shell.openExternal(target);
    return { action: 'deny' };
  });
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  window.on('closed', () => windows.delete(accountId));
  windows.set(accountId, window);
  if (isAllowedPortalNavigation(url)) void window.loadURL(url);
}
