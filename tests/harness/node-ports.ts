import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExternalBrowser, HostInfo, Ports, Vault } from '../../electron/ports';
import { createFileLogger } from '../../electron/services/logging/file-logger';
import { systemClock } from '../../electron/services/system-clock';

/**
 * Node implementations of the ports, for the harness and tests. The vault keeps
 * secrets in memory only (like Electron on Linux without a keyring): a harness
 * restart keeps refresh tokens only if the same process keeps the vault.
 */
export function createMemoryVault(): Vault {
  const secrets = new Map<string, string>();
  return {
    persistent: false,
    get: async (key) => secrets.get(key),
    set: async (key, value) => void secrets.set(key, value),
    delete: async (key) => void secrets.delete(key),
  };
}

export interface NodePortsOptions {
  readonly userData: string;
  readonly host: HostInfo;
  readonly browser: ExternalBrowser;
  readonly vault?: Vault;
  readonly echoLogs?: boolean;
}

export function createNodePorts(options: NodePortsOptions): Ports {
  const settingsFile = path.join(options.userData, 'settings.json');
  const logs = path.join(options.userData, 'logs');
  return {
    host: options.host,
    vault: options.vault ?? createMemoryVault(),
    // A plain JSON file: electron-store needs Electron (and Node 22).
    settings: {
      async read() {
        try {
          return JSON.parse(await fs.readFile(settingsFile, 'utf8')) as unknown;
        } catch {
          return {};
        }
      },
      async write(value) {
        await fs.mkdir(options.userData, { recursive: true });
        await fs.writeFile(`${settingsFile}.tmp`, JSON.stringify(value, null, 2));
        await fs.rename(`${settingsFile}.tmp`, settingsFile);
      },
    },
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    paths: { userData: options.userData, logs },
    logger: createFileLogger(path.join(logs, 'main.log'), options.echoLogs ? (line) => console.log(line) : undefined),
    browser: options.browser,
  };
}
