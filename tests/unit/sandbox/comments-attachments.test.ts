/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentSchema, CommentSchema, ListAttachmentsResponseSchema } from '../../../shared/api';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { apiFor, createCase, customerWhere, type Api, startTestSandbox } from './helpers';

const MAX = 64 * 1024;
let sb: SandboxHandle;
let a: Api;
let org: string;
let orgA: string;

beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'threads', maxAttachmentBytes: MAX });
  a = apiFor(sb, 'agent1@reseller-a.example');
  org = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
  orgA = org;
});
afterAll(() => sb.close());

async function casesWithAttachments(): Promise<{ name: string; attachments: any[] }[]> {
  const all = (await a.get(`/v2/${orgA}/cases:search?pageSize=300`)).body.cases;
  const out: { name: string; attachments: any[] }[] = [];
  for (const c of all) {
    const r = await a.get(`/v2/${c.name}/attachments?pageSize=100`);
    if (r.body.attachments !== undefined) out.push({ name: c.name, attachments: r.body.attachments });
  }
  return out;
}

describe('comments', () => {
  it('seeded threads mix Google Support, agent and customer comments, newest first', async () => {
    const closed = (await a.get(`/v2/${orgA}/cases:search?query=state%3DCLOSED&pageSize=20`)).body.cases;
    let sawGoogle = false;
    let sawOther = false;
    for (const c of closed) {
      const r = await a.get(`/v2/${c.name}/comments?pageSize=100`);
      const comments = r.body.comments.map((x: any) => CommentSchema.parse(x));
      for (let i = 1; i < comments.length; i++) expect(comments[i - 1].createTime >= comments[i].createTime).toBe(true);
      for (const cm of comments) {
        if (cm.creator?.googleSupport === true) {
          sawGoogle = true;
          expect(cm.creator.email).toBeUndefined();
        } else sawOther = true;
      }
    }
    expect(sawGoogle && sawOther).toBe(true);
  });

  it('creates a comment, bumps updateTime, pages newest first', async () => {
    const c = (await createCase(a, org)).body;
    const created = [];
    for (let i = 0; i < 3; i++) {
      const r = await a.post(`/v2/${c.name}/comments`, { body: `message ${i}` });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        body: `message ${i}`,
        plainTextBody: `message ${i}`,
        creator: { email: 'agent1@reseller-a.example' },
      });
      expect(r.body.name).toMatch(new RegExp(`^${c.name}/comments/\\d+$`));
      created.push(r.body);
    }
    const after = (await a.get(`/v2/${c.name}`)).body;
    expect(Date.parse(after.updateTime)).toBeGreaterThan(Date.parse(c.updateTime));
    const p1 = await a.get(`/v2/${c.name}/comments?pageSize=2`);
    expect(p1.body.comments.map((x: any) => x.body)).toEqual(['message 2', 'message 1']);
    const p2 = await a.get(`/v2/${c.name}/comments?pageSize=2&pageToken=${encodeURIComponent(p1.body.nextPageToken)}`);
    expect(p2.body.comments.map((x: any) => x.body)).toEqual(['message 0']);
    expect(p2.body.nextPageToken).toBeUndefined();
    expect((await a.get(`/v2/${created[0].name}`)).body.body).toBe('message 0');
    expect(sb.admin.listAllComments(c.name).map((x) => x.body)).toEqual(['message 0', 'message 1', 'message 2']);
  });

  it('validates comment bodies', async () => {
    const c = (await createCase(a, org)).body;
    expect((await a.post(`/v2/${c.name}/comments`, {})).status).toBe(400);
    expect((await a.post(`/v2/${c.name}/comments`, { body: 'x'.repeat(12_801) })).status).toBe(400);
    expect((await a.post(`/v2/${c.name}/comments`, { body: 'hi', colour: 1 })).status).toBe(400);
    expect((await a.post(`/v2/${c.name}/comments`, { body: 5 })).status).toBe(400);
    expect(sb.admin.listAllComments(c.name)).toEqual([]);
    await a.post(`/v2/${c.name}:close`);
    expect((await a.post(`/v2/${c.name}/comments`, { body: 'late' })).body.error.status).toBe('FAILED_PRECONDITION');
  });
});

