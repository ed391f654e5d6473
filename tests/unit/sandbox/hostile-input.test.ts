import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { apiFor, enc, expectError, http, startTestSandbox, type Api } from './helpers';

// Issue 15: hostile input always gets Google's 400 envelope, never a 500 or silence.

let sb: SandboxHandle;
let a: Api;
let org: string;

beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'hostile', cases: 300 });
  a = apiFor(sb, 'agent1@reseller-a.example');
  org = sb.admin.customers().find((c) => c.writers.includes('agent1@reseller-a.example'))?.organization ?? '';
});
afterAll(() => sb.close());

describe('hostile input', () => {
  it('a query nested 2,000 deep is a 400, not a stack overflow', async () => {
    const deep = `${'('.repeat(2000)}state=OPEN${')'.repeat(2000)}`;
    expect(expectError(await a.get(`/v2/${org}/cases:search?query=${enc(deep)}`), 400, 'INVALID_ARGUMENT').message).toMatch(/deeper/);
    expectError(
      await a.get(`/v2/${org}/cases?filter=${enc(`${'NOT ('.repeat(500)}state=OPEN${')'.repeat(500)}`)}`),
      400,
      'INVALID_ARGUMENT',
    );
    expect((await a.get(`/v2/${org}/cases?filter=${enc('((state=OPEN))')}`)).status).toBe(200);
  });

  it('a JSON body nested 10,000 deep is a 400', async () => {
    expectError(await a.post(`/v2/${org}/cases`, `${'['.repeat(10_000)}${']'.repeat(10_000)}`), 400, 'INVALID_ARGUMENT');
    expectError(await a.post(`/v2/${org}/cases`, `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`), 400, 'INVALID_ARGUMENT');
  });

  it('a form over 64 KiB to the token endpoint is a 400 envelope', async () => {
    const r = await http(`${sb.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&refresh_token=${'x'.repeat(70 * 1024)}`,
    });
    expectError(r, 400, 'INVALID_ARGUMENT');
  });

  it('oversized request headers answer a JSON 400 envelope instead of a bare status line', async () => {
    const r = await http(`${sb.baseUrl}/v2/${org}/cases?filter=${'x'.repeat(20_000)}`);
    expectError(r, 400, 'INVALID_ARGUMENT');
  });

  it('a malformed fields selector is a 400', async () => {
    expectError(await a.get(`/v2/${org}/cases?fields=${enc('cases(name')}`), 400, 'INVALID_ARGUMENT');
    expectError(await a.get(`/v2/${org}/cases?fields=${enc(`${'a('.repeat(100)}b${')'.repeat(100)}`)}`), 400, 'INVALID_ARGUMENT');
  });
});
