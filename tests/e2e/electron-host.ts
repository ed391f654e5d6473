import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../electron/sandbox';
import { readLogTail } from '../../electron/services/logging/log-files';
import { appOrigin } from '../../electron/shell/policies';
import type { HarnessApp, LaunchOptions } from '../harness/launch';
import { electronLaunchOptions } from './electron-launch';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Main runs inside Electron: what the harness reads from its in-process core does not exist here. */
function notOnElectron(what: string): never {
  throw new Error(`${what} is available on the harness host only (main runs inside Electron).`);
}

/**
 * The built app in real Electron, behind the same interface as the harness: the test's
 * sandbox (kept across restarts), the app's profile and log, its windows as pages.
 */
export async function launchElectron(binary: string, options: LaunchOptions = {}): Promise<HarnessApp> {
  await fs.access(path.join(repoRoot, 'out', 'main', 'index.js')).catch(() => {
    throw new Error('out/main is missing: run `npm run build` first.');
  });
  const profileDir = options.profileDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'rsc-electron-')));
  const userData = path.join(profileDir, 'app');
  const sandbox = options.sandbox === 'embedded' ? undefined : await startSandbox({ seed: 'e2e', cases: 600, ...options.sandbox });
  let current: { app: ElectronApplication; page: Page } | undefined;

  async function start(): Promise<void> {
    const app = await _electron.launch(
      electronLaunchOptions({
        binary,
        appDir: repoRoot,
        userData,
        ...(sandbox ? { sandbox: { baseUrl: sandbox.baseUrl, issuer: sandbox.issuer, clientId: sandbox.desktopClientId } } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
        runningAsRoot: process.getuid?.() === 0,
        env: process.env,
      }),
    );
    current = { app, page: await app.firstWindow() };
  }
  async function stop(): Promise<void> {
    const app = current?.app;
    current = undefined;
    await app?.close();
  }
  const live = (): NonNullable<typeof current> => current ?? notOnElectron('A stopped app');

  await start();
  return {
    get page() {
      return live().page;
    },
    get context() {
      return live().app.context();
    },
    get core() {
      return notOnElectron('The core');
    },
    get traffic() {
      return notOnElectron('Bridge traffic');
    },
    get portalOpens() {
      return notOnElectron('The portal.open record');
    },
    get portalClears() {
      return notOnElectron('The portal partition record');
    },
    get vault() {
      return notOnElectron('The vault');
    },
    appOrigin,
    profileDir,
    sandbox,
    readLog: async () => (await readLogTail(path.join(userData, 'logs'), Number.MAX_SAFE_INTEGER)).join('\n'),
    async restart() {
      await stop();
      await start();
    },
    reopenPage: async () => notOnElectron('Reopening a crashed page'),
    async close() {
      await stop();
      await sandbox?.close();
      if (!options.profileDir) await fs.rm(profileDir, { recursive: true, force: true });
    },
    waitForEvent: () => notOnElectron('Core events'),
  };
}
