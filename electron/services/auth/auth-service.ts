import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { AppError, type Account, type AccountsState, type BackendKind } from '../../../shared/ipc';
import type { Clock, ExternalBrowser, HttpFetch, Logger, Vault } from '../../ports';
import type { TokenSource } from '../api/http';
import { createAccountsStore, nextColor, type AccountsStore } from './accounts-store';
import { authorizeInBrowser, discoverIssuer, type AuthorizationGrant, type OidcClientConfig } from './oidc-flow';
import type { DocumentStore } from '../../ports';

export type { OidcClientConfig } from './oidc-flow';

export interface AuthDeps {
  readonly vault: Vault;
  readonly accountsDocument: DocumentStore;
  readonly fetch: HttpFetch;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly browser: ExternalBrowser;
  /** Issuer and OAuth client of a backend, resolved when needed (the sandbox may start lazily). */
  readonly clientFor: (backend: BackendKind) => Promise<OidcClientConfig>;
  readonly onAccountsChanged: (state: AccountsState) => void;
  readonly signInTimeoutMs?: number;
  /** The machine policy's say on backends and domains (services/policy). */
  readonly policy?: {
    checkSignIn(backend: BackendKind, domain: string | undefined): void;
    checkSignedInDomain(hostedDomain: string | undefined): void;
  };
}

export interface SignInOptions {
  readonly backend: BackendKind;
  /** Expected reseller domain (Google's `hd`); checked against the ID token. */
  readonly domain?: string;
  readonly loginHint?: string;
}

export interface AuthService {
  state(): Promise<AccountsState>;
  signIn(options: SignInOptions): Promise<Account>;
  cancelSignIn(): void;
  /** Revokes the grant and forgets the tokens and the account. Local data is wiped by the caller. */
  signOut(accountId: string): Promise<void>;
  tokensFor(accountId: string): TokenSource;
  account(accountId: string): Promise<Account>;
}

const refreshKey = (accountId: string): string => `refresh:${accountId}`;
/** Refresh this long before expiry so a request never leaves with a token about to lapse. */
const refreshAheadMs = 60_000;

/**
 * The ID token's `hd` must be the reseller domain the agent asked for: Google treats the `hd`
 * request parameter as a hint only, so a personal account (no `hd`) or another domain's account
 * can come back and must be refused.
 */
export function checkHostedDomain(expected: string | undefined, hostedDomain: string | undefined): void {
  if (expected === undefined) return;
  if (hostedDomain === undefined)
    throw new AppError('forbidden', `That is a personal Google account. Sign in with an account of ${expected}.`, false);
  if (hostedDomain.toLowerCase() !== expected.toLowerCase())
    throw new AppError('forbidden', `That account belongs to ${hostedDomain}, not ${expected}.`, false);
}

function accountIdFor(issuer: string, subject: string): string {
  return `acc_${createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 16)}`;
}

export function createAuthService(deps: AuthDeps): AuthService {
  const store: AccountsStore = createAccountsStore(deps.accountsDocument, deps.logger);
  const configs = new Map<BackendKind, Promise<oidc.Configuration>>();
  const tokens = createTokenKeeper({ deps, configFor, account, setStatus });
  let pendingSignIn: AbortController | undefined;

  function configFor(backend: BackendKind): Promise<oidc.Configuration> {
    let config = configs.get(backend);
    if (!config) {
      config = deps.clientFor(backend).then((client) => discoverIssuer(client, deps.fetch));
      config.catch(() => configs.delete(backend));
      configs.set(backend, config);
    }
    return config;
  }

  async function publish(): Promise<void> {
    deps.onAccountsChanged(await state());
  }

  async function state(): Promise<AccountsState> {
    return { accounts: [...(await store.list())], secretsPersisted: deps.vault.persistent };
  }

  async function account(accountId: string): Promise<Account> {
    const found = (await store.list()).find((candidate) => candidate.id === accountId);
    if (!found) throw new AppError('not_found', 'No such account.');
    return found;
  }

  async function setStatus(accountId: string, status: Account['status']): Promise<void> {
    const accounts = await store.list();
    if (!accounts.some((candidate) => candidate.id === accountId && candidate.status !== status)) return;
    await store.save(accounts.map((candidate) => (candidate.id === accountId ? { ...candidate, status } : candidate)));
    await publish();
  }

  /** Stores the refresh token in the vault and the account in the list (a repeated sign-in keeps its colour and date). */
  async function saveSignedIn(grant: AuthorizationGrant, backend: BackendKind): Promise<Account> {
    const { claims, email, hostedDomain } = grant;
    const refreshToken = grant.tokens.refresh_token;
    if (!refreshToken) throw new AppError('unauthorized', 'No offline access was granted; please allow it to keep working offline.', false);
    const id = accountIdFor(String(claims.iss), claims.sub);
    const accounts = await store.list();
    const existing = accounts.find((candidate) => candidate.id === id);
    const signedIn: Account = {
      id,
      email,
      ...(typeof claims.name === 'string' ? { displayName: claims.name } : {}),
      domain: hostedDomain ?? email.split('@')[1] ?? email,
      backend,
      color: existing?.color ?? nextColor(accounts),
      status: 'active',
      addedAt: existing?.addedAt ?? new Date(deps.clock.now()).toISOString(),
    };
    await deps.vault.set(refreshKey(id), refreshToken);
    tokens.keep(id, grant.tokens);
    await store.save(existing ? accounts.map((candidate) => (candidate.id === id ? signedIn : candidate)) : [...accounts, signedIn]);
    deps.logger.info('auth: signed in', { accountId: id, domain: signedIn.domain, backend });
    await publish();
    return signedIn;
  }

  return {
    state,
    account,
    async signIn({ backend, domain: requested, loginHint }) {
      const domain = requested?.trim().toLowerCase() || undefined;
      if (backend === 'google' && !domain)
        throw new AppError('invalid_request', 'Say which reseller domain to sign in to with Google.', false);
      deps.policy?.checkSignIn(backend, domain);
      pendingSignIn?.abort();
      const abort = new AbortController();
      pendingSignIn = abort;
      try {
        const config = await configFor(backend);
        const grant = await authorizeInBrowser(config, {
          domain,
          loginHint,
          timeoutMs: deps.signInTimeoutMs ?? 5 * 60_000,
          signal: abort.signal,
          browser: deps.browser,
          logger: deps.logger,
        });
        await checkGrantedDomain(deps, config, grant, backend, domain);
        return await saveSignedIn(grant, backend);
      } finally {
        if (pendingSignIn === abort) pendingSignIn = undefined;
      }
    },
    cancelSignIn() {
      pendingSignIn?.abort();
    },
    async signOut(accountId) {
      const current = await account(accountId);
      const refreshToken = await deps.vault.get(refreshKey(accountId));
      if (refreshToken) {
        // Revocation is best effort: offline sign-out must still forget everything locally.
        await configFor(current.backend)
          .then((config) => oidc.tokenRevocation(config, refreshToken))
          .catch((error: unknown) =>
            deps.logger.warn('auth: revocation failed', { accountId, error: error instanceof Error ? error.message : String(error) }),
          );
      }
      await deps.vault.delete(refreshKey(accountId));
      tokens.forget(accountId);
      await store.save((await store.list()).filter((candidate) => candidate.id !== accountId));
      deps.logger.info('auth: signed out', { accountId });
      await publish();
    },
    tokensFor: (accountId) => tokens.sourceFor(accountId),
  };
}

