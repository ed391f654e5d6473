import { app, dialog, net, safeStorage, webContents } from 'electron';
import { openExternal } from '../harden';
import { clearPortalPartition, openPortalWindow } from '../portal-window';
import { appOrigin } from '../policies';
import path from 'node:path';
import type { DocumentStore, Logger, Ports, Vault } from '../../ports';
import { createAppLogger } from '../../services/logging/logger';
import { createFileVault, createMemoryVault } from '../../services/storage/file-vault';
import { jsonDocument } from '../../services/storage/json-document';
import { systemClock } from '../../services/system-clock';
import { electronUpdates } from '../managed';

/** Secrets encrypted with the OS keychain via safeStorage; in memory only where Linux offers just its plain-text backend. */
function createSafeStorageVault(file: string, logger: Logger): Vault {
  const persistent = safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  if (!persistent) return createMemoryVault();
  return createFileVault({
    file,
    logger,
    cipher: {
      seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
      open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    },
  });
}

export function createElectronPorts(): Ports {
  const userData = app.getPath('userData');
  const logs = app.getPath('logs');
  const logger = createAppLogger({ dir: logs });
  // Same files electron-store used (<userData>/<name>.json), written by the app's atomic writer:
  // electron-store either throws on a damaged file or silently empties it, and keeps no backup.
  const documentStore = (name: string): DocumentStore => jsonDocument(path.join(userData, `${name}.json`), logger);
  const updates = electronUpdates(logger);
  return {
    ...(updates ? { updates } : {}),
    host: { kind: 'electron', appName: app.getName(), appVersion: app.getVersion(), platform: process.platform },
    vault: createSafeStorageVault(path.join(userData, 'vault.json'), logger),
    settings: documentStore('settings'),
    accounts: documentStore('accounts'),
    agency: documentStore('agency'),
    // net.fetch honours the OS proxy settings and certificate store.
    fetch: (input, init) => net.fetch(input, init),
    clock: systemClock,
    paths: { userData, logs, crashDumps: app.getPath('crashDumps') },
    logger,
    // https only (and the sandbox's loopback sign-in page): policies.ts isAllowedOpenExternal.
    browser: { open: openExternal },
    portal: { open: async (accountId, url) => openPortalWindow(accountId, url), clear: clearPortalPartition },
    printer: {
      // The app's own window (not a portal window); print CSS shows only the open report.
      printToPdf: async () => {
        const contents = webContents.getAllWebContents().find((candidate) => candidate.getURL().startsWith(`${appOrigin}/`));
        if (!contents) throw new Error('The app window is not open.');
        return new Uint8Array(await contents.printToPDF({ printBackground: true, preferCSSPageSize: true }));
      },
    },
    dialogs: {
      saveAs: async (suggestedName) => {
        const result = await dialog.showSaveDialog({ defaultPath: path.join(app.getPath('downloads'), path.basename(suggestedName)) });
        return result.canceled ? undefined : result.filePath;
      },
    },
  };
}