describe('attachments', () => {
  it('seeded attachments include a log, mail headers, a PNG and a PDF with real bytes', async () => {
    const withAtt = await casesWithAttachments();
    const seen = new Map<string, { caseName: string; att: any }>();
    for (const c of withAtt) for (const att of c.attachments) seen.set(att.mimeType + att.filename, { caseName: c.name, att });
    const kinds = [...seen.values()].map((v) => v.att.filename);
    expect(kinds).toEqual(expect.arrayContaining(['sync-client.log', 'message-headers.txt', 'screenshot.png', 'error-report.pdf']));
    for (const { att } of seen.values()) {
      const meta = AttachmentSchema.parse(att);
      const res = await fetch(`${sb.baseUrl}/v2/${meta.name}:download?alt=media`, { headers: { authorization: `Bearer ${a.token}` } });
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(String(bytes.length)).toBe(meta.sizeBytes);
      expect(res.headers.get('content-type')).toBe(meta.mimeType);
      if (meta.mimeType === 'image/png') expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      if (meta.mimeType === 'application/pdf') expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    }
  });

  it('uploads raw bytes with attachment.filename and downloads them back', async () => {
    const c = (await createCase(a, org)).body;
    const data = Buffer.from('line 1\nline 2\n');
    const up = await a.raw(`/upload/v2/${c.name}/attachments?attachment.filename=report.txt&uploadType=media`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: data,
    });
    expect(up.status).toBe(200);
    const att = AttachmentSchema.parse(up.body);
    expect(att).toMatchObject({
      filename: 'report.txt',
      mimeType: 'text/plain',
      sizeBytes: String(data.length),
      creator: { email: 'agent1@reseller-a.example' },
    });
    expect(att.name).toMatch(new RegExp(`^${c.name}/attachments/06[0-9A-Za-z]{16}$`));
    const list = ListAttachmentsResponseSchema.parse((await a.get(`/v2/${c.name}/attachments`)).body);
    expect(list.attachments?.map((x) => x.name)).toEqual([att.name]);
    const res = await fetch(`${sb.baseUrl}/v2/${att.name}:download?alt=media`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
    expect((await a.get(`/v2/${att.name}`)).body).toEqual(up.body);
  });

  it('uploads multipart/related the way googleapis sends it', async () => {
    const c = (await createCase(a, org)).body;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const body = Buffer.concat([
      Buffer.from(
        '--B\r\ncontent-type: application/json\r\n\r\n{"attachment":{"filename":"shot.png"}}\r\n--B\r\ncontent-type: image/png\r\n\r\n',
      ),
      png,
      Buffer.from('\r\n--B--'),
    ]);
    const up = await a.raw(`/upload/v2/${c.name}/attachments?uploadType=multipart`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/related; boundary=B' },
      body,
    });
    expect(up.status, up.text).toBe(200);
    expect(up.body).toMatchObject({ filename: 'shot.png', mimeType: 'image/png', sizeBytes: String(png.length) });
    const res = await fetch(`${sb.baseUrl}/v2/${up.body.name}:download?alt=media`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses oversized uploads, missing filenames and bad multipart bodies without writing anything', async () => {
    const c = (await createCase(a, org)).body;
    const big = await a.raw(`/upload/v2/${c.name}/attachments?attachment.filename=big.bin`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(MAX + 1),
    });
    expect(big.status).toBe(400);
    expect(big.body.error.status).toBe('INVALID_ARGUMENT');
    expect(big.body.error.message).toMatch(/too large/);
    const exact = await a.raw(`/upload/v2/${c.name}/attachments?attachment.filename=ok.bin`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(MAX),
    });
    expect(exact.status).toBe(200);
    const noName = await a.raw(`/upload/v2/${c.name}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(noName.status).toBe(400);
    const badMultipart = await a.raw(`/upload/v2/${c.name}/attachments?uploadType=multipart`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/related; boundary=B' },
      body: '--B\r\n\r\nnot json\r\n--B--',
    });
    expect(badMultipart.status).toBe(400);
    const metadataOnly = await a.post(`/v2/${c.name}/attachments`, { attachment: { filename: 'x.txt' } });
    expect(metadataOnly.status).toBe(400);
    const list = (await a.get(`/v2/${c.name}/attachments`)).body.attachments;
    expect(list.map((x: any) => x.filename)).toEqual(['ok.bin']);
    expect((await a.get(`/v2/${c.name}/attachments/06NOPE`)).status).toBe(404);
  });

  it('attachment lists page with a bound token', async () => {
    const c = (await createCase(a, org)).body;
    for (let i = 0; i < 3; i++)
      await a.raw(`/upload/v2/${c.name}/attachments?attachment.filename=f${i}.txt`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: `${i}`,
      });
    const p1 = await a.get(`/v2/${c.name}/attachments?pageSize=2`);
    expect(p1.body.attachments.map((x: any) => x.filename)).toEqual(['f0.txt', 'f1.txt']);
    const p2 = await a.get(`/v2/${c.name}/attachments?pageSize=2&pageToken=${encodeURIComponent(p1.body.nextPageToken)}`);
    expect(p2.body.attachments.map((x: any) => x.filename)).toEqual(['f2.txt']);
    const other = (await createCase(a, org)).body;
    expect((await a.get(`/v2/${other.name}/attachments?pageToken=${encodeURIComponent(p1.body.nextPageToken)}`)).status).toBe(400);
  });
});
