// What the services need from the host. Electron implements these in
// electron/shell/adapters; the harness and tests use tests/harness/node-ports.ts.

/** Secret storage (tokens). `persistent` is false where the OS offers no encryption: secrets then live in memory only. */
export interface Vault {
  readonly persistent: boolean;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A small JSON document (settings, the account list); its service validates what it reads. */
export interface DocumentStore {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/** fetch with the host's proxy and certificate handling (Electron: net.fetch). */
export type HttpFetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface Clock {
  now(): number;
  setTimer(ms: number, callback: () => void): () => void;
}

export interface AppPaths {
  /** Per-user data directory (outbox journals, staged uploads, sandbox data). */
  readonly userData: string;
  readonly logs: string;
}

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Opens a URL in the user's browser (sign-in pages, allowlisted links). */
export interface ExternalBrowser {
  open(url: string): Promise<void>;
}

/** Native file dialogs. */
export interface FileDialogs {
  /** Where to save a file; undefined when the agent cancels. */
  saveAs(suggestedName: string): Promise<string | undefined>;
}

/** Google's own support portal, one window (and one cookie jar) per reseller domain. */
export interface PortalWindows {
  open(accountId: string, url: string): Promise<void>;
}

/** Prints the app window to PDF with print media (Electron: webContents.printToPDF; the harness: Chromium's PDF printing). */
export interface PagePrinter {
  printToPdf(): Promise<Uint8Array>;
}

export interface HostInfo {
  readonly kind: 'electron' | 'harness';
  readonly appName: string;
  readonly appVersion: string;
  readonly platform: string;
}

export interface Ports {
  readonly host: HostInfo;
  readonly vault: Vault;
  readonly settings: DocumentStore;
  readonly accounts: DocumentStore;
  /** The agency's own data: SLA plans, per-customer plan and Google support offering. */
  readonly agency: DocumentStore;
  readonly fetch: HttpFetch;
  readonly clock: Clock;
  readonly paths: AppPaths;
  readonly logger: Logger;
  readonly browser: ExternalBrowser;
  readonly dialogs: FileDialogs;
  readonly portal: PortalWindows;
  readonly printer: PagePrinter;
}
