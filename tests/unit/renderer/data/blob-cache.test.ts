import { describe, expect, it } from 'vitest';
import {
  clearCache,
  evictToCap,
  getBlob,
  hasBlob,
  markUploaded,
  pinCase,
  putBlob,
  unpinCase,
  usage,
} from '../../../../renderer/data/blob-cache';
import { freshDbs } from './fixtures';

const db = freshDbs();

function bytes(n: number, fill = 1): Blob {
  return new Blob([new Uint8Array(n).fill(fill)], { type: 'application/octet-stream' });
}

describe('attachment blob cache', () => {
  it('round-trips bytes and type, and getBlob refreshes lastAccessedAt', async () => {
    const a = db();
    await putBlob(a, { attachmentName: 'att-1', caseName: 'case-1', blob: new Blob(['hello log'], { type: 'text/plain' }) }, 100);
    const blob = await getBlob(a, 'att-1', 500);
    expect(blob).toBeInstanceOf(Blob);
    expect(blob?.type).toBe('text/plain');
    expect(await blob?.text()).toBe('hello log');
    expect((await a.blobs.get('att-1'))?.lastAccessedAt).toBe(500);
    expect(await getBlob(a, 'missing')).toBeUndefined();
    expect(await hasBlob(a, 'att-1')).toBe(true);
  });

  it('reports usage per account, with pinned and pending bytes', async () => {
    const a = db();
    await putBlob(a, { attachmentName: 'x', caseName: 'c1', blob: bytes(100) });
    await putBlob(a, { attachmentName: 'y', caseName: 'c2', blob: bytes(50) });
    await putBlob(a, { attachmentName: 'local:z', caseName: 'c2', blob: bytes(25), pendingUpload: true });
    await pinCase(a, 'c1');
    expect(await usage(a)).toEqual({ accountId: a.accountId, bytes: 175, files: 3, pinnedBytes: 100, pendingUploadBytes: 25 });
  });

  it('evicts only least-recently-used, unpinned, already-uploaded blobs across accounts', async () => {
    const a = db();
    const b = db();
    // Access times: lower = older. Each file is 100 bytes; 8 files = 800 bytes.
    await putBlob(a, { attachmentName: 'a-old', caseName: 'a-c1', blob: bytes(100) }, 1);
    await putBlob(a, { attachmentName: 'a-pinned-oldest', caseName: 'a-pinned', blob: bytes(100) }, 0);
    await putBlob(a, { attachmentName: 'a-pending-old', caseName: 'a-c1', blob: bytes(100), pendingUpload: true }, 0);
    await putBlob(a, { attachmentName: 'a-new', caseName: 'a-c1', blob: bytes(100) }, 90);
    await putBlob(b, { attachmentName: 'b-old', caseName: 'b-c1', blob: bytes(100) }, 2);
    await putBlob(b, { attachmentName: 'b-mid', caseName: 'b-c1', blob: bytes(100) }, 50);
    await putBlob(b, { attachmentName: 'b-recent', caseName: 'b-c1', blob: bytes(100) }, 80);
    await putBlob(b, { attachmentName: 'b-touched', caseName: 'b-c1', blob: bytes(100) }, 3);
    await pinCase(a, 'a-pinned');
    await getBlob(b, 'b-touched', 95); // opening a file makes it recent

    const result = await evictToCap([a, b], 450);
    expect(result.bytesBefore).toBe(800);
    expect(result.evicted.map((e) => e.attachmentName)).toEqual(['a-old', 'b-old', 'b-mid', 'b-recent']);
    expect(result.bytesAfter).toBe(400);
    expect(result.overCap).toBe(false);
    expect((await a.blobs.toCollection().primaryKeys()).sort()).toEqual(['a-new', 'a-pending-old', 'a-pinned-oldest']);
    expect((await b.blobs.toCollection().primaryKeys()).sort()).toEqual(['b-touched']);
  });

  it('stays over the cap rather than evict pinned or pending files; unpinning frees them', async () => {
    const a = db();
    await putBlob(a, { attachmentName: 'p', caseName: 'pinned', blob: bytes(300) }, 1);
    await putBlob(a, { attachmentName: 'u', caseName: 'c', blob: bytes(300), pendingUpload: true }, 1);
    await pinCase(a, 'pinned');
    const r1 = await evictToCap([a], 100);
    expect(r1).toMatchObject({ evicted: [], overCap: true, bytesAfter: 600 });
    await unpinCase(a, 'pinned');
    const r2 = await evictToCap([a], 400);
    expect(r2.evicted.map((e) => e.attachmentName)).toEqual(['p']);
    expect(await a.blobs.toCollection().primaryKeys()).toEqual(['u']);
  });

  it('a confirmed upload becomes evictable under its server name', async () => {
    const a = db();
    await putBlob(a, { attachmentName: 'local:1', caseName: 'c', blob: bytes(10), pendingUpload: true }, 1);
    await markUploaded(a, 'local:1', 'c/attachments/9');
    expect(await a.blobs.toCollection().primaryKeys()).toEqual(['c/attachments/9']);
    expect((await a.blobs.get('c/attachments/9'))?.pendingUpload).toBe(0);
    expect((await evictToCap([a], 0)).evicted).toHaveLength(1);
  });

  it('clearCache removes everything but pending uploads', async () => {
    const a = db();
    await putBlob(a, { attachmentName: 'x', caseName: 'c', blob: bytes(10) });
    await putBlob(a, { attachmentName: 'local:y', caseName: 'c', blob: bytes(10), pendingUpload: true });
    await pinCase(a, 'c');
    expect(await clearCache(a)).toBe(1);
    expect(await a.blobs.toCollection().primaryKeys()).toEqual(['local:y']);
  });
});
