import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { OAUTH_SCOPES } from '../../shared/api';
import type { SandboxClock } from './clock';
import { ApiError, errorInfo, json, readFormBody, type Reply } from './http';
import { pemCertificates } from './oidc-certs';
import { errorPage, isLoopbackRedirect, redirect, signInPage, tokenError } from './oidc-pages';
import type { Store } from './store';
import type { AgentRec } from './world';

// A small OpenID provider shaped like Google's: public desktop client, PKCE
// S256 required, loopback redirects only, single-use short-lived codes,
// refresh tokens that survive restarts, revocation that kills the whole grant.
// Token lifetimes run on the sandbox clock (tests advance it); the JWT iat/exp
// claims use wall time because clients check them against their own clock.

export const DESKTOP_CLIENT_ID = '1087-sandbox-desktop.apps.sandbox.local';
const CODE_TTL_MS = 5 * 60_000;
/** Google lets clients cache its signing certificates for hours. */
const CERTS_CACHE = { 'cache-control': 'public, max-age=21600, must-revalidate, no-transform' };
const PENDING_TTL_MS = 30 * 60_000;
const KNOWN_SCOPES = new Set([
  'openid',
  'email',
  'profile',
  OAUTH_SCOPES.cloudPlatform,
  OAUTH_SCOPES.reseller,
  OAUTH_SCOPES.resellerReadonly,
]);

export interface Principal {
  agent: AgentRec;
  scopes: ReadonlySet<string>;
}

interface Grant {
  id: string;
  email: string;
  scopes: string[];
  clientId: string;
  refreshToken: string;
  revoked: boolean;
}

interface PendingAuth {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  scopes: string[];
  codeChallenge: string;
  nonce: string | undefined;
  hd: string | undefined;
  loginHint: string | undefined;
  expiresAt: number;
}

interface IssuedCode {
  pending: PendingAuth;
  email: string;
  expiresAt: number;
  used: boolean;
  grantId?: string;
}

interface AccessToken {
  grantId: string;
  expiresAt: number;
}

export class OidcProvider {
  private readonly grants = new Map<string, Grant>();
  private readonly refreshIndex = new Map<string, string>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly pending = new Map<string, PendingAuth>();
  private privateKey!: CryptoKey;
  private publicJwk!: JWK;
  private privateJwk!: JWK;
  accessTokenLifetimeSeconds = 3600;
  private pem: Record<string, string> | undefined;

  private constructor(
    readonly issuer: string,
    private readonly clock: SandboxClock,
    private readonly store: Store,
  ) {}

  static async create(issuer: string, clock: SandboxClock, store: Store): Promise<OidcProvider> {
    const p = new OidcProvider(issuer, clock, store);
    let saved: { key?: JWK; grants?: Grant[] } = {};
    store.register('auth', {
      dump: () => ({ key: p.privateJwk, grants: [...p.grants.values()] }),
      load: (data) => {
        saved = data as typeof saved;
      },
    });
    if (saved.key !== undefined) {
      p.privateJwk = saved.key;
      p.privateKey = (await importJWK(saved.key, 'RS256')) as CryptoKey;
    } else {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      p.privateKey = privateKey;
      p.privateJwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
    }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = p.privateJwk;
    p.publicJwk = pub;
    for (const g of saved.grants ?? []) {
      p.grants.set(g.id, g);
      p.refreshIndex.set(g.refreshToken, g.id);
    }
    return p;
  }

  // ---------- API authentication ----------

  authenticate(req: IncomingMessage, url: URL): Principal {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : (url.searchParams.get('access_token') ?? undefined);
    const unauth = (reason?: string): ApiError =>
      new ApiError(
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        reason === undefined ? [] : [errorInfo(reason, { service: 'cloudsupport.googleapis.com' }, 'googleapis.com')],
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
      );
    if (bearer === undefined || bearer === '') throw unauth();
    const at = this.accessTokens.get(bearer);
    if (at === undefined) throw unauth();
    const grant = this.grants.get(at.grantId);
    if (grant === undefined || grant.revoked) throw unauth('ACCESS_TOKEN_EXPIRED');
    if (at.expiresAt <= this.clock.now()) throw unauth('ACCESS_TOKEN_EXPIRED');
    const agent = this.store.agentsByEmail.get(grant.email);
    if (agent === undefined) throw unauth();
    return { agent, scopes: new Set(grant.scopes) };
  }

