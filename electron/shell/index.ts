import { app, BrowserWindow, powerMonitor, session } from 'electron';
import path from 'node:path';
import type { Core } from '../core';
import { wireIpc } from './ipc-electron';
import { applyProxyPolicy } from './managed';
import { isAllowedNavigation, isAllowedPermission } from './policies';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

/** Electron-only glue: single instance, protocol, session hardening, IPC, the window. */
export function startShell(core: Core, outDir: string): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.enableSandbox();

  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
    serveRenderer(path.join(outDir, 'renderer'));
    await applyProxyPolicy(core.policy.loaded);
    const unwire = wireIpc(core);
    await core.start();
    // Back from sleep: the network may have changed and the data is stale. Sync every account now.
    powerMonitor.on('resume', () => void core.sync.syncNow());
    mainWindow = createMainWindow(path.join(outDir, 'preload'));
    app.on('before-quit', () => {
      unwire();
      void core.stop();
    });
  });

  app.on('window-all-closed', () => app.quit());
}
