import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { launchHarness, type HarnessApp, type LaunchOptions } from '../harness/launch';

/** What a spec sees of the app, whichever host runs it. */
export interface AppDriver {
  readonly page: Page;
  readonly host: 'harness' | 'electron';
  restart(): Promise<void>;
  /** The underlying harness app, for checks that need main-side access (logs, the core). */
  readonly harness: HarnessApp;
}

/** Why Electron specs cannot run here, or undefined when they can. */
export function electronUnavailableReason(): string | undefined {
  const binary = process.env.ELECTRON_PATH;
  if (!binary) return 'Electron binary not available on this machine (set ELECTRON_PATH to run the Electron host)';
  if (!existsSync(binary)) return `ELECTRON_PATH points to a missing file: ${binary}`;
  // The Electron launcher is not wired yet: say so instead of pretending.
  return 'Electron host launcher not implemented yet (tests/e2e/fixtures.ts)';
}

export const test = base.extend<{ appOptions: LaunchOptions; app: AppDriver }>({
  appOptions: [{}, { option: true }],
  app: async ({ appOptions }, use, testInfo) => {
    const host = testInfo.project.metadata.host as 'harness' | 'electron';
    if (host === 'electron') {
      const reason = electronUnavailableReason();
      if (reason) {
        testInfo.skip(true, reason);
        return;
      }
    }
    const harness = await launchHarness({ ...appOptions, heartbeatMs: 0 });
    try {
      await use({
        get page() {
          return harness.page;
        },
        host: 'harness',
        restart: () => harness.restart(),
        harness,
      });
    } finally {
      await harness.close();
    }
  },
});

export { expect };
