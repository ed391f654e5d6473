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
  /** `forgetPrevious`: the old version must not survive as a backup (it holds what was just removed, e.g. a signed-out account). */
  write(value: unknown, options?: { readonly forgetPrevious?: boolean }): Promise<void>;
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
  /** Folder of the rotated log files (`main.N.log`). */
  readonly logs: string;
  /** Where Electron's crashReporter keeps dumps (absent in the harness). */
  readonly crashDumps?: string;
}

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The app's own log (rotated files, levels); what the core needs beyond writing lines. */
export interface AppLog extends Logger {
  debug(message: string, fields?: LogFields): void;
  child(bindings: LogFields): Logger & { debug(message: string, fields?: LogFields): void };
  setLevel(level: LogLevel): void;
  /** Resolves once every line written so far is on disk (before the log is read back). */
  flush(): Promise<void>;
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
  /** Sign-out: closes the account's portal window and clears its partition (cookies, storage, cache). */
  clear(accountId: string): Promise<void>;
}

/** Prints the app window to PDF with print media (Electron: webContents.printToPDF; the harness: Chromium's PDF printing). */
export interface PagePrinter {
  printToPdf(): Promise<Uint8Array>;
}

/** One update source as the updater sees it: a generic feed (latest.yml / beta.yml) on one channel. */
export interface UpdateFeed {
  /** Undefined: the feed the installer was built with (app-update.yml). */
  readonly url?: string;
  readonly channel: 'stable' | 'beta';
}

/**
 * The host's updater (electron-updater in Electron; the same library with a Node HTTP client
 * in tests). It decides nothing: services/update says when to check, download and install.
 */
export interface UpdateEngine {
  /** The newer version this computer should get (channel and staged rollout honoured), if any. */
  check(): Promise<{ readonly version: string } | undefined>;
  /** Downloads the update found by check() and verifies its sha512; rejects when it does not match. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits, installs and starts the new version. */
  installNow(): void;
}

export type UpdateEngineFactory = (feed: UpdateFeed) => UpdateEngine;

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
  readonly logger: AppLog;
  readonly browser: ExternalBrowser;
  readonly dialogs: FileDialogs;
  readonly portal: PortalWindows;
  readonly printer: PagePrinter;
  /** Absent where the host cannot update itself (the harness without a test feed, unpacked builds). */
  readonly updates?: UpdateEngineFactory;
}
