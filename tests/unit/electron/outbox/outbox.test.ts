import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../shared/ipc/outbox';
import { OutboxError, type Outbox, type OutboxChange } from '../../../../electron/services/sync/outbox';
import { accountId, comment, createCase, open, otherServerCase, serverCase, setPriority, tempDir } from './helpers';

const opened: Outbox[] = [];
async function track(outbox: Promise<Outbox>): Promise<Outbox> {
  const value = await outbox;
  opened.push(value);
  return value;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

async function reopen(outbox: Outbox, dir: string): Promise<Outbox> {
  await outbox.close();
  return track(open(dir));
}

const ids = (entries: readonly OutboxEntry[]): string[] => entries.map((e) => e.id);

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(OutboxError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe('outbox: enqueue and persistence', () => {
  it('stores queued entries with seq and createdAt and finds them again after reopening', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const a = await outbox.enqueue(comment(serverCase));
    const b = await outbox.enqueue(setPriority(serverCase, 'P1'));
    expect(a).toMatchObject({ accountId, seq: 0, status: 'queued', attempts: 0, createdAt: '2025-01-02T03:04:05.000Z' });
    expect(b.seq).toBe(1);
    const again = await reopen(outbox, dir);
    expect(again.list()).toEqual([a, b]);
    expect((await again.enqueue(comment(otherServerCase))).seq).toBe(2);
  });

  it('keeps seq increasing after the highest entries were discarded', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    await outbox.enqueue(comment(serverCase));
    const last = await outbox.enqueue(comment(serverCase, 'second'));
    await outbox.discard(last.id);
    const again = await reopen(outbox, dir);
    expect((await again.enqueue(comment(serverCase, 'third'))).seq).toBe(2);
  });

  it('rejects invalid mutations, unknown local cases and uploads without staged bytes', async () => {
    const outbox = await track(open(tempDir()));
    await expectCode(outbox.enqueue({ kind: 'comment', caseRef: serverCase, body: '   ' }), 'invalid_mutation');
    await expectCode(outbox.enqueue(comment('local:nope')), 'unknown_local_case');
    await expectCode(outbox.enqueue(createCase('not-local')), 'invalid_mutation');
    await expectCode(
      outbox.enqueue({
        kind: 'upload_attachment',
        caseRef: serverCase,
        stagedFileId: '3f1c1a52-8a3e-4cc4-9a52-1f6f0d1a2b3c',
        filename: 'a.txt',
        mimeType: 'text/plain',
        sizeBytes: 3,
      }),
      'staged_file_missing',
    );
    await outbox.enqueue(createCase('local:1'));
    await expectCode(outbox.enqueue(createCase('local:1')), 'invalid_mutation');
    expect(outbox.list()).toHaveLength(1);
  });

  it('serialises concurrent enqueues: distinct seqs in call order, all durable', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const entries = await Promise.all(Array.from({ length: 40 }, (_, i) => outbox.enqueue(comment(serverCase, `note ${i}`))));
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i));
    const again = await reopen(outbox, dir);
    expect(ids(again.list())).toEqual(ids(entries));
  });

  it('keeps accounts apart', async () => {
    const dir = tempDir();
    const a = await track(open(dir));
    const b = await track(open(dir, { account: 'acct-b' }));
    await Promise.all([a.enqueue(comment(serverCase)), b.enqueue(comment(otherServerCase)), b.enqueue(setPriority(otherServerCase))]);
    expect(a.list()).toHaveLength(1);
    expect(b.list().every((e) => e.accountId === 'acct-b')).toBe(true);
    expect(b.list()).toHaveLength(2);
    await expect(open(dir, { account: '../escape' })).rejects.toThrow();
  });

  it('refuses a second open of the same account until the first is closed', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await expectCode(open(dir), 'invalid_state');
    await first.close();
    await track(open(dir));
  });
});

