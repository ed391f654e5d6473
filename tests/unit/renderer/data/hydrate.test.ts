import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplicaDb } from '../../../../renderer/data/db';
import { applyBatch } from '../../../../renderer/data/apply-batch';
import { createProjection } from '../../../../renderer/data/projection';
import { hydrateProjection, inSlices, projectBatch } from '../../../../renderer/data/hydrate';
import { createCaseFacts } from '../../../../renderer/data/case-facts';
import { freshAccountId, makeBatch, makeCase, makeComment, makeCustomer } from './fixtures';

const opened: ReplicaDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('projection ↔ replica', () => {
  it('hydrates cases, customers and comment text from the replica', async () => {
    const db = new ReplicaDb(freshAccountId());
    opened.push(db);
    const cases = Array.from({ length: 300 }, (_, i) => makeCase(i, { displayName: i === 7 ? 'Imprimante hors ligne' : `Case ${i}` }));
    await applyBatch(
      db,
      makeBatch(db.accountId, 'c1', {
        upserts: {
          cases,
          customers: [makeCustomer('C1', { displayName: 'Garuda Logistics' })],
          comments: [makeComment(cases[3]?.name ?? '', 1, { body: 'Voici le fichier HAR' })],
        },
      }),
    );
    const p = createProjection();
    let yields = 0;
    const counts = await hydrateProjection(db, p, {
      yieldFn: async () => {
        yields += 1;
      },
    });
    expect(counts).toEqual({ cases: 300, comments: 1 });
    expect(yields).toBeGreaterThan(0);
    expect(p.size).toBe(300);
    expect(p.names(p.query({ keyword: 'imprimante' }))).toEqual([cases[7]?.name]);
    expect(p.names(p.query({ keyword: 'fichier har' }))).toEqual([cases[3]?.name]);
    expect(p.query({ keyword: 'garuda' }).total).toBe(300);
  });

  it('projects an applied batch: upserts, comments and purged customers', async () => {
    const db = new ReplicaDb(freshAccountId());
    opened.push(db);
    const p = createProjection();
    const b1 = makeBatch(db.accountId, 'c1', {
      upserts: { cases: [makeCase(1, { customerId: 'X' }), makeCase(2)], customers: [makeCustomer('X')] },
    });
    projectBatch(p, b1, await applyBatch(db, b1));
    const b2 = makeBatch(db.accountId, 'c2', {
      upserts: { comments: [makeComment(makeCase(2).name, 1, { body: 'escalade demandée' })] },
      deletes: { customers: ['X'] },
    });
    projectBatch(p, b2, await applyBatch(db, b2));
    expect(p.has(makeCase(1).name)).toBe(false);
    expect(p.names(p.query({ keyword: 'escalade' }))).toEqual([makeCase(2).name]);
  });
});

describe('case facts ↔ replica', () => {
  it('hydration and batches give the same facts: time zone, thread times by side, reopens, complete threads', async () => {
    const db = new ReplicaDb(freshAccountId());
    opened.push(db);
    const closed = makeCase(1, { state: 'CLOSED', timeZone: 'Asia/Jakarta', classificationName: 'Gmail > Delivery' });
    const quiet = makeCase(2, { state: 'NEW' });
    const live = createCaseFacts();
    const b1 = makeBatch(db.accountId, 'c1', {
      upserts: {
        cases: [closed, quiet],
        comments: [makeComment(closed.name, 2, { googleSupport: true }), makeComment(closed.name, 1, { googleSupport: false })],
      },
      completeThreads: [closed.name, quiet.name],
    });
    projectBatch(createProjection(), b1, await applyBatch(db, b1), live);
    const b2 = makeBatch(db.accountId, 'c2', { upserts: { cases: [{ ...closed, state: 'NEW', updateTime: '2026-03-01T00:00:00.000Z' }] } });
    projectBatch(createProjection(), b2, await applyBatch(db, b2), live);

    const hydrated = createCaseFacts();
    await hydrateProjection(db, createProjection(), { facts: hydrated, yieldFn: async () => {} });
    for (const facts of [live, hydrated]) {
      expect(facts.get(closed.name)).toMatchObject({
        timeZone: 'Asia/Jakarta',
        category: 'Gmail > Delivery',
        thread: {
          google: [Date.parse(makeComment(closed.name, 2).createTime)],
          others: [Date.parse(makeComment(closed.name, 1).createTime)],
        },
        reopenedAtMs: [Date.parse('2026-03-01T00:00:00Z')],
      });
      // An empty thread that was synced in full is known to be empty.
      expect(facts.get(quiet.name)?.thread).toEqual({ google: [], others: [] });
    }
  });
});

describe('inSlices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('yields as soon as a slice used its budget, however slow each step is', async () => {
    // A clock that advances 5 ms per step of work: with an 8 ms budget a slice holds two steps.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const seen: number[] = [];
    const slices: number[][] = [[]];
    await inSlices(
      Array.from({ length: 100 }, (_, i) => i),
      8,
      async () => {
        slices.push([]);
      },
      (step) => {
        now += 5;
        seen.push(...step);
        slices[slices.length - 1]?.push(step.length);
      },
    );
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // 100 items in steps of 16 = 7 steps, two per slice: 4 slices, 3 yields between them.
    expect(slices).toEqual([[16, 16], [16, 16], [16, 16], [4]]);
  });
});
