import path from 'node:path';
import { AppError, type BackendInfo, type BackendKind } from '../../../shared/ipc';
import { z } from 'zod';
import { extensionEnabled, type SandboxCapabilities } from '../../../shared/api';
import type { DemoCustomer } from '../agency/agency-service';
import type { HttpFetch, Logger } from '../../ports';
import { googleEndpoints, sandboxEndpoints, type BackendEndpoints } from '../api/endpoints';
import { loadCapabilities } from '../api/support-client';
import type { OidcClientConfig } from '../auth/auth-service';
import type { SettingsService } from '../settings/settings-service';

/** Where the sandbox backend comes from: started in-process on first use (the app's default), or one already running (tests). */
export type SandboxSource =
  | { readonly mode: 'embedded'; readonly dataDir: string }
  | {
      readonly mode: 'external';
      readonly baseUrl: string;
      readonly issuer: string;
      readonly clientId: string;
      /**
       * Where the demo preset reads which customers have Premium support: the sandbox's own
       * records when it runs in this process (harness, tests), else its admin endpoint (the
       * `adminEndpoint` extension of a sandbox started apart).
       */
      readonly customers?: () => readonly SandboxCustomer[];
      readonly admin?: { readonly url: string; readonly token: string };
    };

const sandboxCustomerSchema = z.object({
  customerId: z.string(),
  customerDomain: z.string(),
  resellerDomain: z.string(),
  premium: z.boolean(),
  transferred: z.boolean(),
});
const demoCustomersSchema = z.object({ customers: z.array(sandboxCustomerSchema) });

/** What the registry reads of the sandbox's own record of a customer. */
export type SandboxCustomer = z.infer<typeof sandboxCustomerSchema>;

/** The embedded sandbox as the registry uses it. */
export interface EmbeddedSandbox {
  readonly baseUrl: string;
  readonly issuer: string;
  readonly desktopClientId: string;
  readonly admin: { customers(): readonly SandboxCustomer[] };
  close(): Promise<void>;
}

/**
 * Starts the embedded sandbox. core.ts injects `startSandbox`, so services never import
 * electron/sandbox (a lint rule says so): the sandbox stands in for Google, it is not part of the client.
 */
export type StartEmbeddedSandbox = (options: { readonly dataDir: string; readonly seed: string }) => Promise<EmbeddedSandbox>;

export interface BackendRegistry {
  endpoints(kind: BackendKind): Promise<BackendEndpoints>;
  oidcClient(kind: BackendKind): Promise<OidcClientConfig>;
  capabilities(kind: BackendKind): Promise<SandboxCapabilities | undefined>;
  info(kind: BackendKind): Promise<BackendInfo>;
  /**
   * The sandbox's own record of a domain's customers, for the demo preset of the agency data
   * (which customer bought Premium support is agency knowledge, not on Google's wire).
   * Empty for Google, and for a sandbox whose admin endpoint is unknown.
   */
  demoCustomers(kind: BackendKind, domain: string): Promise<DemoCustomer[]>;
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
  /** Used only in the `embedded` mode. */
  startEmbedded: StartEmbeddedSandbox;
  settings: SettingsService;
  fetch: HttpFetch;
  logger: Logger;
}): BackendRegistry {
  let embedded: Promise<EmbeddedSandbox> | undefined;
  const capabilities = new Map<BackendKind, Promise<SandboxCapabilities | undefined>>();

  async function sandboxTarget(): Promise<{ baseUrl: string; issuer: string; clientId: string }> {
    if (deps.sandbox.mode === 'external') return deps.sandbox;
    const { dataDir } = deps.sandbox;
    // Google's behaviour only: every extension off, so the demo works the way Google does (no reopen).
    embedded ??= deps.startEmbedded({ dataDir: path.resolve(dataDir), seed: 'demo' }).then(
      (handle) => {
        deps.logger.info('sandbox: embedded backend started', { baseUrl: handle.baseUrl });
        return handle;
      },
      (error: unknown) => {
        // Not cached: the next call (the agent's retry) starts it again.
        embedded = undefined;
        deps.logger.error('sandbox: the embedded backend could not start', { error: String(error) });
        throw error;
      },
    );
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
          .catch(() => {
            capabilities.delete(kind); // unknown for now, asked again next time
            return undefined;
          });
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
    async demoCustomers(kind, domain) {
      if (kind !== 'sandbox') return [];
      let all: readonly SandboxCustomer[] = [];
      if (deps.sandbox.mode === 'embedded') {
        await sandboxTarget();
        all = (await embedded)?.admin.customers() ?? [];
      } else if (deps.sandbox.customers) {
        all = deps.sandbox.customers();
      } else if (deps.sandbox.admin) {
        const response = await deps.fetch(`${deps.sandbox.admin.url}/customers`, {
          headers: { authorization: `Bearer ${deps.sandbox.admin.token}` },
        });
        if (!response.ok) throw new Error(`sandbox admin answered ${response.status}`);
        all = demoCustomersSchema.parse(await response.json()).customers;
      }
      return all
        .filter((c) => c.resellerDomain === domain && !c.transferred)
        .map((c) => ({ customerId: c.customerId, customerDomain: c.customerDomain, premium: c.premium }));
    },
    async stop() {
      const handle = await embedded?.catch(() => undefined);
      await handle?.close();
      embedded = undefined;
    },
  };
  return registry;
}