describe('outbox: status transitions', () => {
  it('walks queued → in_flight → done and records attempts and the result name', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const entry = await outbox.enqueue(comment(serverCase));
    expect(await outbox.markInFlight(entry.id)).toMatchObject({ status: 'in_flight', attempts: 1 });
    const done = await outbox.markDone(entry.id, `${serverCase}/comments/1`);
    expect(done).toMatchObject({ status: 'done', attempts: 1, resultName: `${serverCase}/comments/1` });
    const again = await reopen(outbox, dir);
    expect(again.get(entry.id)).toEqual(done);
    expect(again.counts()).toEqual({ queued: 0, in_flight: 0, failed: 0, done: 1, pending: 0 });
  });

  it('reports entries in flight at startup as in_flight, never silently queued', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const entry = await outbox.enqueue(comment(serverCase));
    await outbox.markInFlight(entry.id);
    const again = await reopen(outbox, dir);
    expect(again.get(entry.id)?.status).toBe('in_flight');
    expect(ids(again.inFlight())).toEqual([entry.id]);
    expect(again.nextRunnable()).toEqual([]);
    // After the engine's read-back found no effect it may send again.
    expect(await again.markInFlight(entry.id)).toMatchObject({ status: 'in_flight', attempts: 2 });
  });

  it('transient failures go back to queued, permanent ones stop until retry', async () => {
    const outbox = await track(open(tempDir()));
    const entry = await outbox.enqueue(comment(serverCase));
    await outbox.markInFlight(entry.id);
    const transient = await outbox.markFailed(entry.id, { code: 'UNAVAILABLE', message: '503' }, { permanent: false });
    expect(transient).toMatchObject({ status: 'queued', lastError: { code: 'UNAVAILABLE', permanent: false } });
    await outbox.markInFlight(entry.id);
    const failed = await outbox.markFailed(entry.id, { code: 'PERMISSION_DENIED', message: 'x'.repeat(5000) }, { permanent: true });
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastError: { permanent: true } });
    expect(failed.lastError?.message).toHaveLength(2000);
    const retried = await outbox.retry(entry.id);
    expect(retried.status).toBe('queued');
    expect(retried.lastError).toBeUndefined();
  });

  it('refuses impossible transitions', async () => {
    const outbox = await track(open(tempDir()));
    const entry = await outbox.enqueue(comment(serverCase));
    await expectCode(outbox.retry(entry.id), 'invalid_state');
    await expectCode(outbox.markFailed(entry.id, { code: 'X', message: 'y' }, { permanent: false }), 'invalid_state');
    await outbox.markInFlight(entry.id);
    await expectCode(outbox.discard(entry.id), 'invalid_state');
    await expectCode(outbox.edit(entry.id, comment(serverCase, 'changed')), 'invalid_state');
    await outbox.markDone(entry.id);
    await expectCode(outbox.markInFlight(entry.id), 'invalid_state');
    await expectCode(outbox.markDone('missing'), 'not_found');
  });
});

describe('outbox: edit and discard', () => {
  it('edits a queued or failed entry in place, keeping kind and case', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const entry = await outbox.enqueue(comment(serverCase, 'typo'));
    await outbox.enqueue(comment(serverCase, 'after'));
    const edited = await outbox.edit(entry.id, comment(serverCase, 'fixed'));
    expect(edited.mutation).toEqual(comment(serverCase, 'fixed'));
    await expectCode(outbox.edit(entry.id, setPriority(serverCase)), 'invalid_mutation');
    await expectCode(outbox.edit(entry.id, comment(otherServerCase, 'moved')), 'invalid_mutation');
    const again = await reopen(outbox, dir);
    expect(again.list()[0]).toEqual(edited);
  });

  it('returns the discarded entry so its text can be offered back', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const entry = await outbox.enqueue(comment(serverCase, 'keep my words'));
    const discarded = await outbox.discard(entry.id);
    expect(discarded.mutation).toMatchObject({ body: 'keep my words' });
    expect((await reopen(outbox, dir)).list()).toEqual([]);
  });

  it('will not discard a new case that later changes still depend on', async () => {
    const outbox = await track(open(tempDir()));
    const create = await outbox.enqueue(createCase('local:a'));
    const follower = await outbox.enqueue(comment('local:a'));
    await expect(outbox.discard(create.id)).rejects.toMatchObject({ code: 'has_dependents', details: { dependentIds: [follower.id] } });
    await outbox.discard(follower.id);
    await outbox.discard(create.id);
    expect(outbox.list()).toEqual([]);
  });

  it('forgets done entries on request', async () => {
    const outbox = await track(open(tempDir()));
    const a = await outbox.enqueue(comment(serverCase));
    const b = await outbox.enqueue(comment(otherServerCase));
    await outbox.markDone(a.id);
    expect(await outbox.forgetDone()).toBe(1);
    expect(ids(outbox.list())).toEqual([b.id]);
  });
});

