import { app, crashReporter, session } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger, UpdateEngineFactory } from '../ports';
import type { LoadedPolicy } from '../services/policy/policy-file';
import { engineFromAppUpdater } from '../services/update/app-updater-engine';

/** Crash dumps stay in the user's crashDumps folder; they are uploaded only when the policy names a server. */
export function startCrashReporter(policy: LoadedPolicy): void {
  const url = policy.policy.crashReportUrl;
  crashReporter.start({ uploadToServer: url !== undefined, submitURL: url ?? '', compress: true, ignoreSystemCrashHandler: true });
}

/** net.fetch follows the system proxy; a policy proxy replaces it for the app's session. */
export async function applyProxyPolicy(policy: LoadedPolicy): Promise<void> {
  const proxy = policy.policy.proxy;
  if (!proxy) return;
  await session.defaultSession.setProxy({ proxyRules: proxy.url, proxyBypassRules: (proxy.noProxy ?? ['<local>']).join(',') });
}

/** electron-updater's platform updater (NSIS, AppImage, deb, dmg); unpacked builds do not update. */
export function electronUpdates(logger: Logger): UpdateEngineFactory | undefined {
  if (!app.isPackaged) return undefined;
  return (feed) => engineFromAppUpdater(electronUpdater.autoUpdater, feed, logger);
}
