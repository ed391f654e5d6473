import { app, BrowserWindow, powerMonitor } from 'electron';
import path from 'node:path';
import type { Core } from '../core';
import { wireIpc } from './ipc-electron';
import { applyProxyPolicy } from './managed';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

/**
 * Electron-only glue: single instance, protocol, IPC, the window. Every window is
 * hardened where it is created (shell/harden.ts, by the table in shell/policies.ts).
 */
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

  void app.whenReady().then(async () => {
    serveRenderer(path.join(outDir, 'renderer'));
    const unwire = wireIpc(core);
    app.on('before-quit', () => {
      unwire();
      void core.stop();
    });
    try {
      // No traffic before the policy's proxy is in place: if it fails, the core does not start.
      await applyProxyPolicy(core.policy.loaded);
      await core.start();
    } catch (error) {
      // The window opens anyway: the renderer shows what failed and sign-out and retry stay reachable.
      console.error('start failed', error);
    }
    // Back from sleep: the network may have changed and the data is stale. Sync every account now.
    powerMonitor.on('resume', () => void core.sync.syncNow());
    mainWindow = createMainWindow(path.join(outDir, 'preload'));
  });

  app.on('window-all-closed', () => app.quit());
}
