import path from 'node:path';
import type { ExternalBrowser, HostInfo, Logger, Ports, Vault } from '../../electron/ports';
import { createMemoryVault } from '../../electron/services/storage/file-vault';
import { jsonDocument } from '../../electron/services/storage/json-document';
import { createFileLogger } from '../../electron/services/logging/file-logger';
import { systemClock } from '../../electron/services/system-clock';

/**
 * Node implementations of the ports, for the harness and tests. The vault keeps
 * secrets in memory only (like Electron on Linux without a keyring): a harness
 * restart keeps refresh tokens only if the same process keeps the vault.
 * Settings and accounts use the same durable JSON documents as the Electron app.
 */
export { createMemoryVault };

export interface NodePortsOptions {
  readonly userData: string;
  readonly host: HostInfo;
  readonly browser: ExternalBrowser;
  readonly vault?: Vault;
  readonly echoLogs?: boolean;
}

export function createNodePorts(options: NodePortsOptions): Ports {
  const logs = path.join(options.userData, 'logs');
  const logger: Logger = createFileLogger(path.join(logs, 'main.log'), options.echoLogs ? (line) => console.log(line) : undefined);
  return {
    host: options.host,
    vault: options.vault ?? createMemoryVault(),
    settings: jsonDocument(path.join(options.userData, 'settings.json'), logger),
    accounts: jsonDocument(path.join(options.userData, 'accounts.json'), logger),
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    paths: { userData: options.userData, logs },
    logger,
    browser: options.browser,
    // No dialog in the harness: "Save as…" goes to the profile's downloads folder.
    dialogs: { saveAs: async (suggestedName) => path.join(options.userData, 'downloads', path.basename(suggestedName)) },
    // The harness has no portal windows: the URL opens like any external link.
    portal: { open: async (_accountId, url) => options.browser.open(url) },
  };
}
