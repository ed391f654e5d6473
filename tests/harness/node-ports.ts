import path from 'node:path';
import type {
  Clock,
  ExternalBrowser,
  HostInfo,
  HttpFetch,
  PagePrinter,
  PortalWindows,
  Ports,
  UpdateEngineFactory,
  Vault,
} from '../../electron/ports';
import type { LoadedPolicy } from '../../electron/services/policy/policy-file';
import { createProxyFetch } from '../../electron/services/proxy/proxy-fetch';
import { createAppLogger } from '../../electron/services/logging/logger';
import { createMemoryVault } from '../../electron/services/storage/file-vault';
import { jsonDocument } from '../../electron/services/storage/json-document';
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
  /** Google's portal windows; by default the URL opens like any external link. */
  readonly portal?: PortalWindows;
  readonly vault?: Vault;
  readonly echoLogs?: boolean;
  /** Prints the app page (the harness passes Chromium's PDF printing of its page). */
  readonly printer?: PagePrinter;
  /** The machine policy (its proxy applies to every request). */
  readonly policy?: LoadedPolicy;
  readonly updates?: UpdateEngineFactory;
  /** Tests: another clock (e.g. one that records the timers the engine sets). */
  readonly clock?: Clock;
  /** Tests: wraps the network (e.g. to count requests, or to answer as a newer API version would). */
  readonly wrapFetch?: (inner: HttpFetch) => HttpFetch;
}

const noPrinter: PagePrinter = {
  printToPdf: () => Promise.reject(new Error('No app page to print here.')),
};

export function createNodePorts(options: NodePortsOptions): Ports {
  const logs = path.join(options.userData, 'logs');
  const logger = createAppLogger({ dir: logs, ...(options.echoLogs ? { echo: (line: string) => console.log(line) } : {}) });
  return {
    host: options.host,
    vault: options.vault ?? createMemoryVault(),
    settings: jsonDocument(path.join(options.userData, 'settings.json'), logger),
    accounts: jsonDocument(path.join(options.userData, 'accounts.json'), logger),
    agency: jsonDocument(path.join(options.userData, 'agency.json'), logger),
    fetch: (options.wrapFetch ?? ((inner: HttpFetch) => inner))(
      createProxyFetch(options.policy?.policy.proxy) ?? ((input, init) => fetch(input, init)),
    ),
    clock: options.clock ?? systemClock,
    paths: { userData: options.userData, logs },
    logger,
    browser: options.browser,
    // No dialog in the harness: "Save as…" goes to the profile's downloads folder.
    dialogs: { saveAs: async (suggestedName) => path.join(options.userData, 'downloads', path.basename(suggestedName)) },
    // The harness has no portal windows: unless told otherwise the URL opens like any external link.
    portal: options.portal ?? { open: async (_accountId, url) => options.browser.open(url), clear: async () => undefined },
    ...(options.updates ? { updates: options.updates } : {}),
    printer: options.printer ?? noPrinter,
  };
}
