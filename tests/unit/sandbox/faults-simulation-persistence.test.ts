/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { apiFor, createCase, customerWhere, enc, http, signIn, startTestSandbox, tokenRequest, type Api } from './helpers';

describe('fault injection', () => {
  let sb: SandboxHandle;
  let a: Api;
  let org: string;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'faults', extensions: ['adminEndpoint'] });
    a = apiFor(sb, 'agent1@reseller-a.example');
    org = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
  });
  afterAll(() => sb.close());

  it('injects 429 with Retry-After and RetryInfo, 503 and 500', async () => {
    await sb.admin.setFaults({ errorRates: { 429: 1 }, retryAfterSeconds: 7 });
    const r429 = await a.get('/v2/caseClassifications:search');
    expect(r429.status).toBe(429);
    expect(r429.headers.get('retry-after')).toBe('7');
    expect(r429.body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(r429.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' })]),
    );
    await sb.admin.setFaults({ errorRates: { 503: 1 } });
    const r503 = await a.get('/v2/caseClassifications:search');
    expect(r503.status).toBe(503);
    expect(r503.body.error.status).toBe('UNAVAILABLE');
    expect(r503.headers.get('retry-after')).toBe('7');
    await sb.admin.setFaults({ errorRates: { 500: 1 } });
    expect((await a.get('/v2/caseClassifications:search')).body.error.status).toBe('INTERNAL');
    // Only the API surface is affected by default.
    expect((await http(`${sb.baseUrl}/sandbox/capabilities`)).status).toBe(200);
    await sb.admin.clearFaults();
    expect((await a.get('/v2/caseClassifications:search')).status).toBe(200);
  });

  it('resets connections', async () => {
    await sb.admin.setFaults({ resetRate: 1 });
    await expect(
      fetch(`${sb.baseUrl}/v2/caseClassifications:search`, { headers: { authorization: `Bearer ${a.token}` } }),
    ).rejects.toThrow();
    await sb.admin.clearFaults();
    expect((await a.get('/v2/caseClassifications:search')).status).toBe(200);
  });

  it('adds latency', async () => {
    await sb.admin.setFaults({ latencyMs: 120 });
    const t0 = performance.now();
    await a.get('/v2/caseClassifications:search');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    await sb.admin.clearFaults();
  });

  it('dropped response: the write is applied but the client gets no answer', async () => {
    const c = (await createCase(a, org)).body;
    await sb.admin.setFaults({ dropResponseRate: 1, methods: ['POST'] });
    await expect(
      fetch(`${sb.baseUrl}/v2/${c.name}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'sent into the void' }),
      }),
    ).rejects.toThrow();
    expect((await a.get(`/v2/${c.name}`)).status).toBe(200);
    await sb.admin.clearFaults();
    expect(sb.admin.listAllComments(c.name).map((x) => x.body)).toEqual(['sent into the void']);
    const listed = await a.get(`/v2/${c.name}/comments`);
    expect(listed.body.comments[0].body).toBe('sent into the void');
    expect(sb.admin.stats()['fault.drop']).toBe(1);
  });

  it('offline refuses API connections while the admin endpoint keeps working', async () => {
    const adminCall = (path: string, body?: unknown) =>
      http(`${sb.adminUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await adminCall('/offline', { offline: true })).status).toBe(200);
    await expect(fetch(`${sb.baseUrl}/sandbox/capabilities`)).rejects.toThrow();
    expect((await adminCall('/faults')).body.offline).toBe(true);
    expect((await adminCall('/offline', { offline: false })).status).toBe(200);
    expect((await http(`${sb.baseUrl}/sandbox/capabilities`)).status).toBe(200);
    await sb.admin.setOffline(true);
    await expect(fetch(`${sb.baseUrl}/sandbox/capabilities`)).rejects.toThrow();
    await sb.admin.setOffline(false);
    expect((await a.get('/v2/caseClassifications:search')).status).toBe(200);
  });

  it('admin endpoint needs the admin token and validates fault settings', async () => {
    expect((await http(`${sb.adminUrl}/faults`)).status).toBe(401);
    expect((await http(`${sb.adminUrl}/faults`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const auth = { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' };
    const bad = await http(`${sb.adminUrl}/faults`, { method: 'POST', headers: auth, body: JSON.stringify({ errorRates: { 404: 1 } }) });
    expect(bad.status).toBe(400);
    const ok = await http(`${sb.adminUrl}/faults`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ errorRates: { 503: 1 }, pathPrefixes: ['/v2/caseClassifications'] }),
    });
    expect(ok.status).toBe(200);
    expect((await a.get('/v2/caseClassifications:search')).status).toBe(503);
    expect((await a.get(`/v2/${org}/cases?pageSize=1`)).status).toBe(200);
    expect((await http(`${sb.adminUrl}/faults`, { method: 'DELETE', headers: auth })).body.errorRates).toEqual({});
    const stats = await http(`${sb.adminUrl}/stats`, { headers: auth });
    expect(stats.body['caseClassifications.search']).toBeGreaterThan(0);
    // Compare with the sandbox clock read just before, not the wall clock: a loaded machine can take a second between the two.
    const before = await http(`${sb.adminUrl}/clock`, { headers: auth });
    const adv = await http(`${sb.adminUrl}/clock:advance`, { method: 'POST', headers: auth, body: JSON.stringify({ ms: 1000 }) });
    expect(Date.parse(adv.body.now)).toBeGreaterThanOrEqual(Date.parse(before.body.now) + 1000);
  });

  it('fault decisions replay identically for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      const s = await startTestSandbox({ seed: 'replay', cases: 50, faults: { errorRates: { 503: 0.5 } } });
      try {
        const x = apiFor(s, 'agent1@reseller-a.example');
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push((await x.get('/v2/caseClassifications:search')).status);
        return out;
      } finally {
        await s.close();
      }
    };
    const [one, two] = [await run(), await run()];
    expect(one).toEqual(two);
    expect(new Set(one)).toEqual(new Set([200, 503]));
  });
});

