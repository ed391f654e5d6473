import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type Core, type CoreOptions } from '../../electron/core';
import type { PagePrinter, PortalWindows, Vault } from '../../electron/ports';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/sandbox';
import { isTrustedSender } from '../../electron/shell/policies';
import type { EventChannel } from '../../shared/ipc';
import { chromiumArgs, findChromium } from './chromium';
import { readLogTail } from '../../electron/services/logging/log-files';
import { loadPolicy, noPolicy } from '../../electron/services/policy/policy-file';
import { createMemoryVault, createNodePorts, type NodePortsOptions } from './node-ports';
import { encodeForPage } from './page-wire';
import { serveRenderer, type StaticServer } from './static-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(repoRoot, 'out', 'renderer');

export interface LaunchOptions {
  /** Keeps app data and the browser profile across restart(); a fresh temp dir when absent. */
  readonly profileDir?: string;
  readonly headless?: boolean;
  /** An app-style window (no tabs or address bar), as `npm start` uses. */
  readonly appWindow?: boolean;
  readonly heartbeatMs?: number;
  readonly viewport?: { width: number; height: number };
  readonly locale?: string;
  readonly echoLogs?: boolean;
  /**
   * The backend: a sandbox the harness starts and keeps across restarts (tests drive its
   * faults and clock), or 'embedded' to let the app start its own, as a fresh install does.
   */
  readonly sandbox?: SandboxOptions | 'embedded';
  readonly sync?: CoreOptions['sync'];
  /** Wraps main's network (e.g. to answer as a newer API version would). */
  readonly wrapFetch?: NodePortsOptions['wrapFetch'];
  /** A machine policy file (none by default: the harness never reads the real /etc one). */
  readonly policyFile?: string;
}

export interface HarnessApp {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly core: Core;
  readonly appOrigin: string;
  readonly profileDir: string;
  /** Every log line written so far (flushed first), oldest first. */
  readLog(): Promise<string>;
  /** The sandbox the harness started (undefined with 'embedded'). */
  readonly sandbox: SandboxHandle | undefined;
  /** Quits browser and core, then starts both again on the same profile and origin, like an app restart. */
  restart(): Promise<void>;
  /** A new page of the app in the same browser and core, as Electron reloads a crashed window (the old page is closed). */
  reopenPage(): Promise<void>;
  close(): Promise<void>;
  /** Resolves with the next event of that name the core publishes. */
  waitForEvent(event: EventChannel): Promise<unknown>;
  /** Every bridge answer and event that reached the page, serialized (for leak checks). */
  readonly traffic: readonly string[];
  /** Every portal.open main carried out: which account's portal window, on which page. */
  readonly portalOpens: ReadonlyArray<{ accountId: string; url: string }>;
  /** Every portal partition main cleared (sign-out); the harness has no partitions, so it only records. */
  readonly portalClears: readonly string[];
  /** The secrets main keeps (the OS keychain's stand-in): tests check what sign-out leaves. */
  readonly vault: Vault;
}

let bridgeInitSource: Promise<string> | undefined;