  // ---------- admin helpers ----------

  revokeGrantsFor(email: string): number {
    let n = 0;
    for (const g of this.grants.values()) {
      if (g.email === email && !g.revoked) {
        g.revoked = true;
        n++;
      }
    }
    return n;
  }

  expireAccessTokens(email?: string): void {
    for (const [token, at] of this.accessTokens) {
      if (email === undefined || this.grants.get(at.grantId)?.email === email) this.accessTokens.delete(token);
    }
  }

  /** Issues a grant without the browser round trip (tests and the harness). */
  mint(
    email: string,
    scopes: readonly string[] = ['openid', 'email', OAUTH_SCOPES.cloudPlatform, OAUTH_SCOPES.resellerReadonly],
  ): { accessToken: string; refreshToken: string } {
    if (!this.store.agentsByEmail.has(email)) throw new Error(`unknown demo account ${email}`);
    const grant = this.newGrant(email, [...scopes], DESKTOP_CLIENT_ID);
    return { accessToken: this.newAccessToken(grant), refreshToken: grant.refreshToken };
  }

  private newGrant(email: string, scopes: string[], clientId: string): Grant {
    const grant: Grant = {
      id: randomBytes(12).toString('hex'),
      email,
      scopes,
      clientId,
      refreshToken: `1//sbx-${randomBytes(32).toString('base64url')}`,
      revoked: false,
    };
    this.grants.set(grant.id, grant);
    this.refreshIndex.set(grant.refreshToken, grant.id);
    return grant;
  }

  private newAccessToken(grant: Grant): string {
    this.purgeExpired();
    const token = `ya29.sbx-${randomBytes(32).toString('base64url')}`;
    this.accessTokens.set(token, { grantId: grant.id, expiresAt: this.clock.now() + this.accessTokenLifetimeSeconds * 1000 });
    return token;
  }

  /** Keeps long-running sandboxes from accumulating dead tokens, codes and sign-in requests. */
  private purgeExpired(): void {
    if (this.accessTokens.size + this.codes.size + this.pending.size < 5000) return;
    const now = this.clock.now();
    for (const [k, v] of this.accessTokens) if (v.expiresAt <= now) this.accessTokens.delete(k);
    for (const [k, v] of this.codes) if (v.expiresAt <= now) this.codes.delete(k);
    for (const [k, v] of this.pending) if (v.expiresAt <= now) this.pending.delete(k);
  }

  // ---------- HTTP ----------

