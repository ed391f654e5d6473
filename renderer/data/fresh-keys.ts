// IndexedDB is handed copies of the string keys it is asked for, not the strings the app keeps.
//
// Why: Blink turns an old-generation JS string it receives as a key (get, delete, a key range)
// into an *external* string, in place, and V8 internalizes every string used as a Map or Set
// key, so all equal strings converge on that one object. After the first sync every case name
// the projection holds was external; each major GC then walks the external string table in
// its stop-the-world pause (7–9 ms of a 32–40 ms pause with 20,000 cases, measured in the
// harness trace: docs/harness-pitfalls.md). A fresh copy is young, and V8 does not
// externalize young strings, so the app's own strings stay ordinary heap strings.
//
// The middleware sits lowest in Dexie's stack (closest to IndexedDB): Dexie's own layers
// (observability, cache, hooks) still see the caller's keys.

import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** A copy of `text` in a new string object (`slice` of a concatenation: never the same object). */
export function freshString(text: string): string {
  return `\u0000${text}`.slice(1);
}

/** `key` with every string in it (compound keys are arrays) replaced by a fresh copy. */
export function freshKey(key: unknown): unknown {
  if (typeof key === 'string') return freshString(key);
  if (Array.isArray(key)) return key.map(freshKey);
  return key;
}

function freshRange(range: DBCoreKeyRange): DBCoreKeyRange {
  return { ...range, lower: freshKey(range.lower), upper: freshKey(range.upper) };
}

function freshMutation(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type === 'delete') return { ...req, keys: req.keys.map(freshKey) };
  if (req.type === 'deleteRange') return { ...req, range: freshRange(req.range) };
  return req;
}

function freshKeysTable(down: DBCoreTable): DBCoreTable {
  return {
    ...down,
    get: (req) => down.get({ ...req, key: freshKey(req.key) }),
    getMany: (req) => down.getMany({ ...req, keys: req.keys.map(freshKey) }),
    query: (req) => down.query({ ...req, query: { ...req.query, range: freshRange(req.query.range) } }),
    openCursor: (req) => down.openCursor({ ...req, query: { ...req.query, range: freshRange(req.query.range) } }),
    count: (req) => down.count({ ...req, query: { ...req.query, range: freshRange(req.query.range) } }),
    mutate: (req) => down.mutate(freshMutation(req)),
  };
}

export const freshKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'FreshKeys',
  // Below Dexie's own middlewares (the lowest of which is -1).
  level: -10,
  create: (down) => ({ ...down, table: (name) => freshKeysTable(down.table(name)) }),
};
