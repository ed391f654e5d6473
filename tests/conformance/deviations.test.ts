/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox/index';
import { apiFor, enc, type Api } from '../unit/sandbox/helpers';
import { loadDiscovery, validate } from './discovery';

// Each smaller deviation from Google that issue 13 lists, as a test that fails
// on the old behaviour (extensions off).

const AGENT = 'agent1@reseller-a.example';
const CS = loadDiscovery('cloudsupport-v2');
let sb: SandboxHandle;
let a: Api;
let org: string;
let caseName: string;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'deviations', cases: 1500, supportSimulation: { enabled: false } });
  a = apiFor(sb, AGENT);
  const c = sb.admin.customers().find((x) => x.writers.includes(AGENT) && x.projects.length === 0);
  org = c?.organization ?? '';
  caseName = (await a.get(`/v2/${org}/cases?pageSize=1&filter=${enc('state=OPEN')}`)).body.cases[0].name;
});
afterAll(() => sb.close());

describe('deviations from Google that are gone', () => {
  it('organizations:search accepts owner.directoryCustomerId: and case-insensitive keys', async () => {
    const c = sb.admin.customers().find((x) => x.readers.includes(AGENT));
    for (const q of [`owner.directoryCustomerId:${c?.customerId}`, `DIRECTORYCUSTOMERID:${c?.customerId}`, `DOMAIN:${c?.customerDomain}`]) {
      const r = await a.get(`/v3/organizations:search?query=${enc(q)}`);
      expect(r.status, q).toBe(200);
      expect(
        r.body.organizations.map((o: any) => o.name),
        q,
      ).toEqual([c?.organization]);
    }
  });

  it('Reseller maxResults outside 1–100 is a 400', async () => {
    for (const n of ['0', '101', '1000']) expect((await a.get(`/apps/reseller/v1/subscriptions?maxResults=${n}`)).status, n).toBe(400);
    expect((await a.get('/apps/reseller/v1/subscriptions?maxResults=100')).status).toBe(200);
  });

  it('state= accepts only OPEN and CLOSED', async () => {
    expect((await a.get(`/v2/${org}/cases?filter=${enc('state=NEW')}`)).status).toBe(400);
    expect((await a.get(`/v2/${org}/cases?filter=${enc('state=CLOSED')}`)).status).toBe(200);
  });

  it('fields= selects a partial response', async () => {
    const r = await a.get(`/v2/${org}/cases?pageSize=3&fields=${enc('cases(name,state),nextPageToken')}`);
    expect(r.status).toBe(200);
    for (const c of r.body.cases) expect(Object.keys(c).sort()).toEqual(['name', 'state']);
    expect(typeof r.body.nextPageToken).toBe('string');
    const nested = await a.get(`/v2/${caseName}?fields=${enc('creator/username,priority')}`);
    expect(Object.keys(nested.body).sort()).toEqual(['creator', 'priority']);
    expect(Object.keys(nested.body.creator)).toEqual(['username']);
    expect((await a.get(`/v2/${caseName}?fields=${enc('creator(')}`)).status).toBe(400);
  });

  it('a %2F-encoded resource name is not routed', async () => {
    const encoded = caseName.replaceAll('/', '%2F');
    expect((await a.get(`/v2/${encoded}`)).status).toBe(404);
    expect((await a.get(`/v2/${org.replace('/', '%2F')}/cases`)).status).toBe(404);
  });

  it('media.upload ignores output-only fields in the metadata', async () => {
    const boundary = 'b0undary';
    const meta = JSON.stringify({
      attachment: { filename: 'x.txt', sizeBytes: '999', createTime: '2020-01-01T00:00:00Z', mimeType: 'a/b' },
    });
    const body = `--${boundary}\r\ncontent-type: application/json\r\n\r\n${meta}\r\n--${boundary}\r\ncontent-type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const r = await a.raw(`/upload/v2/${caseName}/attachments?uploadType=multipart`, {
      method: 'POST',
      headers: { 'content-type': `multipart/related; boundary=${boundary}` },
      body,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ filename: 'x.txt', sizeBytes: '5', mimeType: 'text/plain' });
  });

  it('download without alt=media answers only fields of the Media schema', async () => {
    const att = (await a.get(`/v2/${caseName}/attachments`)).body.attachments?.[0];
    const name =
      att?.name ??
      (
        await a.raw(`/upload/v2/${caseName}/attachments?attachment.filename=d.txt`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'data',
        })
      ).body.name;
    const r = await a.get(`/v2/${name}:download`);
    expect(r.status).toBe(200);
    expect(validate(CS, 'Media', r.body)).toEqual([]);
  });

  it('every actor with an email also carries username; Google Support actors carry neither', async () => {
    const cases = (await a.get(`/v2/${org}/cases:search?pageSize=50`)).body.cases;
    const actors: any[] = cases.map((c: any) => c.creator);
    for (const c of cases.slice(0, 10))
      actors.push(...((await a.get(`/v2/${c.name}/comments`)).body.comments ?? []).map((x: any) => x.creator));
    expect(actors.some((x) => x.googleSupport)).toBe(true);
    for (const x of actors) {
      if (x.googleSupport) expect(x.email ?? x.username).toBeUndefined();
      else expect(x.username).toBe(x.email);
    }
  });

  it('error details use only Google reasons and domains (no sandbox-invented ones)', async () => {
    const none = sb.admin.customers().find((c) => c.authorized && !c.transferred && c.readers.length === 0);
    const bodies = [
      (await a.get(`/v2/${none?.organization}/cases`)).body,
      (await a.post(`/v2/${none?.organization}/cases`, { displayName: 'x' })).body,
      (await a.get(`/v3/${none?.organization}`)).body,
    ];
    for (const b of bodies) {
      expect(b.error.status).toBe('PERMISSION_DENIED');
      for (const d of b.error.details ?? []) {
        if (d['@type'] !== 'type.googleapis.com/google.rpc.ErrorInfo') continue;
        expect(['iam.googleapis.com', 'googleapis.com']).toContain(d.domain);
        expect(d.reason).not.toMatch(/RESELLER/);
      }
    }
  });
});
