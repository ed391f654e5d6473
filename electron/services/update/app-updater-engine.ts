// Type-only import: this file never loads electron-updater (which loads Electron); the host passes its updater in.
import type { AppUpdater } from 'electron-updater';
import type { Logger, UpdateEngine, UpdateFeed } from '../../ports';

/**
 * Our UpdateEngine over an electron-updater AppUpdater (Electron's autoUpdater, or the same class with a
 * Node HTTP client in tests). electron-updater does the generic feed, channel files, staged rollout
 * (`stagingPercentage` against a per-machine id), differential downloads (blockmaps, NSIS and AppImage)
 * and the sha512 check; nothing downloads or installs until services/update says so.
 */
export function engineFromAppUpdater(updater: AppUpdater, feed: UpdateFeed, logger: Logger): UpdateEngine {
  updater.logger = {
    info: (message) => logger.info(`updater: ${String(message)}`),
    warn: (message) => logger.warn(`updater: ${String(message)}`),
    error: (message) => logger.error(`updater: ${String(message)}`),
  };
  updater.autoDownload = false;
  // A downloaded update is installed when the agent quits: "applied on next start".
  updater.autoInstallOnAppQuit = true;
  updater.allowPrerelease = feed.channel === 'beta';
  const channel = feed.channel === 'beta' ? 'beta' : 'latest';
  if (feed.url) updater.setFeedURL({ provider: 'generic', url: feed.url, channel });
  updater.channel = channel;
  // Going back from beta to stable waits for stable to catch up rather than downgrading.
  updater.allowDowngrade = false;
  return {
    async check() {
      const result = await updater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : undefined;
    },
    async download(onProgress) {
      const listener = (progress: { percent: number }): void => onProgress(progress.percent);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    installNow() {
      updater.quitAndInstall(true, true);
    },
  };
}
