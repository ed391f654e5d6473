import { afterEach, describe, expect, it } from 'vitest';
import Dexie, { type DBCore, type DBCoreTable, type Middleware } from 'dexie';
import { ReplicaDb } from '../../../../renderer/data/db';
import { freshKey, freshString } from '../../../../renderer/data/fresh-keys';
import { toCaseRecord, toCommentRecord } from '../../../../renderer/data/records';
import { freshAccountId, makeCase, makeComment } from './fixtures';

const opened: ReplicaDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Records the keys that reach the bottom of Dexie's stack (what IndexedDB is handed). */
function keysSeenByIndexedDb(db: ReplicaDb): unknown[] {
  const seen: unknown[] = [];
  const recorder: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'KeyRecorder',
    level: -100,
    create: (down) => ({
      ...down,
      table: (name): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          get: (req) => (seen.push(req.key), table.get(req)),
          getMany: (req) => (seen.push(...req.keys), table.getMany(req)),
          query: (req) => (seen.push(req.query.range.lower, req.query.range.upper), table.query(req)),
          mutate: (req) => (req.type === 'delete' && seen.push(...req.keys), table.mutate(req)),
        };
      },
    }),
  };
  db.use(recorder);
  return seen;
}

describe('fresh keys for IndexedDB', () => {
  it('copies strings, also inside compound keys, and leaves other keys alone', () => {
    const name = 'organizations/1/cases/41070097';
    expect(freshString(name)).toBe(name);
    expect(freshString('')).toBe('');
    expect(freshKey([name, 5, [name, Dexie.minKey]])).toEqual([name, 5, [name, Dexie.minKey]]);
    expect(freshKey(12)).toBe(12);
    const date = new Date(0);
    expect(freshKey(date)).toBe(date);
  });

  it('gets, ranges, counts and deletes answer as without the copies', async () => {
    const db = new ReplicaDb(freshAccountId());
    opened.push(db);
    const seen = keysSeenByIndexedDb(db);
    const cases = [1, 2, 3].map((n) => toCaseRecord(makeCase(n)));
    const [first, second, third] = cases.map((c) => c.name) as [string, string, string];
    await db.cases.bulkPut(cases);
    await db.comments.bulkPut([makeComment(first, 1), makeComment(first, 2), makeComment(second, 1)].map(toCommentRecord));

    expect((await db.cases.get(second))?.name).toBe(second);
    expect((await db.cases.bulkGet([third, 'organizations/1/cases/none', first])).map((c) => c?.name)).toEqual([third, undefined, first]);
    const thread = await db.comments.where('[caseName+createTimeMs]').between([first, Dexie.minKey], [first, Dexie.maxKey]).toArray();
    expect(thread.map((c) => c.name)).toEqual([`${first}/comments/1`, `${first}/comments/2`]);
    expect(await db.comments.where('caseName').equals(second).count()).toBe(1);

    await db.cases.bulkDelete([first]);
    await db.comments.where('[caseName+createTimeMs]').between([first, Dexie.minKey], [first, Dexie.maxKey]).delete();
    expect((await db.cases.toArray()).map((c) => c.name)).toEqual([second, third]);
    expect((await db.comments.toArray()).map((c) => c.name)).toEqual([`${second}/comments/1`]);

    // IndexedDB was handed the same values the app asked with.
    expect(seen).toContain(second);
    expect(seen).toContainEqual([first, Dexie.minKey]);
  });
});
