import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { REDIRECT_URI, http, requestIdOf, startTestSandbox, submitSignIn } from './helpers';

// The app will talk to the sandbox with a standard OIDC client; prove the whole
// loopback + PKCE + nonce + iss flow works with openid-client unchanged.

let sb: SandboxHandle;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'oidc-client', cases: 50 });
});
afterAll(() => sb.close());

describe('openid-client against the sandbox issuer', () => {
  it('discovers, signs in with PKCE, validates the ID token, refreshes and reads userinfo', async () => {
    const config = await client.discovery(new URL(sb.issuer), sb.desktopClientId, undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid email https://www.googleapis.com/auth/cloud-platform',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      hd: 'apac.reseller-a.example',
      login_hint: 'agent1@apac.reseller-a.example',
    });
    const page = await http<string>(url.toString());
    const redirect = await submitSignIn(sb, requestIdOf(page.body), { login_email: 'agent1@apac.reseller-a.example' });
    const callback = new URL(redirect.headers.get('location') ?? '');
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      email: 'agent1@apac.reseller-a.example',
      hd: 'apac.reseller-a.example',
      iss: sb.issuer,
      aud: sb.desktopClientId,
    });
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.access_token).toBeTruthy();
    const info = await client.fetchUserInfo(config, refreshed.access_token, claims?.sub ?? '');
    expect(info.email).toBe('agent1@apac.reseller-a.example');
    await client.tokenRevocation(config, tokens.refresh_token ?? '');
    await expect(client.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