describe('simulated Google Support', () => {
  it('picks up, asks for information and proposes a solution on the sandbox clock', async () => {
    const sb = await startTestSandbox({
      seed: 'sim',
      cases: 200,
      supportSimulation: { enabled: true, pickUpAfterMs: 60_000, replyAfterMs: 120_000 },
    });
    try {
      let a = apiFor(sb, 'agent1@reseller-a.example');
      const org = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
      const c = (await createCase(a, org)).body;
      sb.admin.advanceClock(59_000);
      expect((await a.get(`/v2/${c.name}`)).body.state).toBe('NEW');
      sb.admin.advanceClock(2_000);
      const picked = (await a.get(`/v2/${c.name}`)).body;
      expect(picked.state).toBe('IN_PROGRESS_GOOGLE_SUPPORT');
      expect(Date.parse(picked.updateTime)).toBeGreaterThan(Date.parse(c.updateTime));
      sb.admin.advanceClock(121_000);
      const asked = (await a.get(`/v2/${c.name}`)).body;
      expect(asked.state).toBe('ACTION_REQUIRED');
      const comments = (await a.get(`/v2/${c.name}/comments`)).body.comments;
      expect(comments[0].creator.googleSupport).toBe(true);
      expect(comments.length).toBe(2);
      await a.post(`/v2/${c.name}/comments`, { body: 'Headers attached.' });
      expect((await a.get(`/v2/${c.name}`)).body.state).toBe('IN_PROGRESS_GOOGLE_SUPPORT');
      sb.admin.advanceClock(121_000);
      a = apiFor(sb, 'agent1@reseller-a.example');
      expect((await a.get(`/v2/${c.name}`)).body.state).toBe('SOLUTION_PROVIDED');
      const changed = await a.get(`/v2/${org}/cases:search?query=${enc(`update_time>"${asked.updateTime}"`)}`);
      expect(changed.body.cases.map((x: any) => x.name)).toContain(c.name);
    } finally {
      await sb.close();
    }
  });
});

