import { afterEach, describe, expect, it } from 'vitest';
import { ReplicaDb } from '../../../../renderer/data/db';
import { applyBatch } from '../../../../renderer/data/apply-batch';
import { createProjection } from '../../../../renderer/data/projection';
import { hydrateProjection, projectBatch } from '../../../../renderer/data/hydrate';
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
