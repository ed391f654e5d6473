import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { OAUTH_SCOPES } from '../../../shared/api';
import { AppError, type Account, type AccountsState, type BackendKind } from '../../../shared/ipc';
import type { Clock, ExternalBrowser, HttpFetch, Logger, Vault } from '../../ports';
import type { TokenSource } from '../api/http';
import { createAccountsStore, nextColor, type AccountsStore } from './accounts-store';
import { listenForRedirect } from './loopback';
import type { DocumentStore } from '../../ports';

export interface OidcClientConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
}

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

/** Sign-in scopes: identity, Cloud Support, and the Reseller API's read path (same for Google and the sandbox). */
const oauthScopes = ['openid', 'email', 'profile', OAUTH_SCOPES.cloudPlatform, OAUTH_SCOPES.resellerReadonly].join(' ');

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
  const accessTokens = new Map<string, { token: string; expiresAt: number }>();
  const refreshing = new Map<string, Promise<string>>();
  let pendingSignIn: AbortController | undefined;

  function configFor(backend: BackendKind): Promise<oidc.Configuration> {
    let config = configs.get(backend);
    if (!config) {
      config = deps.clientFor(backend).then(async ({ issuer, clientId, clientSecret }) => {
        const url = new URL(issuer);
        const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
        const discovered = await oidc.discovery(
          url,
          clientId,
          clientSecret ? { client_secret: clientSecret } : undefined,
          clientSecret ? oidc.ClientSecretPost(clientSecret) : oidc.None(),
          // Plain http is allowed for the embedded loopback sandbox only.
          loopback ? { execute: [oidc.allowInsecureRequests] } : undefined,
        );
        discovered[oidc.customFetch] = (input, init) => deps.fetch(input, init as RequestInit);
        return discovered;
      });
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

  async function refresh(accountId: string): Promise<string> {
    const current = await account(accountId);
    const refreshToken = await deps.vault.get(refreshKey(accountId));
    if (!refreshToken) {
      await setStatus(accountId, 'reauth_required');
      throw new AppError('unauthorized', `Sign in again to ${current.domain}.`);
    }
    try {
      const tokens = await oidc.refreshTokenGrant(await configFor(current.backend), refreshToken);
      accessTokens.set(accountId, { token: tokens.access_token, expiresAt: deps.clock.now() + (tokens.expires_in ?? 3600) * 1000 });
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
      const config = await configFor(backend);
      const verifier = oidc.randomPKCECodeVerifier();
      const expectedState = oidc.randomState();
      const expectedNonce = oidc.randomNonce();
      const loopback = await listenForRedirect(deps.signInTimeoutMs ?? 5 * 60_000, abort.signal);
      try {
        const url = oidc.buildAuthorizationUrl(config, {
          redirect_uri: loopback.redirectUri,
          scope: oauthScopes,
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state: expectedState,
          nonce: expectedNonce,
          access_type: 'offline',
          prompt: 'consent select_account',
          ...(domain ? { hd: domain } : {}),
          ...(loginHint ? { login_hint: loginHint } : {}),
        });
        await deps.browser.open(url.toString());
        const callbackUrl = await loopback.callback.catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          throw new AppError('cancelled', reason === 'timeout' ? 'Sign-in timed out.' : 'Sign-in was cancelled.', false);
        });
        if (callbackUrl.searchParams.get('error') === 'access_denied') throw new AppError('cancelled', 'Sign-in was cancelled.', false);
        const tokens = await oidc
          .authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState, expectedNonce, idTokenExpected: true })
          .catch((error: unknown) => {
            deps.logger.warn('auth: code exchange refused', { error: error instanceof Error ? error.message : String(error) });
            throw new AppError('unauthorized', 'The sign-in could not be completed. Please try again.', false);
          });
        const claims = tokens.claims();
        const email = typeof claims?.email === 'string' ? claims.email : undefined;
        if (!claims || !email) throw new AppError('unauthorized', 'The identity provider did not return an e-mail address.', false);
        const hostedDomain = typeof claims.hd === 'string' ? claims.hd : undefined;
        try {
          checkHostedDomain(domain, hostedDomain);
          deps.policy?.checkSignedInDomain(hostedDomain ?? email.split('@')[1]);
        } catch (error) {
          // Leave nothing behind: the grant Google just issued is revoked, nothing is stored.
          const grant = tokens.refresh_token ?? tokens.access_token;
          await oidc.tokenRevocation(config, grant).catch(() => undefined);
          deps.logger.warn('auth: sign-in refused for its domain', { backend, expected: domain, hostedDomain });
          throw error;
        }
        if (!tokens.refresh_token)
          throw new AppError('unauthorized', 'No offline access was granted; please allow it to keep working offline.', false);

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
        await deps.vault.set(refreshKey(id), tokens.refresh_token);
        accessTokens.set(id, { token: tokens.access_token, expiresAt: deps.clock.now() + (tokens.expires_in ?? 3600) * 1000 });
        await store.save(existing ? accounts.map((candidate) => (candidate.id === id ? signedIn : candidate)) : [...accounts, signedIn]);
        deps.logger.info('auth: signed in', { accountId: id, domain: signedIn.domain, backend });
        await publish();
        return signedIn;
      } finally {
        loopback.close();
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
      accessTokens.delete(accountId);
      await store.save(
        (await store.list()).filter((candidate) => candidate.id !== accountId),
        { forgetPrevious: true },
      );
      deps.logger.info('auth: signed out', { accountId });
      await publish();
    },
    tokensFor(accountId) {
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
