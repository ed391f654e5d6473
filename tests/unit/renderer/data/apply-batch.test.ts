import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { ReplicaDb } from '../../../../renderer/data/db';
import { applyBatch } from '../../../../renderer/data/apply-batch';
import { ROWS_PER_SLICE } from '../../../../renderer/data/slices';
import { getCursor, listAttachments, listComments } from '../../../../renderer/data/queries';
import type { ReplicaComment } from '../../../../shared/ipc/replica';
import { freshAccountId, makeAttachment, makeBatch, makeCase, makeComment, makeCustomer } from './fixtures';

const opened: ReplicaDb[] = [];

/** A database with a DBCore middleware that counts readwrite transactions and mutations. */
function countingDb(accountId = freshAccountId()): { db: ReplicaDb; stats: { rwTransactions: number; mutations: number } } {
  const db = new ReplicaDb(accountId);
  const stats = { rwTransactions: 0, mutations: 0 };
  db.use({
    stack: 'dbcore',
    name: 'write-counter',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite') stats.rwTransactions += 1;
        return down.transaction(stores, mode, options);
      },
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            stats.mutations += 1;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  opened.push(db);
  return { db, stats };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('applyBatch', () => {
  it('writes upserts and the cursor, and reports the changed cases', async () => {
    const { db } = countingDb();
    const c1 = makeCase(1);
    const c2 = makeCase(2);
    const result = await applyBatch(
      db,
      makeBatch(db.accountId, 'cur-1', {
        upserts: {
          cases: [c1, c2],
          comments: [makeComment(c1.name, 2), makeComment(c1.name, 1)],
          attachments: [makeAttachment(c2.name, 1)],
          customers: [makeCustomer('C1')],
          categories: [{ id: 'cat-1', displayName: 'Gmail' }],
        },
      }),
    );
    expect(result.wrote).toBe(true);
    expect(result.cursorChanged).toBe(true);
    expect(result.counts).toMatchObject({
      casesUpserted: 2,
      commentsUpserted: 2,
      attachmentsUpserted: 1,
      customersUpserted: 1,
      categoriesUpserted: 1,
    });
    expect(result.changedCaseNames.sort()).toEqual([c1.name, c2.name].sort());
    expect(await getCursor(db)).toBe('cur-1');
    expect((await listComments(db, c1.name)).map((c) => c.body)).toEqual(['Comment 1', 'Comment 2']);
    expect(await listAttachments(db, c2.name)).toHaveLength(1);
    expect(await db.categories.count()).toBe(1);
  });

  it('an empty batch with the same cursor performs 0 IndexedDB writes', async () => {
    const { db, stats } = countingDb();
    await applyBatch(db, makeBatch(db.accountId, 'cur-1', { upserts: { cases: [makeCase(1)] } }));
    stats.rwTransactions = 0;
    stats.mutations = 0;
    const result = await applyBatch(db, makeBatch(db.accountId, 'cur-1', { upserts: { cases: [] }, deletes: { cases: [] } }));
    expect(result.wrote).toBe(false);
    expect(stats).toEqual({ rwTransactions: 0, mutations: 0 });
  });

  it('an empty batch with a new cursor writes only the cursor', async () => {
    const { db, stats } = countingDb();
    await applyBatch(db, makeBatch(db.accountId, 'cur-1', { upserts: { cases: [makeCase(1)] } }));
    stats.rwTransactions = 0;
    stats.mutations = 0;
    const result = await applyBatch(db, makeBatch(db.accountId, 'cur-2'));
    expect(result).toMatchObject({ wrote: true, cursorChanged: true, changedCaseNames: [] });
    expect(stats).toEqual({ rwTransactions: 1, mutations: 1 });
    expect(await getCursor(db)).toBe('cur-2');
  });

  it('a batch that fails mid-way leaves neither its data nor its cursor', async () => {
    const { db } = countingDb();
    await applyBatch(db, makeBatch(db.accountId, 'cur-1', { upserts: { cases: [makeCase(1)] } }));
    const bad = { ...makeComment(makeCase(2).name, 1), name: undefined } as unknown as ReplicaComment;
    await expect(
      applyBatch(
        db,
        makeBatch(db.accountId, 'cur-2', {
          // Cases are written first, then the broken comment aborts the transaction.
          upserts: { cases: [makeCase(2), makeCase(3)], comments: [bad] },
          deletes: { cases: [makeCase(1).name] },
        }),
      ),
    ).rejects.toThrow();
    expect(await getCursor(db)).toBe('cur-1');
    expect((await db.cases.toCollection().primaryKeys()).sort()).toEqual([makeCase(1).name]);
  });

  it('a batch larger than one IndexedDB slice is still one transaction: a bad row in its last slice leaves nothing', async () => {
    const { db, stats } = countingDb();
    const many = Array.from({ length: ROWS_PER_SLICE * 2 + 50 }, (_, index) => makeCase(index + 1));
    await applyBatch(db, makeBatch(db.accountId, 'cur-1', { upserts: { cases: many } }));
    expect(await db.cases.count()).toBe(many.length);
    expect(stats.rwTransactions).toBe(1);
    const comments = Array.from({ length: ROWS_PER_SLICE * 2 + 50 }, (_, index) => makeComment(makeCase(1).name, index + 1));
    const bad = { ...makeComment(makeCase(1).name, 999), name: undefined } as unknown as ReplicaComment;
    await expect(applyBatch(db, makeBatch(db.accountId, 'cur-2', { upserts: { comments: [...comments, bad] } }))).rejects.toThrow();
    expect(await getCursor(db)).toBe('cur-1');
    expect(await db.comments.count()).toBe(0);
  });
});

describe('applyBatch removals', () => {
  it('purging a customer removes its cases, comments, attachments and cached bytes, but not pending uploads', async () => {
    const { db } = countingDb();
    const gone = makeCase(1, { customerId: 'GONE' });
    const kept = makeCase(2, { customerId: 'KEEP' });
    await applyBatch(
      db,
      makeBatch(db.accountId, 'cur-1', {
        upserts: {
          cases: [gone, kept],
          customers: [makeCustomer('GONE'), makeCustomer('KEEP')],
          comments: [makeComment(gone.name, 1), makeComment(kept.name, 1)],
          attachments: [makeAttachment(gone.name, 1), makeAttachment(kept.name, 1)],
        },
      }),
    );
    const blob = { size: 3, type: 'text/plain', lastAccessedAt: 1, data: new ArrayBuffer(3) };
    await db.blobs.bulkPut([
      { ...blob, attachmentName: `${gone.name}/attachments/1`, caseName: gone.name, pendingUpload: 0 },
      { ...blob, attachmentName: 'local:upload-1', caseName: gone.name, pendingUpload: 1 },
      { ...blob, attachmentName: `${kept.name}/attachments/1`, caseName: kept.name, pendingUpload: 0 },
    ]);
    await db.pins.put({ caseName: gone.name, pinnedAt: 1 });

    const result = await applyBatch(db, makeBatch(db.accountId, 'cur-2', { deletes: { customers: ['GONE'] } }));
    expect(result.removedCaseNames).toEqual([gone.name]);
    expect(result.counts).toMatchObject({
      customersDeleted: 1,
      casesDeleted: 1,
      commentsDeleted: 1,
      attachmentsDeleted: 1,
      blobsDeleted: 1,
    });
    expect(await db.customers.toCollection().primaryKeys()).toEqual(['KEEP']);
    expect(await db.cases.toCollection().primaryKeys()).toEqual([kept.name]);
    expect(await listComments(db, gone.name)).toEqual([]);
    expect(await listAttachments(db, gone.name)).toEqual([]);
    expect(await listComments(db, kept.name)).toHaveLength(1);
    expect((await db.blobs.toCollection().primaryKeys()).sort()).toEqual(['local:upload-1', `${kept.name}/attachments/1`]);
    expect(await db.pins.count()).toBe(0);
  });

  it('a complete thread drops local comments and attachments the server no longer lists', async () => {
    const { db } = countingDb();
    const c = makeCase(1);
    await applyBatch(
      db,
      makeBatch(db.accountId, 'cur-1', {
        upserts: { cases: [c], comments: [makeComment(c.name, 1), makeComment(c.name, 2)], attachments: [makeAttachment(c.name, 1)] },
      }),
    );
    const result = await applyBatch(
      db,
      makeBatch(db.accountId, 'cur-2', { upserts: { comments: [makeComment(c.name, 2)] }, completeThreads: [c.name] }),
    );
    expect((await listComments(db, c.name)).map((x) => x.name)).toEqual([makeComment(c.name, 2).name]);
    expect(await listAttachments(db, c.name)).toEqual([]);
    expect(result.counts).toMatchObject({ commentsDeleted: 1, attachmentsDeleted: 1 });
    expect(result.changedCaseNames).toEqual([c.name]);
  });

  it('deletes a case with its thread; removal wins over an upsert in the same batch', async () => {
    const { db } = countingDb();
    const c = makeCase(1);
    await applyBatch(db, makeBatch(db.accountId, 'cur-1', { upserts: { cases: [c], comments: [makeComment(c.name, 1)] } }));
    const result = await applyBatch(db, makeBatch(db.accountId, 'cur-2', { upserts: { cases: [c] }, deletes: { cases: [c.name] } }));
    expect(await db.cases.count()).toBe(0);
    expect(await db.comments.count()).toBe(0);
    expect(result.changedCaseNames).toEqual([]);
    expect(result.removedCaseNames).toEqual([c.name]);
  });

  it('refuses a batch addressed to another account', async () => {
    const { db } = countingDb();
    await expect(applyBatch(db, makeBatch('someone-else', 'x'))).rejects.toThrow(/another|someone-else/);
  });
});

describe('case history (v3)', () => {
  it('notes a reopen and an escalation it sees happen, and a complete thread; a first sighting is no event', async () => {
    const { db } = countingDb();
    const closed = makeCase(1, { state: 'CLOSED', escalated: false });
    await applyBatch(db, makeBatch(db.accountId, 'c1', { upserts: { cases: [closed] }, completeThreads: [closed.name] }));
    const first = await db.caseHistory.get(closed.name);
    expect(first).toMatchObject({ state: 'CLOSED', reopenedAtMs: [], threadCompleteAtMs: expect.any(Number) });

    const reopened = { ...closed, state: 'IN_PROGRESS_GOOGLE_SUPPORT' as const, escalated: true, updateTime: '2026-02-01T10:00:00.000Z' };
    await applyBatch(db, makeBatch(db.accountId, 'c2', { upserts: { cases: [reopened] } }));
    const row = await db.caseHistory.get(closed.name);
    expect(row?.reopenedAtMs).toEqual([Date.parse('2026-02-01T10:00:00Z')]);
    expect(row?.escalatedAtMs).toBe(Date.parse('2026-02-01T10:00:00Z'));
    expect(row?.threadCompleteAtMs).toBe(first?.threadCompleteAtMs);

    // Re-sending the same record (a full listing) changes nothing.
    await applyBatch(db, makeBatch(db.accountId, 'c3', { upserts: { cases: [reopened] } }));
    expect((await db.caseHistory.get(closed.name))?.reopenedAtMs).toHaveLength(1);

    await applyBatch(db, makeBatch(db.accountId, 'c4', { deletes: { cases: [closed.name] } }));
    expect(await db.caseHistory.get(closed.name)).toBeUndefined();
  });
});
