import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/sandbox';
import { checkHostedDomain } from '../../../electron/services/auth/auth-service';
import { defaultPolicyPath, loadPolicy } from '../../../electron/services/policy/policy-file';
import { AppError } from '../../../shared/ipc';
import { createCoreFixture } from '../support/core-fixture';

const sender = { url: 'test', isMainFrame: true };
const dir = mkdtempSync(path.join(os.tmpdir(), 'rsc-policy-'));
const policyFile = (name: string, content: unknown): string => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'policy', cases: 40, supportSimulation: { enabled: false } });
});
afterAll(() => sandbox.close());

describe('the policy file', () => {
  it('lives where IT expects it on each OS, and can be pointed elsewhere', () => {
    expect(defaultPolicyPath('linux', {})).toBe('/etc/reseller-support-console/policy.json');
    expect(defaultPolicyPath('darwin', {})).toBe('/Library/Application Support/Reseller Support Console/policy.json');
    expect(defaultPolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Reseller Support Console\\policy.json');
    expect(defaultPolicyPath('linux', { RSC_POLICY_FILE: '/tmp/p.json' })).toBe('/tmp/p.json');
  });

  it('is optional', () => {
    expect(loadPolicy(path.join(dir, 'absent.json'))).toMatchObject({ state: 'none', policy: {}, problems: [] });
  });

  it('reports unreadable JSON and ignores the file as a whole', () => {
    const loaded = loadPolicy(policyFile('broken.json', '{"allowedDomains": ["a.example"'));
    expect(loaded).toMatchObject({ state: 'invalid', policy: {} });
    expect(loaded.problems[0]).toMatch(/not valid JSON/);
    expect(loadPolicy(policyFile('array.json', '[1,2]'))).toMatchObject({ state: 'invalid', policy: {} });
  });

  it('ignores a field that fails its schema and keeps the valid ones, saying which', () => {
    const loaded = loadPolicy(
      policyFile('partial.json', {
        allowedDomains: ['reseller-a.example'],
        proxy: { url: 'ftp://proxy.corp' },
        update: { channel: 'nightly' },
        colour: 'blue',
      }),
    );
    expect(loaded.state).toBe('invalid');
    expect(loaded.policy).toEqual({ allowedDomains: ['reseller-a.example'] });
    expect(loaded.problems).toEqual([
      expect.stringMatching(/^"proxy" was ignored: url:/),
      expect.stringMatching(/^"update" was ignored: channel:/),
      'Unknown setting "colour" was ignored.',
    ]);
  });

  it('refuses an oversized file', () => {
    expect(loadPolicy(policyFile('big.json', `{"comment": "${'x'.repeat(70_000)}"}`))).toMatchObject({ state: 'invalid', policy: {} });
  });
});

describe('a policy applied to the app', () => {
  it('locks the backend, the OAuth client and the allowed domains; sign-in elsewhere is refused with the organisation’s message', async () => {
    const fixture = await createCoreFixture({
      existingSandbox: sandbox,
      policyFile: policyFile('locked.json', {
        organisation: { name: 'Northwind IT', contact: 'it@northwind.example' },
        backend: 'sandbox',
        allowedDomains: ['reseller-a.example'],
        signInRefusedMessage: 'Northwind IT: only reseller-a.example may be used on this workstation.',
        oauthClient: { clientId: '123-abc.apps.googleusercontent.com' },
        attachmentCacheCapMb: 256,
      }),
    });
    try {
      const view = await fixture.core.dispatch('policy.get', {}, sender);
      expect(view).toMatchObject({
        ok: true,
        value: {
          state: 'applied',
          backends: ['sandbox'],
          allowedDomains: ['reseller-a.example'],
          organisation: { name: 'Northwind IT' },
          locked: expect.arrayContaining(['googleClientId', 'googleClientSecret', 'attachmentCacheCapMb']),
        },
      });
      expect(await fixture.core.dispatch('settings.get', {}, sender)).toMatchObject({
        value: { googleClientId: '123-abc.apps.googleusercontent.com', attachmentCacheCapMb: 256 },
      });
      expect(await fixture.core.dispatch('settings.set', { attachmentCacheCapMb: 2048 }, sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await fixture.core.dispatch('settings.set', { theme: 'dark' }, sender)).toMatchObject({ ok: true, value: { theme: 'dark' } });

      expect(await fixture.core.dispatch('accounts.signIn', { backend: 'google', domain: 'reseller-a.example' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox', domain: 'reseller-b.example' }, sender)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Northwind IT: only reseller-a.example may be used on this workstation.', retryable: false },
      });
      // Without naming a domain, the account's own domain (hd) decides — and its fresh grant is revoked.
      fixture.browser.choose('agent1@reseller-b.example');
      expect(await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('Northwind IT') },
      });
      expect(sandbox.admin.revokeGrantsFor('agent1@reseller-b.example')).toBe(0);
      expect(await fixture.core.dispatch('accounts.list', {}, sender)).toMatchObject({ value: { accounts: [] } });

      await fixture.signIn('agent1@reseller-a.example');
      expect(await fixture.core.dispatch('accounts.list', {}, sender)).toMatchObject({
        value: { accounts: [{ domain: 'reseller-a.example' }] },
      });
    } finally {
      await fixture.close();
    }
  });

  it('an invalid policy file is reported and ignored safely: the app starts and works', async () => {
    const fixture = await createCoreFixture({ existingSandbox: sandbox, policyFile: policyFile('bad.json', '{ allowedDomains: nope') });
    try {
      expect(await fixture.core.dispatch('policy.get', {}, sender)).toMatchObject({
        value: { state: 'invalid', problems: [expect.stringMatching(/not valid JSON/)], backends: ['sandbox', 'google'], locked: [] },
      });
      await fixture.signIn('agent1@reseller-b.example');
      const log = await fixture.readLog();
      expect(log).toContain('policy: problem in the policy file');
    } finally {
      await fixture.close();
    }
  });
});

