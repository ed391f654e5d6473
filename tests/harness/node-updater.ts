import { mkdirSync, writeFileSync } from 'node:fs';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import type { RequestOptions } from 'node:https';
import { BaseUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { DownloadExecutorResult, DownloadUpdateOptions } from 'electron-updater/out/AppUpdater';
import type { InstallOptions } from 'electron-updater/out/BaseUpdater';
import { findFile } from 'electron-updater/out/providers/Provider';

// electron-updater without Electron: the library's own update check, rollout, download and
// sha512 verification, over Node's HTTP client, with an app adapter for a plain process.
// The install step records the call instead of running an installer.

class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined, redirect: 'manual' } as RequestOptions;
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error: Error | null) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }

  createRequest(options: RequestOptions & { protocol?: string }, callback: (response: IncomingMessage) => void): ClientRequest {
    return (options.protocol === 'https:' ? https : http).request(options, callback);
  }
}

class NodeUpdater extends BaseUpdater {
  readonly installs: InstallOptions[] = [];

  constructor(app: AppAdapter) {
    super(null, app);
    (this as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  }

  protected doDownloadUpdate(downloadUpdateOptions: DownloadUpdateOptions): Promise<DownloadExecutorResult> {
    const provider = downloadUpdateOptions.updateInfoAndProvider.provider;
    const fileInfo = findFile(provider.resolveFiles(downloadUpdateOptions.updateInfoAndProvider.info), 'zip');
    if (!fileInfo) throw new Error('The feed lists no file for this platform.');
    return this.executeDownload({
      fileExtension: 'zip',
      fileInfo,
      downloadUpdateOptions,
      task: async (updateFile, downloadOptions) => {
        await (this as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor.download(fileInfo.url, updateFile, downloadOptions);
      },
    });
  }

  // BaseUpdater's version emits on Electron's autoUpdater; a plain process just quits.
  override quitAndInstall(isSilent = false, isForceRunAfter = false): void {
    if (this.install(isSilent, isForceRunAfter)) setImmediate(() => this.app.quit());
  }

  protected doInstall(options: InstallOptions): boolean {
    this.installs.push(options);
    return true;
  }
}

export interface NodeUpdaterOptions {
  readonly version: string;
  /** Holds app-update.yml and the updater's cache and per-machine rollout id. */
  readonly dir: string;
  readonly onInstall?: () => void;
}

/** An electron-updater AppUpdater for a plain Node process (the harness and tests). */
export function createNodeUpdater(options: NodeUpdaterOptions): AppUpdater & { readonly installs: InstallOptions[] } {
  mkdirSync(options.dir, { recursive: true });
  const configPath = path.join(options.dir, 'app-update.yml');
  // electron-updater reads its cache folder name from the installer's app-update.yml.
  writeFileSync(configPath, 'provider: generic\nurl: http://127.0.0.1/\nupdaterCacheDirName: rsc-updater\n');
  const app: AppAdapter = {
    version: options.version,
    name: 'Reseller Support Console',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: options.dir,
    baseCachePath: path.join(options.dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => options.onInstall?.(),
    onQuit: () => undefined,
  };
  return new NodeUpdater(app);
}
