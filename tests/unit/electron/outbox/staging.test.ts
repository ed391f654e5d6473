import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../../shared/ipc/outbox';
import { accountId, open, serverCase, tempDir } from './helpers';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function upload(stagedFileId: string, sizeBytes: number): Mutation {
  return { kind: 'upload_attachment', caseRef: serverCase, stagedFileId, filename: 'har.txt', mimeType: 'text/plain', sizeBytes };
}

describe('staged upload bytes', () => {
  it('stages bytes, streams and files with size and sha256, and reads them back', async () => {
    const dir = tempDir();
    const outbox = await open(dir);
    const bytes = Buffer.from('GET /mail 200\n'.repeat(1000));
    const source = path.join(dir, 'picked.txt');
    writeFileSync(source, bytes);
    for (const input of [bytes, Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)]), { path: source }]) {
      const staged = await outbox.staging.stageFile(input);
      expect(staged).toMatchObject({ sizeBytes: bytes.length, sha256: sha256(bytes) });
      expect(await text(outbox.staging.openStaged(staged.stagedFileId))).toBe(bytes.toString());
    }
    expect(readdirSync(outbox.staging.dir).some((name) => name.startsWith('.tmp-'))).toBe(false);
    await outbox.close();
  });

  it('refuses ids that are not staged-file ids (no path traversal)', async () => {
    const outbox = await open(tempDir());
    expect(() => outbox.staging.openStaged('../outbox.journal')).toThrow();
    await expect(outbox.staging.removeStaged('../../etc')).rejects.toThrow();
    expect(await outbox.staging.has('../outbox.journal')).toBe(false);
    await outbox.close();
  });

  it('sweeps files no entry references on open: staged-then-crashed, done uploads, temp leftovers', async () => {
    const dir = tempDir();
    const outbox = await open(dir);
    const kept = await outbox.staging.stageFile(Buffer.from('queued upload'));
    const uploaded = await outbox.staging.stageFile(Buffer.from('already uploaded'));
    const orphan = await outbox.staging.stageFile(Buffer.from('never queued'));
    await outbox.enqueue(upload(kept.stagedFileId, kept.sizeBytes));
    const done = await outbox.enqueue(upload(uploaded.stagedFileId, uploaded.sizeBytes));
    // This session staged them, so a sweep now leaves them to the caller.
    expect(await outbox.staging.orphanSweep([])).toEqual([]);
    await outbox.markInFlight(done.id);
    await outbox.markDone(done.id, `${serverCase}/attachments/0684M00000P3h1fQAB`);
    await outbox.close();
    writeFileSync(path.join(dir, accountId, 'staged', '.tmp-3f1c1a52-8a3e-4cc4-9a52-1f6f0d1a2b3c'), 'half');
    const again = await open(dir);
    expect(readdirSync(again.staging.dir)).toEqual([kept.stagedFileId]);
    expect(existsSync(path.join(again.staging.dir, orphan.stagedFileId))).toBe(false);
    await again.staging.removeStaged(kept.stagedFileId);
    expect(await again.staging.has(kept.stagedFileId)).toBe(false);
    await again.close();
  });
});
