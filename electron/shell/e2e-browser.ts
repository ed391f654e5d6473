import { BrowserWindow } from 'electron';
import { isAllowedOpenExternal } from './policies';

/**
 * E2e mode only (electron/shell/e2e-mode.ts): the "system browser" is a plain window of
 * the app, so Playwright sees the sign-in page as a new page, as in the harness. No
 * preload, its own in-memory session, no child windows.
 */
export async function openInTestWindow(url: string): Promise<void> {
  if (!isAllowedOpenExternal(url)) throw new Error('Refused to open a URL that is not https in the test browser.');
  const window = new BrowserWindow({
    width: 900,
    height: 700,
    // Isolated, sandboxed, no Node; middle-click cannot open windows.
    webPreferences: {
      partition: 'e2e-browser',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  await window.loadURL(url);
}
