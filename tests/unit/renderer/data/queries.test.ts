import { afterEach, describe, expect, it } from 'vitest';
import { ReplicaDb } from '../../../../renderer/data/db';
import { applyBatch } from '../../../../renderer/data/apply-batch';
import {
  getCase,
  getLastSyncedAt,
  headCases,
  listCustomerCases,
  listCustomers,
  loadCasesInChunks,
} from '../../../../renderer/data/queries';
import { freshAccountId, makeBatch, makeCase, makeCustomer } from './fixtures';

const opened: ReplicaDb[] = [];
async function seeded(): Promise<ReplicaDb> {
  const db = new ReplicaDb(freshAccountId());
  opened.push(db);
  const cases = Array.from({ length: 25 }, (_, i) =>
    makeCase(i, { customerId: i % 3 === 0 ? 'A' : 'B', state: i % 4 === 0 ? 'CLOSED' : 'IN_PROGRESS_GOOGLE_SUPPORT' }),
  );
  // A fraction-less timestamp that sorts wrong as a string ("…00Z" > "…00.500Z") must still be newest.
  cases.push(makeCase(99, { updateTime: '2027-01-01T00:00:00Z', customerId: 'A' }));
  cases.push(makeCase(98, { updateTime: '2026-12-31T23:59:59.500Z', customerId: 'A' }));
  await applyBatch(
    db,
    makeBatch(db.accountId, 'c1', {
      upserts: {
        cases,
        customers: [
          makeCustomer('B', { displayName: 'Beta' }),
          makeCustomer('A', { displayName: 'Alpha' }),
          makeCustomer('Z', { displayName: 'Zeta' }),
        ],
      },
    }),
    () => Date.UTC(2026, 5, 1),
  );
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('replica queries', () => {
  it('headCases returns the most recently updated cases by the numeric index', async () => {
    const db = await seeded();
    expect((await headCases(db, 3)).map((c) => c.caseNumber)).toEqual(['1099', '1098', '1024']);
  });

  it('getCase / lastSyncedAt', async () => {
    const db = await seeded();
    expect((await getCase(db, makeCase(5).name))?.caseNumber).toBe('1005');
    expect(await getCase(db, 'nope')).toBeUndefined();
    expect(await getLastSyncedAt(db)).toBe('2026-06-01T00:00:00.000Z');
  });

  it('listCustomers counts open cases per customer, sorted by name', async () => {
    const db = await seeded();
    const list = await listCustomers(db);
    expect(list.map((c) => [c.displayName, c.openCaseCount])).toEqual([
      ['Alpha', 8], // i ∈ {0,3,…,24} = 9 cases, 0/12/24 closed → 6, plus 98 and 99
      ['Beta', 12], // 16 cases, 4/8/16/20 closed
      ['Zeta', 0],
    ]);
  });

  it('listCustomerCases is per customer, newest first', async () => {
    const db = await seeded();
    const cases = await listCustomerCases(db, 'A', 3);
    expect(cases.map((c) => c.caseNumber)).toEqual(['1099', '1098', '1024']);
    expect(await listCustomerCases(db, 'Z')).toEqual([]);
  });

  it('loadCasesInChunks delivers every case once, in pages, yielding between them', async () => {
    const db = await seeded();
    const seen: string[] = [];
    const sizes: number[] = [];
    let yields = 0;
    const total = await loadCasesInChunks(
      db,
      10,
      (chunk) => {
        sizes.push(chunk.length);
        for (const c of chunk) seen.push(c.name);
      },
      {
        yieldFn: async () => {
          yields += 1;
        },
      },
    );
    expect(total).toBe(27);
    expect(sizes).toEqual([10, 10, 7]);
    expect(new Set(seen).size).toBe(27);
    // One yield before indexing each page (3) and one between pages (2).
    expect(yields).toBe(5);
  });

  it('loadCasesInChunks stops when aborted', async () => {
    const db = await seeded();
    const controller = new AbortController();
    let chunks = 0;
    await loadCasesInChunks(
      db,
      5,
      () => {
        chunks += 1;
        controller.abort();
      },
      { signal: controller.signal, yieldFn: async () => undefined },
    );
    expect(chunks).toBe(1);
  });
});
