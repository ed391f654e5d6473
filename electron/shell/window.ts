import { BrowserWindow, screen } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { harden } from './harden';
import { appOrigin } from './policies';

interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

const boundsStore = new ElectronStore<{ bounds?: WindowBounds }>({ name: 'window-state' });

function restoredBounds(): WindowBounds {
  const saved = boundsStore.get('bounds');
  if (!saved) return { width: 1400, height: 900 };
  // Forget the position if it is off every display (a monitor was unplugged).
  const visible = screen
    .getAllDisplays()
    .some(
      ({ workArea }) =>
        saved.x !== undefined &&
        saved.y !== undefined &&
        saved.x < workArea.x + workArea.width &&
        saved.x + saved.width > workArea.x &&
        saved.y < workArea.y + workArea.height &&
        saved.y + saved.height > workArea.y,
    );
  return visible ? saved : { width: saved.width, height: saved.height };
}

export function createMainWindow(preloadDir: string): BrowserWindow {
  const bounds = restoredBounds();
  const window = new BrowserWindow({
    ...(bounds.x === undefined ? {} : { x: bounds.x }),
    ...(bounds.y === undefined ? {} : { y: bounds.y }),
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Reseller Support Console',
    backgroundColor: '#1f2430',
    // Written out here (not spread from the table) so Electronegativity can read it;
    // tests/unit/electron/shell-windows.test.ts proves it equals windowPolicies.app.webPreferences.
    webPreferences: {
      preload: path.join(preloadDir, 'index.cjs'),
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
  if (bounds.maximized) window.maximize();

  harden(window.webContents, 'app');

  const saveBounds = (): void => {
    if (window.isDestroyed()) return;
    boundsStore.set('bounds', { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', saveBounds);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