describe('persistence', () => {
  it('a restart on the same data dir keeps cases, comments, attachments, customers, grants and the clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-persist-'));
    try {
      const first = await startTestSandbox({ seed: 'persist', cases: 300, dataDir: dir });
      const a = apiFor(first, 'agent1@reseller-a.example');
      const org = customerWhere(first, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
      const c = (await createCase(a, org, { displayName: 'Persistent narwhal' })).body;
      await a.post(`/v2/${c.name}/comments`, { body: 'kept across restarts' });
      const up = await a.raw(`/upload/v2/${c.name}/attachments?attachment.filename=keep.txt`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'bytes survive',
      });
      const seeded = (await a.get(`/v2/${org}/cases:search?query=${enc('state=OPEN')}&pageSize=1`)).body.cases[0];
      const patched = (await a.patch(`/v2/${seeded.name}?updateMask=priority`, { priority: 'P0' })).body;
      const seededComments = (await a.get(`/v2/${seeded.name}/comments?pageSize=100`)).body;
      const victim = customerWhere(first, 'reseller-a.example', (x) => x.readers.length > 0 && x.organization !== org);
      first.admin.transferCustomer(victim.customerId);
      const { tokens } = await signIn(first, 'agent2@reseller-a.example');
      first.admin.advanceClock(3 * 86_400_000);
      const clockBefore = first.admin.now().getTime();
      const caseCount = first.admin.caseCount();
      await first.close();
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(existsSync(join(dir, 'state.json'))).toBe(true);

      const second = await startTestSandbox({ seed: 'ignored-on-restore', dataDir: dir });
      try {
        expect(second.admin.caseCount()).toBe(caseCount);
        expect(second.admin.now().getTime()).toBeGreaterThanOrEqual(clockBefore);
        const refreshed = await tokenRequest(second, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
        expect(refreshed.status).toBe(200);
        const b = apiFor(second, 'agent1@reseller-a.example');
        const got = (await b.get(`/v2/${c.name}`)).body;
        expect(got.displayName).toBe('Persistent narwhal');
        expect((await b.get(`/v2/${c.name}/comments`)).body.comments[0].body).toBe('kept across restarts');
        const res = await fetch(`${second.baseUrl}/v2/${up.body.name}:download?alt=media`, {
          headers: { authorization: `Bearer ${b.token}` },
        });
        expect(await res.text()).toBe('bytes survive');
        expect((await b.get(`/v2/${seeded.name}`)).body).toEqual(patched);
        expect((await b.get(`/v2/${seeded.name}/comments?pageSize=100`)).body).toEqual(seededComments);
        expect((await b.get(`/v2/${victim.organization}/cases`)).status).toBe(403);
        expect((await b.get(`/v2/${org}/cases:search?query=${enc('"narwhal"')}`)).body.cases.map((x: any) => x.name)).toEqual([c.name]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same seed gives the same world; another seed a different one', async () => {
    const names = async (seed: string): Promise<string[]> => {
      const s = await startTestSandbox({ seed, cases: 600, startTime: new Date('2026-06-01T00:00:00Z') });
      try {
        const x = apiFor(s, 'agent1@reseller-a.example');
        const org = customerWhere(s, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
        return ((await x.get(`/v2/${org}/cases:search?pageSize=50`)).body.cases ?? []).map(
          (c: any) => `${c.name}|${c.displayName}|${c.updateTime}`,
        );
      } finally {
        await s.close();
      }
    };
    const [a1, a2, b1] = [await names('w1'), await names('w1'), await names('w2')];
    expect(a1).toEqual(a2);
    expect(a1).not.toEqual(b1);
  });
});

describe('robustness', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'garbage', cases: 100 });
  });
  afterAll(() => sb.close());

  it('survives protocol garbage, bad encodings and oversized bodies, and keeps answering', async () => {
    const port = Number(new URL(sb.baseUrl).port);
    await new Promise<void>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => sock.end('\x00\x01GARBAGE / HTTP/9.9\r\n\r\n\xff\xfe'));
      sock.on('data', () => undefined);
      sock.on('close', () => resolve());
      sock.on('error', () => resolve());
    });
    const a = apiFor(sb, 'agent1@reseller-a.example');
    expect((await a.get('/v2/organizations/%E0%A4%A/cases')).status).toBe(400);
    const org = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
    const huge = await a.post(`/v2/${org}/cases`, JSON.stringify({ displayName: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(400);
    const nested = await a.post(`/v2/${org}/cases`, '{"__proto__": {"polluted": true}, "displayName": "x"}');
    expect(nested.status).toBe(400);
    expect(({} as any).polluted).toBeUndefined();
    const unknown = await a.get('/v2/nothing/here/at/all/really/deep/path');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.status).toBe('NOT_FOUND');
    expect((await a.raw(`/v2/${org}/cases`, { method: 'DELETE' })).status).toBe(404);
    expect((await a.post(`/v2/${org}/cases`, 'null')).status).toBe(400);
    expect((await a.raw(`/v2/${org}/cases`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' })).status).toBe(
      400,
    );
    expect((await a.get('/v2/caseClassifications:search')).status).toBe(200);
  });
});