describe('the ID token’s hosted domain', () => {
  it('must equal the domain asked for: a personal account or another domain is refused', () => {
    expect(() => checkHostedDomain('reseller-a.example', undefined)).toThrow(/personal Google account/);
    expect(() => checkHostedDomain('reseller-a.example', 'reseller-b.example')).toThrow(AppError);
    expect(() => checkHostedDomain('reseller-a.example', 'Reseller-A.example')).not.toThrow();
    expect(() => checkHostedDomain(undefined, undefined)).not.toThrow();
  });

  it('is checked against the sandbox’s OIDC provider even when the hd hint is removed from the sign-in URL', async () => {
    const fixture = await createCoreFixture({ existingSandbox: sandbox });
    sandbox.admin.revokeGrantsFor('agent1@reseller-b.example'); // grants of earlier tests
    try {
      fixture.browser.tamperRequest((url) => {
        url.searchParams.delete('hd');
        return url;
      });
      fixture.browser.choose('agent1@reseller-b.example');
      const result = await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox', domain: 'reseller-a.example' }, sender);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('reseller-b.example') } });
      expect(sandbox.admin.revokeGrantsFor('agent1@reseller-b.example')).toBe(0);
      expect(await fixture.core.dispatch('accounts.list', {}, sender)).toMatchObject({ value: { accounts: [] } });

      // Control: the same account, asked for its own domain, signs in.
      fixture.browser.tamperRequest(undefined);
      const own = await fixture.core.dispatch('accounts.signIn', { backend: 'sandbox', domain: 'reseller-b.example' }, sender);
      expect(own).toMatchObject({ ok: true, value: { domain: 'reseller-b.example' } });
      expect(sandbox.admin.revokeGrantsFor('agent1@reseller-b.example')).toBe(1);
    } finally {
      await fixture.close();
    }
  });

  it('Google sign-in needs a domain', async () => {
    const fixture = await createCoreFixture({ existingSandbox: sandbox });
    try {
      expect(await fixture.core.dispatch('accounts.signIn', { backend: 'google' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    } finally {
      await fixture.close();
    }
  });
});