/** Bundles tests/harness/bridge-init.ts (which uses the shared createBridge) into one script. */
function loadBridgeInit(): Promise<string> {
  bridgeInitSource ??= build({
    entryPoints: [path.join(repoRoot, 'tests/harness/bridge-init.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeInitSource;
}

async function readVersion(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
  return { name: pkg.productName, version: pkg.version };
}

/** Chromium's own PDF printing of the app page (print media), as Electron's printToPDF prints its window. */
function cdpPagePrinter(current: () => { context: BrowserContext; page: Page }): PagePrinter {
  return {
    printToPdf: async () => {
      const { context, page } = current();
      const cdp = await context.newCDPSession(page);
      try {
        const { data } = (await cdp.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true })) as { data: string };
        return new Uint8Array(Buffer.from(data, 'base64'));
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
  };
}

/** The sandbox the harness started, as the core sees an already running one. */
function externalSandbox(sandbox: SandboxHandle): NonNullable<CoreOptions['sandbox']> {
  return {
    mode: 'external',
    baseUrl: sandbox.baseUrl,
    issuer: sandbox.issuer,
    clientId: sandbox.desktopClientId,
    customers: () => sandbox.admin.customers(),
  };
}

async function launchBrowser(executablePath: string, browserProfile: string, options: LaunchOptions): Promise<BrowserContext> {
  await fs.mkdir(path.join(browserProfile, 'Default'), { recursive: true });
  // A fresh profile shows a Translate bubble on non-English pages unless told not to.
  await fs.writeFile(path.join(browserProfile, 'Default', 'Preferences'), JSON.stringify({ translate: { enabled: false } }));
  return chromium.launchPersistentContext(browserProfile, {
    executablePath,
    headless: options.headless ?? true,
    args: [...chromiumArgs, ...(options.appWindow ? ['--app=about:blank'] : [])],
    viewport: options.appWindow ? null : (options.viewport ?? { width: 1400, height: 900 }),
    ...(options.locale ? { locale: options.locale } : {}),
  });
}

const serialize = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => (item instanceof Uint8Array ? `<${item.byteLength} bytes>` : item));

/**
 * The bridge in place of the preload: requests reach the core through a binding, events reach
 * trusted pages through the init script's emit function (guarded by a per-launch secret).
 * Returns the event unsubscription.
 */
async function connectBridge(
  context: BrowserContext,
  core: Core,
  bridge: {
    trusted: (sender: { url: string | undefined; isMainFrame: boolean }) => boolean;
    initScript: string;
    emitSecret: string;
    traffic: string[];
  },
): Promise<() => void> {
  const { trusted, initScript, emitSecret, traffic } = bridge;
  await context.exposeBinding('__appIpc', async (source, channel: unknown, request: unknown) => {
    const answer = await core.dispatch(channel, request, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    });
    traffic.push(`${String(channel)} → ${serialize(answer)}`);
    return encodeForPage(answer);
  });
  await context.addInitScript({ content: initScript });
  return core.events.subscribe((event, payload) => {
    traffic.push(`event ${event}: ${serialize(payload)}`);
    const text = encodeForPage(payload);
    for (const page of context.pages()) {
      if (!trusted({ url: page.url(), isMainFrame: true })) continue;
      page
        .evaluate(
          ([secret, name, json]) =>
            (window as unknown as { __appIpcEmit: (s: string, e: string, json: string) => void }).__appIpcEmit(secret, name, json),
          [emitSecret, event, text] as const,
        )
        .catch(() => undefined); // the page may be navigating or closing
    }
  });
}

/** Chromium's path, once it and the built renderer are known to be there. */
async function preflight(): Promise<string> {
  const found = findChromium();
  if (!found) throw new Error("No Chromium found: install Debian's chromium or set CHROMIUM_PATH.");
  await fs.access(path.join(rendererDir, 'index.html')).catch(() => {
    throw new Error('out/renderer is missing: run `npm run build` first.');
  });
  return found;
}

/**
 * The harness's portal windows: every open and clear is recorded for tests; in a window for a
 * person (npm start) the portal also opens as a page of the same browser.
 */
function recordedPortal(
  opens: Array<{ accountId: string; url: string }>,
  clears: string[],
  contextForPages: (() => BrowserContext | undefined) | undefined,
): PortalWindows {
  return {
    open: async (accountId, url) => {
      opens.push({ accountId, url });
      await contextForPages?.()
        ?.newPage()
        .then((page) => page.goto(url).catch(() => undefined));
    },
    clear: async (accountId) => {
      clears.push(accountId);
    },
  };
}

export async function launchHarness(options: LaunchOptions = {}): Promise<HarnessApp> {
  const executablePath = await preflight();
  const profileDir = options.profileDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'rsc-harness-')));
  const userData = path.join(profileDir, 'app');
  const browserProfile = path.join(profileDir, 'chromium');
  const server: StaticServer = await serveRenderer(rendererDir);
  const { name, version } = await readVersion();
  // The vault outlives restarts within this process, as the OS keychain outlives app restarts.
  const vault = createMemoryVault();
  const emitSecret = randomBytes(16).toString('hex');
  const initScript = (await loadBridgeInit()).replaceAll('__HARNESS_EMIT_SECRET__', JSON.stringify(emitSecret));
  const sandbox = options.sandbox === 'embedded' ? undefined : await startSandbox({ seed: 'e2e', cases: 600, ...options.sandbox });
  const trusted = (sender: { url: string | undefined; isMainFrame: boolean }): boolean => isTrustedSender(sender, server.origin);

  const traffic: string[] = [];
  const portalOpens: Array<{ accountId: string; url: string }> = [];
  const portalClears: string[] = [];
  let current: { core: Core; context: BrowserContext; page: Page; unsubscribe: () => void } | undefined;

  async function start(): Promise<void> {
    const policy = options.policyFile ? loadPolicy(options.policyFile) : noPolicy;
    const ports = createNodePorts({
      policy,
      userData,
      host: { kind: 'harness', appName: name, appVersion: version, platform: process.platform },
      vault,
      echoLogs: options.echoLogs ?? false,
      ...(options.wrapFetch ? { wrapFetch: options.wrapFetch } : {}),
      browser: {
        open: async (url) => {
          // The "system browser" is another page of the same browser, so tests can drive it.
          const page = await current?.context.newPage();
          await page?.goto(url);
        },
      },
      printer: cdpPagePrinter(() => live()),
      portal: recordedPortal(portalOpens, portalClears, options.appWindow ? () => current?.context : undefined),
    });
    const core = createCore(ports, {
      isTrustedSender: trusted,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      validateResponses: true,
      policy,
      ...(sandbox ? { sandbox: externalSandbox(sandbox) } : {}),
      ...(options.sync ? { sync: options.sync } : {}),
    });
    await core.start();

    const context = await launchBrowser(executablePath, browserProfile, options);
    const unsubscribe = await connectBridge(context, core, { trusted, initScript, emitSecret, traffic });
    // The first page (about:blank or the --app page) existed before the binding: navigate it now.
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.origin}/index.html`);
    current = { core, context, page, unsubscribe };
  }

  async function stop(): Promise<void> {
    if (!current) return;
    const { core, context, unsubscribe } = current;
    current = undefined;
    unsubscribe();
    const trace = (label: string) => process.env.HARNESS_TRACE && console.log(`harness: ${label}`, Date.now() % 100000);
    trace('context.close');
    await context.close().catch(() => undefined);
    trace('core.stop');
    await core.stop();
    trace('stopped');
  }

  await start();
  const live = (): NonNullable<typeof current> => {
    if (!current) throw new Error('The harness app is not running.');
    return current;
  };
  return {
    get page() {
      return live().page;
    },
    get context() {
      return live().context;
    },
    get core() {
      return live().core;
    },
    appOrigin: server.origin,
    profileDir,
    sandbox,
    traffic,
    portalOpens,
    portalClears,
    vault,
    async readLog() {
      await current?.core.flushLogs();
      return (await readLogTail(path.join(userData, 'logs'), Number.MAX_SAFE_INTEGER)).join('\n');
    },
    async restart() {
      await stop();
      await start();
    },
    async reopenPage() {
      const running = live();
      await running.page.close().catch(() => undefined);
      running.page = await running.context.newPage();
      await running.page.goto(`${server.origin}/index.html`);
    },
    async close() {
      await stop();
      await server.close();
      await sandbox?.close();
      if (!options.profileDir) await fs.rm(profileDir, { recursive: true, force: true });
    },
    waitForEvent(event) {
      return new Promise((resolve) => {
        const unsubscribe = live().core.events.subscribe((name, payload) => {
          if (name !== event) return;
          unsubscribe();
          resolve(payload);
        });
      });
    },
  };
}