/** The account must be of the domain asked for and one the policy allows; if not, nothing is left behind. */
async function checkGrantedDomain(
  deps: AuthDeps,
  config: oidc.Configuration,
  { tokens, email, hostedDomain }: AuthorizationGrant,
  backend: BackendKind,
  domain: string | undefined,
): Promise<void> {
  try {
    checkHostedDomain(domain, hostedDomain);
    deps.policy?.checkSignedInDomain(hostedDomain ?? email.split('@')[1]);
  } catch (error) {
    // The grant Google just issued is revoked, nothing is stored.
    const grant = tokens.refresh_token ?? tokens.access_token;
    await oidc.tokenRevocation(config, grant).catch(() => undefined);
    deps.logger.warn('auth: sign-in refused for its domain', { backend, expected: domain, hostedDomain });
    throw error;
  }
}

/**
 * Access tokens per account, kept in memory only: refreshed ahead of expiry, one refresh at a
 * time per account; a refused refresh token marks only that account for a new sign-in.
 */
function createTokenKeeper(ctx: {
  deps: AuthDeps;
  configFor: (backend: BackendKind) => Promise<oidc.Configuration>;
  account: (accountId: string) => Promise<Account>;
  setStatus: (accountId: string, status: Account['status']) => Promise<void>;
}) {
  const { deps, configFor, account, setStatus } = ctx;
  const accessTokens = new Map<string, { token: string; expiresAt: number }>();
  const refreshing = new Map<string, Promise<string>>();
  const keep = (accountId: string, tokens: { access_token: string; expires_in?: number }): void => {
    accessTokens.set(accountId, { token: tokens.access_token, expiresAt: deps.clock.now() + (tokens.expires_in ?? 3600) * 1000 });
  };

  async function refresh(accountId: string): Promise<string> {
    const current = await account(accountId);
    const refreshToken = await deps.vault.get(refreshKey(accountId));
    if (!refreshToken) {
      await setStatus(accountId, 'reauth_required');
      throw new AppError('unauthorized', `Sign in again to ${current.domain}.`);
    }
    try {
      const tokens = await oidc.refreshTokenGrant(await configFor(current.backend), refreshToken);
      keep(accountId, tokens);
      if (tokens.refresh_token && tokens.refresh_token !== refreshToken) await deps.vault.set(refreshKey(accountId), tokens.refresh_token);
      await setStatus(accountId, 'active');
      return tokens.access_token;
    } catch (error) {
      if (error instanceof oidc.ResponseBodyError && (error.error === 'invalid_grant' || error.error === 'invalid_rapt')) {
        // Revoked, expired or re-authentication required: only this account stops; its queue is kept.
        accessTokens.delete(accountId);
        await setStatus(accountId, 'reauth_required');
        throw new AppError('unauthorized', `Sign in again to ${current.domain}.`, false);
      }
      throw new AppError('offline', `Could not refresh the session for ${current.domain}.`, true);
    }
  }

  function refreshOnce(accountId: string): Promise<string> {
    let running = refreshing.get(accountId);
    if (!running) {
      running = refresh(accountId).finally(() => refreshing.delete(accountId));
      refreshing.set(accountId, running);
    }
    return running;
  }

  return {
    keep,
    forget(accountId: string): void {
      accessTokens.delete(accountId);
    },
    sourceFor(accountId: string): TokenSource {
      return {
        async accessToken() {
          const cached = accessTokens.get(accountId);
          if (cached && cached.expiresAt - refreshAheadMs > deps.clock.now()) return cached.token;
          return refreshOnce(accountId);
        },
        refreshAfterUnauthorized() {
          accessTokens.delete(accountId);
          return refreshOnce(accountId);
        },
      };
    },
  };
}
