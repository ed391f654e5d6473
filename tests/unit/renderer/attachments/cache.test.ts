import { describe, expect, it } from 'vitest';
import { calls, fakeMain } from './fake-bridge';
import { AppError } from '../../../../shared/ipc';
import { getBlob, hasBlob, pinCase, putBlob } from '../../../../renderer/data';
import { downloadToCache, openCachedAttachment } from '../../../../renderer/features/attachments/cache';
import { TEXT_PREVIEW_MAX_BYTES } from '../../../../renderer/features/attachments/checks';
import { freshDbs } from '../data/fixtures';

const MIB = 1024 * 1024;
const db = freshDbs();

const mib = (n: number, fill = 1): Blob => new Blob([new Uint8Array(n * MIB).fill(fill)]);

/** Main serving one file in ≤ 1 MiB chunks, like attachments.readChunk does. */
function serve(bytes: Uint8Array, mimeType = 'application/octet-stream'): void {
  let at = 0;
  fakeMain((channel) => {
    if (channel === 'attachments.openDownload') return { downloadId: crypto.randomUUID(), sizeBytes: bytes.byteLength, mimeType };
    if (channel === 'attachments.readChunk') {
      const chunk = bytes.slice(at, Math.min(at + MIB, bytes.byteLength));
      at += chunk.byteLength;
      return { bytes: chunk, done: at >= bytes.byteLength, received: at };
    }
    if (channel === 'attachments.cancelDownload') return {};
    throw new Error(`unexpected ${channel}`);
  });
}

describe('download to the offline cache', () => {
  it('streams the file in ≤ 1 MiB chunks with progress and stores it as a Blob that opens offline', async () => {
    const a = db();
    const content = new Uint8Array(2.5 * MIB).map((_, i) => i % 251);
    serve(content, 'text/plain');
    const seen: number[] = [];
    await downloadToCache({ db: a, caseName: 'c1', attachmentName: 'c1/attachments/1', allDbs: () => [a], capMb: () => 1024 }, (received) =>
      seen.push(received),
    );
    expect(seen).toEqual([0, MIB, 2 * MIB, 2.5 * MIB]);
    expect(calls.filter((c) => c.channel === 'attachments.readChunk')).toHaveLength(3);
    const blob = await getBlob(a, 'c1/attachments/1');
    expect(blob?.size).toBe(content.byteLength);
    const stored = new Uint8Array(await blob!.arrayBuffer());
    expect(stored.every((byte, i) => byte === content[i])).toBe(true);
  });

  it('fills the cache past its cap: only least-recently-used, unpinned, already-uploaded files are evicted, across accounts', async () => {
    const a = db();
    const b = db();
    // Older access time = lower number. 1 MiB each.
    await putBlob(a, { attachmentName: 'a-oldest', caseName: 'a-case', blob: mib(1) }, 1);
    await putBlob(a, { attachmentName: 'a-pinned', caseName: 'a-pinned-case', blob: mib(1) }, 0);
    await putBlob(a, { attachmentName: 'local:a-upload', caseName: 'a-case', blob: mib(1), pendingUpload: true }, 0);
    await putBlob(b, { attachmentName: 'b-old', caseName: 'b-case', blob: mib(1) }, 2);
    await putBlob(b, { attachmentName: 'b-recent', caseName: 'b-case', blob: mib(1) }, Date.now() - 1000);
    await pinCase(a, 'a-pinned-case');

    // Cap 5 MiB; the download brings the total to 6 MiB, then 2 more files to make room for.
    serve(new Uint8Array(1 * MIB).fill(7));
    await downloadToCache({ db: a, caseName: 'a-case', attachmentName: 'a-new', allDbs: () => [a, b], capMb: () => 5 }, undefined);
    expect(await hasBlob(a, 'a-oldest')).toBe(false);
    expect(await hasBlob(b, 'b-old')).toBe(true);
    serve(new Uint8Array(1 * MIB).fill(8));
    await downloadToCache({ db: b, caseName: 'b-case', attachmentName: 'b-new', allDbs: () => [a, b], capMb: () => 5 }, undefined);

    expect(await hasBlob(b, 'b-old')).toBe(false);
    for (const [d, name] of [
      [a, 'a-pinned'],
      [a, 'local:a-upload'],
      [a, 'a-new'],
      [b, 'b-recent'],
      [b, 'b-new'],
    ] as const)
      expect(await hasBlob(d, name), name).toBe(true);
  });

  it("cancels main's download when a chunk fails, and stores nothing", async () => {
    const a = db();
    let reads = 0;
    fakeMain((channel) => {
      if (channel === 'attachments.openDownload') return { downloadId: crypto.randomUUID(), mimeType: 'image/png' };
      if (channel === 'attachments.readChunk') {
        reads += 1;
        if (reads > 1) throw new AppError('unavailable', 'gone');
        return { bytes: new Uint8Array(10), done: false, received: 10 };
      }
      return {};
    });
    await expect(downloadToCache({ db: a, caseName: 'c', attachmentName: 'x', allDbs: () => [a], capMb: () => 16 })).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect(calls.map((c) => c.channel)).toContain('attachments.cancelDownload');
    expect(await hasBlob(a, 'x')).toBe(false);
  });
});

describe('openCachedAttachment', () => {
  it('gives text files as text (capped), images and PDFs as object URLs, and refuses files not cached', async () => {
    const a = db();
    const long = 'x'.repeat(TEXT_PREVIEW_MAX_BYTES + 10);
    await putBlob(a, { attachmentName: 'log', caseName: 'c', blob: new Blob([long], { type: 'text/plain' }) });
    await putBlob(a, { attachmentName: 'page', caseName: 'c', blob: new Blob(['<script>alert(1)</script>'], { type: 'text/html' }) });
    await putBlob(a, { attachmentName: 'shot', caseName: 'c', blob: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }) });
    await putBlob(a, { attachmentName: 'doc', caseName: 'c', blob: new Blob(['%PDF-1.4'], { type: 'application/pdf' }) });
    await putBlob(a, { attachmentName: 'har', caseName: 'c', blob: new Blob(['{"log":{}}'], { type: 'application/octet-stream' }) });

    const log = await openCachedAttachment(a, 'log', 'server.log');
    expect(log).toMatchObject({ kind: 'text', truncated: true });
    expect(log.text).toHaveLength(TEXT_PREVIEW_MAX_BYTES);
    // Markup is text, never a document.
    expect(await openCachedAttachment(a, 'page', 'page.html')).toMatchObject({
      kind: 'text',
      text: '<script>alert(1)</script>',
      truncated: false,
    });
    expect((await openCachedAttachment(a, 'shot', 'shot.png')).url).toMatch(/^blob:/);
    expect(await openCachedAttachment(a, 'doc', 'doc.pdf')).toMatchObject({ kind: 'pdf' });
    expect(await openCachedAttachment(a, 'har', 'session.har')).toMatchObject({ kind: 'text', text: '{"log":{}}' });
    await expect(openCachedAttachment(a, 'missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});
