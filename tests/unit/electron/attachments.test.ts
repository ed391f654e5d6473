import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';

// Attachment transfers through the core over real HTTP: checks before staging,
// chunked staging into the durable outbox, upload with progress, chunked download.

const sender = { url: 'test', isMainFrame: true };
let fixture: CoreFixture;
let accountId: string;
let caseName: string;

type Ok<T> = { ok: true; value: T };
const call = async <T>(channel: string, request: unknown): Promise<T> => {
  const result = await fixture.core.dispatch(channel, request, sender);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return (result as Ok<T>).value;
};

beforeAll(async () => {
  fixture = await createCoreFixture({ sandbox: { maxAttachmentBytes: 8 * 1024 * 1024 } });
  accountId = await fixture.signIn('agent1@reseller-a.example');
  const synced = fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
  const replica = await fixture.openReplica(accountId);
  await synced;
  const authorised = new Set(
    [...replica.customers.values()].filter((customer) => customer.access === 'authorized').map((customer) => customer.customerId),
  );
  caseName = [...replica.cases.values()].find((record) => record.state !== 'CLOSED' && authorised.has(record.customerId))?.name ?? '';
});
afterAll(async () => fixture?.close());

describe('attachment checks before anything is queued', () => {
  it.each([
    [{ filename: 'setup.exe', mimeType: 'application/octet-stream', sizeBytes: 10 }, 'invalid_request'],
    [{ filename: 'empty.log', mimeType: 'text/plain', sizeBytes: 0 }, 'invalid_request'],
    [{ filename: 'huge.zip', mimeType: 'application/zip', sizeBytes: 9 * 1024 * 1024 }, 'payload_too_large'],
  ])('refuses %o with %s', async (file, code) => {
    await expect(call('attachments.stageBegin', { accountId, ...file })).rejects.toMatchObject({ code });
    expect(await call<unknown[]>('mutations.list', { accountId })).toEqual([]);
  });

  it('sanitizes the name', async () => {
    const staged = await call<{ uploadId: string; filename: string }>('attachments.stageBegin', {
      accountId,
      filename: '../../etc/pass\u0007wd.log',
      mimeType: 'text/plain',
      sizeBytes: 3,
    });
    expect(staged.filename).not.toMatch(/[/\\]/);
    expect(staged.filename.includes('\u0007')).toBe(false);
    await call('attachments.stageAbort', { accountId, uploadId: staged.uploadId });
  });
});

describe('upload and download', () => {
  it('stages in chunks, uploads with progress, and downloads the same bytes in ≤ 1 MiB chunks', async () => {
    const size = 3 * 1024 * 1024 + 123;
    const bytes = new Uint8Array(size).map((_, index) => (index * 7) % 251);
    const progress: number[] = [];
    fixture.core.events.subscribe((event, payload) => {
      if (event === 'attachments.uploadProgress') progress.push((payload as { sentBytes: number }).sentBytes);
    });
    const { uploadId } = await call<{ uploadId: string }>('attachments.stageBegin', {
      accountId,
      filename: 'mail-headers.log',
      mimeType: 'text/plain',
      sizeBytes: size,
    });
    for (let offset = 0; offset < size; offset += 1024 * 1024) {
      await call('attachments.stageChunk', {
        accountId,
        uploadId,
        offset,
        bytes: bytes.subarray(offset, Math.min(size, offset + 1024 * 1024)),
      });
    }
    const idle = fixture.waitForStatus(accountId, (status) => !status.syncing && status.pending === 0);
    const entry = await call<{ status: string; mutation: { kind: string } }>('attachments.stageCommit', {
      accountId,
      uploadId,
      caseRef: caseName,
    });
    expect(entry).toMatchObject({ status: 'queued', mutation: { kind: 'upload_attachment' } });
    await idle;
    expect(progress.at(-1)).toBeGreaterThanOrEqual(size);

    const token = fixture.sandbox.admin.mintTokens('agent1@reseller-a.example').accessToken;
    const listed = (await (
      await fetch(`${fixture.sandbox.baseUrl}/v2/${caseName}/attachments?pageSize=100`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      attachments: { name: string; filename: string; sizeBytes: string }[];
    };
    const uploaded = listed.attachments.filter((attachment) => attachment.filename === 'mail-headers.log');
    expect(uploaded).toHaveLength(1);
    expect(Number(uploaded[0]?.sizeBytes)).toBe(size);

    const download = await call<{ downloadId: string }>('attachments.openDownload', { accountId, attachmentName: uploaded[0]?.name });
    const parts: Uint8Array[] = [];
    for (;;) {
      const chunk = await call<{ bytes: Uint8Array; done: boolean }>('attachments.readChunk', {
        accountId,
        downloadId: download.downloadId,
      });
      expect(chunk.bytes.byteLength).toBeLessThanOrEqual(1024 * 1024);
      parts.push(chunk.bytes);
      if (chunk.done) break;
    }
    expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
  });
});