  discovery(): Reply {
    const i = this.issuer;
    return json(200, {
      issuer: i,
      authorization_endpoint: `${i}/auth`,
      token_endpoint: `${i}/token`,
      userinfo_endpoint: `${i}/userinfo`,
      revocation_endpoint: `${i}/revoke`,
      jwks_uri: `${i}/certs`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      authorization_response_iss_parameter_supported: true,
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      claims_supported: ['aud', 'email', 'email_verified', 'exp', 'hd', 'iat', 'iss', 'name', 'nonce', 'sub', 'azp'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    });
  }

  jwks(): Reply {
    return json(200, { keys: [this.publicJwk] }, CERTS_CACHE);
  }

  /** Google's PEM form of the same keys (`/oauth2/v1/certs`): `{kid: X.509 certificate}`. */
  pemCerts(): Reply {
    this.pem ??= pemCertificates(this.privateJwk, this.publicJwk.kid ?? '', this.issuer);
    return json(200, this.pem, CERTS_CACHE);
  }

  async handle(req: IncomingMessage, url: URL, sub: string): Promise<Reply> {
    const method = req.method ?? 'GET';
    if (sub === '/.well-known/openid-configuration' && method === 'GET') return this.discovery();
    if (sub === '/certs' && method === 'GET') return this.jwks();
    if (sub === '/v1/certs' && method === 'GET') return this.pemCerts();
    if (sub === '/auth' && method === 'GET') return this.authorize(url.searchParams);
    if (sub === '/auth' && method === 'POST') return this.submitSignIn(await readFormBody(req));
    if (sub === '/token' && method === 'POST') return this.token(req, await readFormBody(req));
    if (sub === '/revoke' && method === 'POST') {
      const form = await readFormBody(req);
      return this.revoke(form.get('token') ?? url.searchParams.get('token') ?? '');
    }
    if (sub === '/userinfo' && (method === 'GET' || method === 'POST')) return this.userinfo(req, url);
    return json(404, { error: 'not_found' });
  }

  private authorize(q: URLSearchParams): Reply {
    const clientId = q.get('client_id') ?? '';
    const redirectUri = q.get('redirect_uri') ?? '';
    if (clientId !== DESKTOP_CLIENT_ID) return errorPage('Error 401: invalid_client', `The OAuth client "${clientId}" was not found.`);
    if (!isLoopbackRedirect(redirectUri))
      return errorPage(
        'Error 400: invalid_request',
        `redirect_uri "${redirectUri}" is not allowed: desktop clients may only redirect to http://127.0.0.1, http://[::1] or http://localhost on any port.`,
      );
    const state = q.get('state') ?? undefined;
    const fail = (error: string, description: string): Reply =>
      redirect(redirectUri, { error, error_description: description, state, iss: this.issuer });
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be "code"');
    const scopes = (q.get('scope') ?? '').split(/\s+/).filter((s) => s !== '');
    if (scopes.length === 0) return fail('invalid_request', 'Missing required parameter: scope');
    const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
    if (unknown.length > 0) return fail('invalid_scope', `Unknown scope: ${unknown.join(' ')}`);
    const challenge = q.get('code_challenge') ?? '';
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail('invalid_request', 'code_challenge (S256) is required');
    if (q.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    const id = randomBytes(16).toString('hex');
    const hd = q.get('hd') ?? undefined;
    const pending: PendingAuth = {
      clientId,
      redirectUri,
      state,
      scopes,
      codeChallenge: challenge,
      nonce: q.get('nonce') ?? undefined,
      hd: hd === '*' ? undefined : hd,
      loginHint: q.get('login_hint') ?? undefined,
      expiresAt: this.clock.now() + PENDING_TTL_MS,
    };
    this.pending.set(id, pending);
    return signInPage(id, this.usersFor(pending), pending);
  }

  private usersFor(p: PendingAuth): AgentRec[] {
    const users = [...this.store.agentsByEmail.values()].filter((a) => p.hd === undefined || a.domain === p.hd);
    const hint = p.loginHint?.toLowerCase();
    return users.sort((a, b) => Number(b.email === hint) - Number(a.email === hint));
  }

  private submitSignIn(form: URLSearchParams): Reply {
    const id = form.get('request_id') ?? '';
    const pending = this.pending.get(id);
    if (pending === undefined || pending.expiresAt <= this.clock.now())
      return errorPage('Sign-in expired', 'This sign-in request is unknown or has expired. Start again from the app.');
    this.pending.delete(id);
    if (form.get('action') === 'cancel')
      return redirect(pending.redirectUri, { error: 'access_denied', state: pending.state, iss: this.issuer });
    const email = (form.get('login_email') ?? '').toLowerCase();
    if (!this.usersFor(pending).some((a) => a.email === email))
      return errorPage('Error 400: invalid account', `${email} is not a demo account of the requested domain.`);
    const code = `4/sbx-${randomBytes(24).toString('base64url')}`;
    this.codes.set(code, { pending, email, expiresAt: this.clock.now() + CODE_TTL_MS, used: false });
    return redirect(pending.redirectUri, { code, scope: pending.scopes.join(' '), state: pending.state, iss: this.issuer });
  }

  private async token(req: IncomingMessage, form: URLSearchParams): Promise<Reply> {
    const basic = req.headers.authorization?.startsWith('Basic ')
      ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8').split(':')[0]
      : undefined;
    const clientId = form.get('client_id') ?? (basic === undefined ? undefined : decodeURIComponent(basic));
    if (clientId !== DESKTOP_CLIENT_ID) return tokenError(401, 'invalid_client', 'The OAuth client was not found.');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code') ?? '';
      const issued = this.codes.get(code);
      if (issued === undefined) return tokenError(400, 'invalid_grant', 'Malformed auth code.');
      if (issued.used) {
        // Replay: refuse and revoke whatever the first redemption produced (RFC 6749 §4.1.2).
        if (issued.grantId !== undefined) {
          const g = this.grants.get(issued.grantId);
          if (g !== undefined) g.revoked = true;
        }
        return tokenError(400, 'invalid_grant', 'Bad Request: the authorization code was already redeemed.');
      }
      issued.used = true;
      if (issued.expiresAt <= this.clock.now()) return tokenError(400, 'invalid_grant', 'The authorization code has expired.');
      if (form.get('redirect_uri') !== issued.pending.redirectUri)
        return tokenError(400, 'redirect_uri_mismatch', 'redirect_uri does not match the authorization request.');
      const verifier = form.get('code_verifier') ?? '';
      if (
        !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
        createHash('sha256').update(verifier).digest('base64url') !== issued.pending.codeChallenge
      ) {
        return tokenError(400, 'invalid_grant', 'Invalid code verifier.');
      }
      const grant = this.newGrant(issued.email, issued.pending.scopes, clientId);
      issued.grantId = grant.id;
      this.store.save(this.clock.now());
      return this.tokenResponse(grant, issued.pending.nonce, true);
    }
    if (grantType === 'refresh_token') {
      const grantId = this.refreshIndex.get(form.get('refresh_token') ?? '');
      const grant = grantId === undefined ? undefined : this.grants.get(grantId);
      if (grant === undefined || grant.revoked) return tokenError(400, 'invalid_grant', 'Token has been expired or revoked.');
      return this.tokenResponse(grant, undefined, false);
    }
    return tokenError(400, 'unsupported_grant_type', `Unsupported grant_type "${grantType ?? ''}".`);
  }

  private async tokenResponse(grant: Grant, nonce: string | undefined, withRefresh: boolean): Promise<Reply> {
    const agent = this.store.agentsByEmail.get(grant.email);
    const body: Record<string, unknown> = {
      access_token: this.newAccessToken(grant),
      expires_in: this.accessTokenLifetimeSeconds,
      scope: grant.scopes.join(' '),
      token_type: 'Bearer',
    };
    if (withRefresh) body['refresh_token'] = grant.refreshToken;
    if (grant.scopes.includes('openid') && agent !== undefined) {
      body['id_token'] = await new SignJWT({
        email: agent.email,
        email_verified: true,
        hd: agent.domain,
        name: agent.displayName,
        azp: grant.clientId,
        ...(nonce === undefined ? {} : { nonce }),
      })
        .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? '', typ: 'JWT' })
        .setIssuer(this.issuer)
        .setAudience(grant.clientId)
        .setSubject(agent.sub)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(this.privateKey);
    }
    return json(200, body, { 'cache-control': 'no-store', pragma: 'no-cache' });
  }

  private revoke(token: string): Reply {
    const grantId = this.refreshIndex.get(token) ?? this.accessTokens.get(token)?.grantId;
    const grant = grantId === undefined ? undefined : this.grants.get(grantId);
    if (grant === undefined || grant.revoked) return json(400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    grant.revoked = true;
    this.store.save(this.clock.now());
    return json(200, {});
  }

  private userinfo(req: IncomingMessage, url: URL): Reply {
    let principal: Principal;
    try {
      principal = this.authenticate(req, url);
    } catch {
      return json(
        401,
        { error: 'invalid_token', error_description: 'Invalid Credentials' },
        { 'www-authenticate': 'Bearer error="invalid_token"' },
      );
    }
    const a = principal.agent;
    return json(200, { sub: a.sub, email: a.email, email_verified: true, hd: a.domain, name: a.displayName });
  }
}
