import { app, dialog, net, safeStorage, webContents } from 'electron';
import { openExternal } from '../harden';
import { openPortalWindow } from '../portal-window';
import { appOrigin } from '../policies';
import ElectronStore from 'electron-store';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocumentStore, Ports, Vault } from '../../ports';
import { createAppLogger } from '../../services/logging/logger';
import { systemClock } from '../../services/system-clock';
import { electronUpdates } from '../managed';

/** Secrets encrypted with the OS keychain via safeStorage; in memory only where Linux offers just its plain-text backend. */
function createSafeStorageVault(file: string): Vault {
  const persistent = safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  const memory = new Map<string, string>();
  let loaded: Record<string, string> | undefined;

  async function load(): Promise<Record<string, string>> {
    if (loaded) return loaded;
    try {
      loaded = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>;
    } catch {
      loaded = {};
    }
    return loaded;
  }
  async function save(entries: Record<string, string>): Promise<void> {
    const temp = `${file}.tmp`;
    await fs.writeFile(temp, JSON.stringify(entries), { mode: 0o600 });
    await fs.rename(temp, file);
  }

  return {
    persistent,
    async get(key) {
      if (!persistent) return memory.get(key);
      const sealed = (await load())[key];
      return sealed === undefined ? undefined : safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
    async set(key, value) {
      if (!persistent) return void memory.set(key, value);
      const entries = await load();
      entries[key] = safeStorage.encryptString(value).toString('base64');
      await save(entries);
    },
    async delete(key) {
      memory.delete(key);
      if (!persistent) return;
      const entries = await load();
      delete entries[key];
      await save(entries);
    },
  };
}

export function createElectronPorts(): Ports {
  const userData = app.getPath('userData');
  const logs = app.getPath('logs');
  const logger = createAppLogger({ dir: logs });
  const documentStore = (name: string): DocumentStore => {
    const store = new ElectronStore<Record<string, unknown>>({ name });
    return {
      read: async () => store.store,
      write: async (value) => {
        store.store = value as Record<string, unknown>;
      },
    };
  };
  const updates = electronUpdates(logger);
  return {
    ...(updates ? { updates } : {}),
    host: { kind: 'electron', appName: app.getName(), appVersion: app.getVersion(), platform: process.platform },
    vault: createSafeStorageVault(path.join(userData, 'vault.json')),
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
    portal: { open: async (accountId, url) => openPortalWindow(accountId, url) },
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
