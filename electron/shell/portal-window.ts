import { BrowserWindow, session } from 'electron';
import { harden } from './harden';
import { portalPartition, windowPolicies } from './policies';

const windows = new Map<string, BrowserWindow>();

/**
 * Google's portal for one account (one reseller domain), in a window with its own
 * persistent session partition: two domains can be signed in to the portal at the
 * same time. No preload, no bridge; the rest is the 'portal' row of the window table.
 */
export function openPortalWindow(accountId: string, url: string): void {
  if (!windowPolicies.portal.mayNavigate(url)) throw new Error('The portal opens only on Google support and sign-in pages.');
  const existing = windows.get(accountId);
  if (existing && !existing.isDestroyed()) {
    void existing.loadURL(url);
    existing.focus();
    return;
  }
  const window = new BrowserWindow({
    width: 1200,
    height: 850,
    // Written out here (not spread from the table) so Electronegativity can read it;
    // tests/unit/electron/shell-windows.test.ts proves it equals windowPolicies.portal.webPreferences.
    webPreferences: {
      partition: portalPartition(accountId),
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
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
    },
  });
  harden(window.webContents, 'portal');
  window.on('closed', () => windows.delete(accountId));
  windows.set(accountId, window);
  void window.loadURL(url);
}

/** Sign-out: Google's session cookies and site data of that domain's portal go with the account. */
export async function clearPortalPartition(accountId: string): Promise<void> {
  const window = windows.get(accountId);
  if (window && !window.isDestroyed()) window.destroy();
  windows.delete(accountId);
  const partition = session.fromPartition(portalPartition(accountId));
  await partition.clearStorageData();
  await partition.clearCache();
}
