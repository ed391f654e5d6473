import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { ReplicaDb, REPLICA_SCHEMA_VERSION, deleteReplica, getReplicaDb, replicaDbName } from '../../../../renderer/data/db';
import { toCaseRecord, toCommentRecord } from '../../../../renderer/data/records';
import { headCases, listComments } from '../../../../renderer/data/queries';
import { applyBatch } from '../../../../renderer/data/apply-batch';
import { listCaseEvents } from '../../../../renderer/data/case-events';
import { freshAccountId, makeCase, makeComment } from './fixtures';

const opened: ReplicaDb[] = [];
function open(accountId: string, upToVersion?: number): ReplicaDb {
  const db = new ReplicaDb(accountId, upToVersion === undefined ? {} : { upToVersion });
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('ReplicaDb schema versions', () => {
  it('the newest version is v3', () => {
    expect(REPLICA_SCHEMA_VERSION).toBe(3);
  });

  it('v1: a fresh database has the replica tables and their indexes', async () => {
    const db = open(freshAccountId(), 1);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attachments', 'cases', 'categories', 'comments', 'customers', 'meta']);
    await db.cases.bulkPut([toCaseRecord(makeCase(1)), toCaseRecord(makeCase(2))]);
    expect((await headCases(db, 1))[0]?.name).toBe(makeCase(2).name);
    expect((await db.meta.get('schemaNotes'))?.value).toMatch(/^v1/);
  });

  it('v1 → v2: replica rows survive, blobs and pins tables work with their indexes', async () => {
    const accountId = freshAccountId();
    const v1 = open(accountId, 1);
    const c = makeCase(7, { description: '打印机无法连接' });
    await v1.cases.put(toCaseRecord(c));
    await v1.comments.put(toCommentRecord(makeComment(c.name, 1)));
    await v1.meta.put({ key: 'cursor', value: 'cursor-at-v1' });
    v1.close();

    const v2 = open(accountId, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect((await v2.cases.get(c.name))?.description).toBe('打印机无法连接');
    expect(await listComments(v2, c.name)).toHaveLength(1);
    expect((await v2.meta.get('cursor'))?.value).toBe('cursor-at-v1');
    expect((await v2.meta.get('schemaNotes'))?.value).toMatch(/^v2/);

    await v2.blobs.put({
      attachmentName: 'a1',
      caseName: c.name,
      size: 10,
      type: 'text/plain',
      lastAccessedAt: 5,
      pendingUpload: 0,
      data: new ArrayBuffer(10),
    });
    await v2.pins.put({ caseName: c.name, pinnedAt: 1 });
    expect(await v2.blobs.where('caseName').equals(c.name).count()).toBe(1);
    expect(await v2.blobs.orderBy('lastAccessedAt').primaryKeys()).toEqual(['a1']);
    expect(await v2.blobs.where('size').above(5).count()).toBe(1);
    expect(await v2.pins.get(c.name)).toBeDefined();
  });

  it('v2 → v3: replica rows and cached bytes survive; the case event log starts empty and is kept by applyBatch', async () => {
    const accountId = freshAccountId();
    const v2 = open(accountId, 2);
    const c = makeCase(8, { priority: 'P3' });
    await v2.cases.put(toCaseRecord(c));
    await v2.pins.put({ caseName: c.name, pinnedAt: 1 });
    await v2.meta.put({ key: 'cursor', value: 'cursor-at-v2' });
    v2.close();

    const v3 = open(accountId);
    await v3.open();
    expect(v3.verno).toBe(REPLICA_SCHEMA_VERSION);
    expect(REPLICA_SCHEMA_VERSION).toBe(3);
    expect((await v3.cases.get(c.name))?.priority).toBe('P3');
    expect(await v3.pins.get(c.name)).toBeDefined();
    expect((await v3.meta.get('schemaNotes'))?.value).toMatch(/^v3/);
    expect(await v3.caseEvents.count()).toBe(0);
    // A version that differs from the one stored before the upgrade is history.
    const next = { ...c, priority: 'P1' as const, updateTime: new Date(Date.parse(c.updateTime) + 60_000).toISOString() };
    await applyBatch(v3, { accountId, batchId: 'b1', cursor: 'cursor-2', upserts: { cases: [next] }, deletes: {} });
    expect(await listCaseEvents(v3, c.name)).toMatchObject([{ kind: 'priority', from: 'P3', to: 'P1', source: 'sync' }]);
  });

  it('v2 → v3: case history summary rows are made for existing cases; threads with comments count as complete', async () => {
    const accountId = freshAccountId();
    const v2 = open(accountId, 2);
    const withThread = makeCase(1, { state: 'CLOSED' });
    const bare = makeCase(2, { escalated: true });
    await v2.cases.bulkPut([toCaseRecord(withThread), toCaseRecord(bare)]);
    await v2.comments.put(toCommentRecord(makeComment(withThread.name, 1)));
    v2.close();

    const v3 = open(accountId);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.caseHistory.get(withThread.name)).toMatchObject({
      state: 'CLOSED',
      reopenedAtMs: [],
      threadCompleteAtMs: expect.any(Number),
    });
    const bareRow = await v3.caseHistory.get(bare.name);
    expect(bareRow).toMatchObject({ state: 'NEW', escalated: true });
    expect(bareRow?.threadCompleteAtMs).toBeUndefined();
    expect((await v3.meta.get('schemaNotes'))?.value).toMatch(/^v3/);
  });

  it('names the database per account and rejects ids that could address another one', () => {
    expect(replicaDbName('reseller-a')).toBe('rsc-replica-reseller-a');
    expect(() => replicaDbName('../x')).toThrow();
  });

  it('deleteReplica wipes the account database and leaves other accounts alone', async () => {
    const a = freshAccountId();
    const b = freshAccountId();
    await getReplicaDb(a).cases.put(toCaseRecord(makeCase(1)));
    await getReplicaDb(b).cases.put(toCaseRecord(makeCase(1)));
    await deleteReplica(a);
    expect(await Dexie.exists(replicaDbName(a))).toBe(false);
    expect(await getReplicaDb(a).cases.count()).toBe(0);
    expect(await getReplicaDb(b).cases.count()).toBe(1);
    await deleteReplica(a);
    await deleteReplica(b);
  });
});