describe('outbox: push order', () => {
  it('runs entries in order per case and cases independently', async () => {
    const outbox = await track(open(tempDir()));
    const a1 = await outbox.enqueue(comment(serverCase, 'one'));
    const b1 = await outbox.enqueue(comment(otherServerCase, 'other'));
    const a2 = await outbox.enqueue(setPriority(serverCase));
    expect(ids(outbox.nextRunnable())).toEqual([a1.id, b1.id]);
    await outbox.markInFlight(a1.id);
    expect(ids(outbox.nextRunnable())).toEqual([b1.id]);
    await outbox.markFailed(a1.id, { code: 'FAILED_PRECONDITION', message: 'closed' }, { permanent: true });
    expect(ids(outbox.nextRunnable())).toEqual([b1.id]); // a failed entry holds its case
    await outbox.retry(a1.id);
    await outbox.markInFlight(a1.id);
    await outbox.markDone(a1.id);
    expect(ids(outbox.nextRunnable())).toEqual([b1.id, a2.id]);
  });

  it('holds changes to a case created offline until it is filed, then remaps them durably', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const create = await outbox.enqueue(createCase('local:new'));
    const note = await outbox.enqueue(comment('local:new'));
    const followUp = await outbox.enqueue(createCase('local:follow', 'local:new'));
    const elsewhere = await outbox.enqueue(comment(serverCase));
    expect(ids(outbox.nextRunnable())).toEqual([create.id, elsewhere.id]);
    await outbox.markInFlight(create.id);
    await outbox.markDone(create.id, otherServerCase);
    expect(outbox.get(note.id)?.mutation).toMatchObject({ caseRef: otherServerCase });
    expect(outbox.get(followUp.id)?.mutation).toMatchObject({ followUpOf: otherServerCase });
    // The follow-up also waits for the earlier comment on the case it follows up on.
    expect(ids(outbox.nextRunnable())).toEqual([note.id, elsewhere.id]);
    await outbox.markDone(note.id);
    expect(ids(outbox.nextRunnable())).toEqual([followUp.id, elsewhere.id]);
    // A renderer that still holds the local id gets it rewritten.
    const late = await outbox.enqueue(setPriority('local:new', 'P1'));
    expect(late.mutation).toMatchObject({ caseRef: otherServerCase });
    const again = await reopen(outbox, dir);
    expect(again.list()).toEqual(outbox.list());
  });

  it('remaps explicitly too (a create reconciled by reading the server)', async () => {
    const dir = tempDir();
    const outbox = await track(open(dir));
    const create = await outbox.enqueue(createCase('local:x'));
    const note = await outbox.enqueue(comment('local:x'));
    await outbox.markInFlight(create.id);
    await outbox.remapLocalCase('local:x', serverCase);
    await outbox.markDone(create.id);
    const again = await reopen(outbox, dir);
    expect(again.get(note.id)?.mutation).toMatchObject({ caseRef: serverCase });
    expect(ids(again.nextRunnable())).toEqual([note.id]);
    await expectCode(again.remapLocalCase(serverCase, 'local:y'), 'invalid_mutation');
  });
});

describe('outbox: events and lifecycle', () => {
  it('notifies listeners after each durable change', async () => {
    const outbox = await track(open(tempDir()));
    const changes: OutboxChange[] = [];
    const stop = outbox.onChange((change) => changes.push(change));
    outbox.onChange(() => {
      throw new Error('a bad listener does not break the others');
    });
    const entry = await outbox.enqueue(comment(serverCase));
    await outbox.markInFlight(entry.id);
    stop();
    await outbox.markDone(entry.id);
    expect(changes).toEqual([
      { type: 'enqueued', ids: [entry.id] },
      { type: 'updated', ids: [entry.id] },
    ]);
  });

  it('wipe deletes the journal and staged files; a closed outbox refuses work', async () => {
    const dir = tempDir();
    const outbox = await open(dir);
    const staged = await outbox.staging.stageFile(Buffer.from('bytes'));
    await outbox.enqueue({
      kind: 'upload_attachment',
      caseRef: serverCase,
      stagedFileId: staged.stagedFileId,
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: staged.sizeBytes,
    });
    await outbox.wipe();
    expect(existsSync(path.join(dir, accountId))).toBe(false);
    await expectCode(outbox.enqueue(comment(serverCase)), 'closed');
    const fresh = await track(open(dir));
    expect(fresh.list()).toEqual([]);
    await fresh.close();
    await expectCode(fresh.enqueue(comment(serverCase)), 'closed');
  });
});
