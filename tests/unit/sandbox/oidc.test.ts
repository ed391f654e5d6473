import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcDiscoverySchema, TokenResponseSchema } from '../../../shared/api';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import {
  ALL_SCOPES,
  REDIRECT_URI,
  api,
  authUrl,
  http,
  pkcePair,
  requestIdOf,
  signIn,
  startTestSandbox,
  submitSignIn,
  tokenRequest,
} from './helpers';

let sb: SandboxHandle;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());

function authParams(challenge: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: sb.desktopClientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: ALL_SCOPES,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'xyz',
    ...extra,
  };
}

describe('OIDC discovery and keys', () => {
  it('serves a discovery document with its own endpoints', async () => {
    const r = await http(`${sb.issuer}/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    const doc = OidcDiscoverySchema.parse(r.body);
    expect(doc.issuer).toBe(sb.issuer);
    expect(doc.token_endpoint).toBe(`${sb.issuer}/token`);
    expect(doc.code_challenge_methods_supported).toContain('S256');
    expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const jwks = await http(doc.jwks_uri);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(jwks.body.keys[0].d).toBeUndefined();
  });
});

describe('authorization endpoint', () => {
  it('lists the demo users of the hd domain as submit buttons, login_hint first, no external resources', async () => {
    const { challenge } = pkcePair();
    const r = await http<string>(authUrl(sb, authParams(challenge, { hd: 'reseller-a.example', login_hint: 'agent2@reseller-a.example' })));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const emails = [...r.body.matchAll(/<button type="submit" name="login_email" value="([^"]+)">/g)].map((m) => m[1]);
    expect(emails.length).toBeGreaterThanOrEqual(2);
    expect(emails[0]).toBe('agent2@reseller-a.example');
    expect(emails.every((e) => e?.endsWith('@reseller-a.example'))).toBe(true);
    expect(r.body).toContain('value="cancel"');
    expect(r.body).not.toMatch(/(src|href)="https?:/);
  });

  it('Cancel redirects back with error=access_denied and the state', async () => {
    const { challenge } = pkcePair();
    const page = await http<string>(authUrl(sb, authParams(challenge)));
    const r = await submitSignIn(sb, requestIdOf(page.body), { action: 'cancel' });
    expect(r.status).toBe(302);
    const loc = new URL(r.headers.get('location') ?? '');
    expect(loc.origin + loc.pathname).toBe(REDIRECT_URI);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('xyz');
  });

  it('refuses non-loopback redirect URIs with an error page instead of redirecting', async () => {
    const { challenge } = pkcePair();
    for (const uri of ['https://evil.example/cb', 'http://192.168.1.10:8080/', 'http://127.0.0.1.evil.example:80/']) {
      const r = await http<string>(authUrl(sb, authParams(challenge, { redirect_uri: uri })));
      expect(r.status).toBe(400);
      expect(r.headers.get('location')).toBeNull();
      expect(r.body).toContain('redirect_uri');
    }
    for (const uri of ['http://localhost:4000/cb', 'http://[::1]:4000/cb']) {
      const r = await http<string>(authUrl(sb, authParams(challenge, { redirect_uri: uri })));
      expect(r.status).toBe(200);
    }
  });

  it('refuses an unknown client and a request without PKCE', async () => {
    const { challenge } = pkcePair();
    expect((await http(authUrl(sb, authParams(challenge, { client_id: 'other' })))).status).toBe(400);
    const noPkce = await http(authUrl(sb, { ...authParams(challenge), code_challenge: '' }));
    expect(new URL(noPkce.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const plain = await http(authUrl(sb, authParams(challenge, { code_challenge_method: 'plain' })));
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('will not sign in a user outside the requested hd domain', async () => {
    const { challenge } = pkcePair();
    const page = await http<string>(authUrl(sb, authParams(challenge, { hd: 'reseller-b.example' })));
    const r = await submitSignIn(sb, requestIdOf(page.body), { login_email: 'agent1@reseller-a.example' });
    expect(r.status).toBe(400);
    expect(r.headers.get('location')).toBeNull();
  });
});

describe('token endpoint', () => {
  it('exchanges a code for tokens with a verifiable ID token carrying email, hd, sub, nonce', async () => {
    const { tokens } = await signIn(sb, 'agent1@reseller-a.example', { nonce: 'n-123', hd: 'reseller-a.example' });
    const t = TokenResponseSchema.parse(tokens);
    expect(t.token_type).toBe('Bearer');
    expect(t.expires_in).toBeGreaterThan(0);
    expect(t.refresh_token).toBeTruthy();
    expect(t.scope?.split(' ')).toContain('https://www.googleapis.com/auth/cloud-platform');
    const jwks = createRemoteJWKSet(new URL(`${sb.issuer}/certs`));
    const { payload } = await jwtVerify(t.id_token ?? '', jwks, { issuer: sb.issuer, audience: sb.desktopClientId });
    expect(payload).toMatchObject({ email: 'agent1@reseller-a.example', hd: 'reseller-a.example', nonce: 'n-123' });
    expect(typeof payload.sub).toBe('string');
    const info = await http(`${sb.issuer}/userinfo`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(info.body).toMatchObject({ email: 'agent1@reseller-a.example', hd: 'reseller-a.example', sub: payload.sub });
  });

  it('rejects a wrong PKCE verifier with invalid_grant', async () => {
    const { challenge } = pkcePair();
    const page = await http<string>(authUrl(sb, authParams(challenge)));
    const redirect = await submitSignIn(sb, requestIdOf(page.body), { login_email: 'agent1@reseller-b.example' });
    const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const r = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code,
      code_verifier: pkcePair().verifier,
      redirect_uri: REDIRECT_URI,
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_grant');
  });

  it('codes are single-use: a replay fails and revokes the tokens of the first exchange', async () => {
    const first = await signIn(sb, 'agent1@reseller-c.example');
    const a = api(sb, first.tokens.access_token);
    expect((await a.get('/v2/caseClassifications:search')).status).toBe(200);
    const replay = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: first.code,
      code_verifier: first.verifier,
      redirect_uri: REDIRECT_URI,
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    expect((await a.get('/v2/caseClassifications:search')).status).toBe(401);
  });

  it('rejects a redirect_uri that differs from the authorization request', async () => {
    const { challenge, verifier } = pkcePair();
    const page = await http<string>(authUrl(sb, authParams(challenge)));
    const redirect = await submitSignIn(sb, requestIdOf(page.body), { login_email: 'agent1@reseller-a.example' });
    const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const r = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: 'http://127.0.0.1:9/other',
    });
    expect(r.status).toBe(400);
  });

  it('codes expire on the sandbox clock', async () => {
    const { challenge, verifier } = pkcePair();
    const page = await http<string>(authUrl(sb, authParams(challenge)));
    const redirect = await submitSignIn(sb, requestIdOf(page.body), { login_email: 'agent1@reseller-a.example' });
    const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
    sb.admin.advanceClock(10 * 60_000);
    const r = await tokenRequest(sb, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI });
    expect(r.body.error).toBe('invalid_grant');
  });

  it('refreshes, and refuses refresh tokens after revocation', async () => {
    const { tokens } = await signIn(sb, 'agent2@reseller-b.example');
    const refreshed = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(tokens.access_token);
    expect(refreshed.body.refresh_token).toBeUndefined();
    const revoke = await http(`${sb.issuer}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(tokens.refresh_token)}`,
    });
    expect(revoke.status).toBe(200);
    const again = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
    expect((await api(sb, refreshed.body.access_token).get('/v2/caseClassifications:search')).status).toBe(401);
    const revokeUnknown = await http(`${sb.issuer}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=nope',
    });
    expect(revokeUnknown.status).toBe(400);
  });

  it('admin revokeGrantsFor invalidates access and refresh tokens of that account only', async () => {
    const victim = await signIn(sb, 'agent2@apac.reseller-a.example');
    const other = await signIn(sb, 'agent1@apac.reseller-a.example');
    expect(sb.admin.revokeGrantsFor('agent2@apac.reseller-a.example')).toBeGreaterThan(0);
    expect((await api(sb, victim.tokens.access_token).get('/v2/caseClassifications:search')).status).toBe(401);
    expect((await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: victim.tokens.refresh_token })).body.error).toBe(
      'invalid_grant',
    );
    expect((await api(sb, other.tokens.access_token).get('/v2/caseClassifications:search')).status).toBe(200);
  });

  it('short access-token lifetime: tokens expire on the sandbox clock with 401 UNAUTHENTICATED', async () => {
    await sb.admin.setFaults({ accessTokenLifetimeSeconds: 5 });
    try {
      const { tokens } = await signIn(sb, 'agent1@reseller-b.example');
      expect(tokens.expires_in).toBe(5);
      const a = api(sb, tokens.access_token);
      expect((await a.get('/v2/caseClassifications:search')).status).toBe(200);
      sb.admin.advanceClock(6000);
      const r = await a.get('/v2/caseClassifications:search');
      expect(r.status).toBe(401);
      expect(r.body.error.status).toBe('UNAUTHENTICATED');
      expect(r.headers.get('www-authenticate')).toContain('Bearer');
    } finally {
      await sb.admin.clearFaults();
    }
  });

  it('rejects unknown grant types and clients', async () => {
    expect((await tokenRequest(sb, { grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
    expect((await tokenRequest(sb, { grant_type: 'authorization_code', client_id: 'x' })).status).toBe(401);
  });
});

describe('API authentication', () => {
  it('every API answers 401 UNAUTHENTICATED without or with a bad bearer token', async () => {
    for (const path of ['/v2/caseClassifications:search', '/v3/organizations:search', '/v2/organizations/1/cases']) {
      for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }]) {
        const r = await http(`${sb.baseUrl}${path}`, { headers });
        expect(r.status).toBe(401);
        expect(r.body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
      }
    }
    const legacy = await http(`${sb.baseUrl}/apps/reseller/v1/subscriptions`);
    expect(legacy.status).toBe(401);
    expect(legacy.body.error.errors[0].reason).toBe('authError');
  });
});
