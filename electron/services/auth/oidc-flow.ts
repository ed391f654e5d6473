// The OpenID Connect steps of a sign-in, apart from the account bookkeeping in auth-service.ts:
// discovery of a backend's issuer, and the authorization-code flow with PKCE through the
// system browser and a loopback redirect (RFC 8252).
import * as oidc from 'openid-client';
import { OAUTH_SCOPES } from '../../../shared/api';
import { AppError } from '../../../shared/ipc';
import type { ExternalBrowser, HttpFetch, Logger } from '../../ports';
import { listenForRedirect } from './loopback';

export interface OidcClientConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
}

/** Sign-in scopes: identity, Cloud Support, and the Reseller API's read path (same for Google and the sandbox). */
const oauthScopes = ['openid', 'email', 'profile', OAUTH_SCOPES.cloudPlatform, OAUTH_SCOPES.resellerReadonly].join(' ');

/** The issuer's discovery document, with every request through the app's own fetch. */
export async function discoverIssuer({ issuer, clientId, clientSecret }: OidcClientConfig, fetch: HttpFetch): Promise<oidc.Configuration> {
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
  discovered[oidc.customFetch] = (input, init) => fetch(input, init as RequestInit);
  return discovered;
}

export interface AuthorizationGrant {
  readonly tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  readonly claims: oidc.IDToken;
  readonly email: string;
  /** The ID token's `hd`: absent for a personal account. */
  readonly hostedDomain: string | undefined;
}

export interface AuthorizeOptions {
  /** Google's `hd` hint (only a hint: the caller checks the ID token's `hd`). */
  readonly domain: string | undefined;
  readonly loginHint: string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly browser: ExternalBrowser;
  readonly logger: Logger;
}

/** Opens the consent page in the system browser and exchanges the code the loopback redirect brings back. */
export async function authorizeInBrowser(config: oidc.Configuration, options: AuthorizeOptions): Promise<AuthorizationGrant> {
  const { domain, loginHint } = options;
  const verifier = oidc.randomPKCECodeVerifier();
  const expectedState = oidc.randomState();
  const expectedNonce = oidc.randomNonce();
  const loopback = await listenForRedirect(options.timeoutMs, options.signal);
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
    await options.browser.open(url.toString());
    const callbackUrl = await loopback.callback.catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('cancelled', reason === 'timeout' ? 'Sign-in timed out.' : 'Sign-in was cancelled.', false);
    });
    if (callbackUrl.searchParams.get('error') === 'access_denied') throw new AppError('cancelled', 'Sign-in was cancelled.', false);
    const tokens = await oidc
      .authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState, expectedNonce, idTokenExpected: true })
      .catch((error: unknown) => {
        options.logger.warn('auth: code exchange refused', { error: error instanceof Error ? error.message : String(error) });
        throw new AppError('unauthorized', 'The sign-in could not be completed. Please try again.', false);
      });
    const claims = tokens.claims();
    const email = typeof claims?.email === 'string' ? claims.email : undefined;
    if (!claims || !email) throw new AppError('unauthorized', 'The identity provider did not return an e-mail address.', false);
    return { tokens, claims, email, hostedDomain: typeof claims.hd === 'string' ? claims.hd : undefined };
  } finally {
    loopback.close();
  }
}
