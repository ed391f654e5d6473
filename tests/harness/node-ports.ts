import { promises as fs } from 'node:fs';
import path from 'node:path';
import type {
  DocumentStore,
  ExternalBrowser,
  HostInfo,
  PagePrinter,
  PortalWindows,
  Ports,
  UpdateEngineFactory,
  Vault,
} from '../../electron/ports';
import type { LoadedPolicy } from '../../electron/services/policy/policy-file';
import { createProxyFetch } from '../../electron/services/proxy/proxy-fetch';
import { createAppLogger } from '../../electron/services/logging/logger';
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

/** A plain JSON file written atomically (electron-store needs Electron and Node 22). */
export function jsonDocument(file: string): DocumentStore {
  return {
    async read() {
      try {
        return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
      } catch {
        return {};
      }
    },
    async write(value) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(`${file}.tmp`, JSON.stringify(value, null, 2));
      await fs.rename(`${file}.tmp`, file);
    },
  };
}

export interface NodePortsOptions {
  readonly userData: string;
  readonly host: HostInfo;
  readonly browser: ExternalBrowser;
  /** Google's portal windows; by default the URL opens like any external link. */
  readonly portal?: PortalWindows;
  readonly vault?: Vault;
  readonly echoLogs?: boolean;
  /** Prints the app page (the harness passes Chromium's PDF printing of its page). */
  readonly printer?: PagePrinter;
  /** The machine policy (its proxy applies to every request). */
  readonly policy?: LoadedPolicy;
  readonly updates?: UpdateEngineFactory;
}

const noPrinter: PagePrinter = {
  printToPdf: () => Promise.reject(new Error('No app page to print here.')),
};

export function createNodePorts(options: NodePortsOptions): Ports {
  const logs = path.join(options.userData, 'logs');
  return {
    host: options.host,
    vault: options.vault ?? createMemoryVault(),
    settings: jsonDocument(path.join(options.userData, 'settings.json')),
    accounts: jsonDocument(path.join(options.userData, 'accounts.json')),
    agency: jsonDocument(path.join(options.userData, 'agency.json')),
    fetch: createProxyFetch(options.policy?.policy.proxy) ?? ((input, init) => fetch(input, init)),
    clock: systemClock,
    paths: { userData: options.userData, logs },
    logger: createAppLogger({ dir: logs, ...(options.echoLogs ? { echo: (line: string) => console.log(line) } : {}) }),
    browser: options.browser,
    // No dialog in the harness: "Save as…" goes to the profile's downloads folder.
    dialogs: { saveAs: async (suggestedName) => path.join(options.userData, 'downloads', path.basename(suggestedName)) },
    // The harness has no portal windows: unless told otherwise the URL opens like any external link.
    portal: options.portal ?? { open: async (_accountId, url) => options.browser.open(url) },
    ...(options.updates ? { updates: options.updates } : {}),
    printer: options.printer ?? noPrinter,
  };
}
