import path from 'node:path';
import { AppError, type BackendInfo, type BackendKind } from '../../../shared/ipc';
import { extensionEnabled, type SandboxCapabilities } from '../../../shared/api';
import { LEGACY_EXTENSIONS_FOR_CLIENT, startSandbox, type SandboxHandle } from '../../sandbox';
import type { HttpFetch, Logger } from '../../ports';
import { googleEndpoints, sandboxEndpoints, type BackendEndpoints } from '../api/endpoints';
import { loadCapabilities } from '../api/support-client';
import type { OidcClientConfig } from '../auth/auth-service';
import type { SettingsService } from '../settings/settings-service';

/** Where the sandbox backend comes from: started in-process on first use (the app's default), or one already running (tests). */
export type SandboxSource =
  | { readonly mode: 'embedded'; readonly dataDir: string }
  | { readonly mode: 'external'; readonly baseUrl: string; readonly issuer: string; readonly clientId: string };

export interface BackendRegistry {
  endpoints(kind: BackendKind): Promise<BackendEndpoints>;
  oidcClient(kind: BackendKind): Promise<OidcClientConfig>;
  capabilities(kind: BackendKind): Promise<SandboxCapabilities | undefined>;
  info(kind: BackendKind): Promise<BackendInfo>;
  stop(): Promise<void>;
}

/** Google documents a 30-day reopen window in the portal but no API; its attachment limit is not published either. */
const googleInfo: BackendInfo = {
  backend: 'google',
  reopenSupported: false,
  reopenWindowDays: 30,
  maxAttachmentBytes: 50 * 1024 * 1024,
  escalationRequiresPremium: true,
};

export function createBackendRegistry(deps: {
  sandbox: SandboxSource;
  settings: SettingsService;
  fetch: HttpFetch;
  logger: Logger;
}): BackendRegistry {
  let embedded: Promise<SandboxHandle> | undefined;
  const capabilities = new Map<BackendKind, Promise<SandboxCapabilities | undefined>>();

  async function sandboxTarget(): Promise<{ baseUrl: string; issuer: string; clientId: string }> {
    if (deps.sandbox.mode === 'external') return deps.sandbox;
    const { dataDir } = deps.sandbox;
    embedded ??= startSandbox({ dataDir: path.resolve(dataDir), seed: 'demo', extensions: LEGACY_EXTENSIONS_FOR_CLIENT }).then((handle) => {
      deps.logger.info('sandbox: embedded backend started', { baseUrl: handle.baseUrl });
      return handle;
    });
    const handle = await embedded;
    return { baseUrl: handle.baseUrl, issuer: handle.issuer, clientId: handle.desktopClientId };
  }

  const registry: BackendRegistry = {
    async endpoints(kind) {
      if (kind === 'google') return googleEndpoints;
      const target = await sandboxTarget();
      return sandboxEndpoints(target.baseUrl, target.issuer);
    },
    async oidcClient(kind) {
      if (kind === 'sandbox') {
        const target = await sandboxTarget();
        return { issuer: target.issuer, clientId: target.clientId };
      }
      const settings = await deps.settings.get();
      if (!settings.googleClientId)
        throw new AppError('failed_precondition', 'Set the Google OAuth client ID in Settings before signing in with Google.', false);
      return {
        issuer: googleEndpoints.issuer,
        clientId: settings.googleClientId,
        ...(settings.googleClientSecret ? { clientSecret: settings.googleClientSecret } : {}),
      };
    },
    capabilities(kind) {
      let loaded = capabilities.get(kind);
      if (!loaded) {
        loaded = registry
          .endpoints(kind)
          .then((endpoints) => loadCapabilities((url) => deps.fetch(url), endpoints))
          .catch(() => undefined);
        capabilities.set(kind, loaded);
      }
      return loaded;
    },
    async info(kind) {
      if (kind === 'google') return googleInfo;
      const caps = await registry.capabilities(kind);
      if (!caps) return { ...googleInfo, backend: 'sandbox' };
      return {
        backend: 'sandbox',
        reopenSupported: extensionEnabled(caps, 'reopen'),
        reopenWindowDays: caps.reopenWindowDays,
        maxAttachmentBytes: caps.maxAttachmentBytes,
        escalationRequiresPremium: googleInfo.escalationRequiresPremium,
      };
    },
    async stop() {
      const handle = await embedded?.catch(() => undefined);
      await handle?.close();
      embedded = undefined;
    },
  };
  return registry;
}
