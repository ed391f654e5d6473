import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchHarness, type HarnessApp, type LaunchOptions } from '../harness/launch';
import { launchElectron } from './electron-host';
import { findElectronBinary } from './electron-launch';

/** What a spec sees of the app, whichever host runs it. */
export interface AppDriver {
  readonly page: Page;
  readonly host: 'harness' | 'electron';
  restart(): Promise<void>;
  /**
   * The app's host side: sandbox, browser context, profile and log on both hosts; the
   * in-process core, bridge traffic and the portal.open record on the harness only
   * (on Electron they throw and say so).
   */
  readonly harness: HarnessApp;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const test = base.extend<{ appOptions: LaunchOptions; host: AppDriver['host']; app: AppDriver }>({
  appOptions: [{}, { option: true }],
  /** Which host the project runs, known before the app starts (for `test.skip(({ host }) => …)`). */
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this destructuring.
  host: async ({}, use, testInfo) => use(testInfo.project.metadata.host as AppDriver['host']),
  app: async ({ appOptions, host }, use, testInfo) => {
    let harness: HarnessApp;
    if (host === 'electron') {
      const found = findElectronBinary(process.env, repoRoot);
      if ('reason' in found) {
        testInfo.skip(true, found.reason);
        return;
      }
      harness = await launchElectron(found.binary, appOptions);
    } else {
      harness = await launchHarness({ ...appOptions, heartbeatMs: 0 });
    }
    try {
      await use({
        get page() {
          return harness.page;
        },
        host,
        restart: () => harness.restart(),
        harness,
      });
    } finally {
      await harness.close();
    }
  },
});

export { expect };
