// Attachment bytes for offline use (issue 8 §3–§4): a blobs table per account database,
// a byte cap shared by all accounts, least-recently-used eviction that never touches files
// of pinned cases nor files still waiting to upload.

import type { ReplicaDb } from './db';
import type { BlobRecord } from './records';

let blobCloneSupport: boolean | undefined;

/**
 * Whether IndexedDB can hold a Blob here. Chromium/Electron can; fake-indexeddb under
 * happy-dom clones a Blob into an empty object, silently. The probe uses the same
 * structured clone IndexedDB uses, so both hosts run the same code path choice.
 */
export function canStoreBlobs(): boolean {
  if (blobCloneSupport === undefined) {
    try {
      const copy: unknown = structuredClone(new Blob(['x']));
      blobCloneSupport = copy instanceof Blob && copy.size === 1;
    } catch {
      blobCloneSupport = false;
    }
  }
  return blobCloneSupport;
}

export interface PutBlobInput {
  attachmentName: string;
  caseName: string;
  blob: Blob;
  /** Bytes the agent added that the server has not confirmed yet: never evicted. */
  pendingUpload?: boolean;
}

export async function putBlob(db: ReplicaDb, input: PutBlobInput, now: number = Date.now()): Promise<void> {
  // Read the bytes before the transaction: awaiting a non-Dexie promise inside one commits it early.
  const data = canStoreBlobs() ? input.blob : await input.blob.arrayBuffer();
  const record: BlobRecord = {
    attachmentName: input.attachmentName,
    accountId: db.accountId,
    caseName: input.caseName,
    size: input.blob.size,
    type: input.blob.type,
    lastAccessedAt: now,
    pendingUpload: input.pendingUpload === true ? 1 : 0,
    data,
  };
  await db.blobs.put(record);
}

/** The cached file, or undefined; marks it as just used for the LRU. */
export async function getBlob(db: ReplicaDb, attachmentName: string, now: number = Date.now()): Promise<Blob | undefined> {
  const record = await db.blobs.get(attachmentName);
  if (record === undefined) return undefined;
  await db.blobs.update(attachmentName, { lastAccessedAt: now });
  return record.data instanceof Blob ? record.data : new Blob([record.data], { type: record.type });
}

export async function hasBlob(db: ReplicaDb, attachmentName: string): Promise<boolean> {
  return (await db.blobs.where('attachmentName').equals(attachmentName).count()) > 0;
}

/**
 * The upload went through: the bytes become an ordinary cache entry, re-keyed to the
 * server's attachment name when it differs from the local one.
 */
export async function markUploaded(db: ReplicaDb, localName: string, serverName: string = localName): Promise<void> {
  await db.transaction('rw', db.blobs, async () => {
    const record = await db.blobs.get(localName);
    if (record === undefined) return;
    if (serverName !== localName) await db.blobs.delete(localName);
    await db.blobs.put({ ...record, attachmentName: serverName, pendingUpload: 0 });
  });
}

export async function pinCase(db: ReplicaDb, caseName: string, now: number = Date.now()): Promise<void> {
  await db.pins.put({ caseName, pinnedAt: now });
}

export async function unpinCase(db: ReplicaDb, caseName: string): Promise<void> {
  await db.pins.delete(caseName);
}

export async function isPinned(db: ReplicaDb, caseName: string): Promise<boolean> {
  return (await db.pins.get(caseName)) !== undefined;
}

export interface CacheUsage {
  accountId: string;
  bytes: number;
  files: number;
  pinnedBytes: number;
  pendingUploadBytes: number;
}

interface BlobMeta {
  attachmentName: string;
  caseName: string;
  size: number;
  lastAccessedAt: number;
  pending: boolean;
}

/**
 * Metadata of every cached file from index keys only (key cursors), so neither a Blob
 * handle nor an ArrayBuffer is read while deciding what to evict.
 */
async function readMeta(db: ReplicaDb): Promise<{ files: BlobMeta[]; pinned: Set<string> }> {
  return db.transaction('r', db.blobs, db.pins, async () => {
    const byName = new Map<string, BlobMeta>();
    const entry = (name: string): BlobMeta => {
      let m = byName.get(name);
      if (m === undefined) {
        m = { attachmentName: name, caseName: '', size: 0, lastAccessedAt: 0, pending: false };
        byName.set(name, m);
      }
      return m;
    };
    await db.blobs.orderBy('size').eachKey((size, cursor) => {
      entry(String(cursor.primaryKey)).size = Number(size);
    });
    await db.blobs.orderBy('lastAccessedAt').eachKey((at, cursor) => {
      entry(String(cursor.primaryKey)).lastAccessedAt = Number(at);
    });
    await db.blobs.orderBy('caseName').eachKey((caseName, cursor) => {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the caseName index holds strings only
      entry(String(cursor.primaryKey)).caseName = String(caseName);
    });
    for (const name of await db.blobs.where('pendingUpload').equals(1).primaryKeys()) entry(name).pending = true;
    const pinned = new Set(await db.pins.toCollection().primaryKeys());
    return { files: [...byName.values()], pinned };
  });
}

export async function usage(db: ReplicaDb): Promise<CacheUsage> {
  const { files, pinned } = await readMeta(db);
  const out: CacheUsage = { accountId: db.accountId, bytes: 0, files: files.length, pinnedBytes: 0, pendingUploadBytes: 0 };
  for (const f of files) {
    out.bytes += f.size;
    if (pinned.has(f.caseName)) out.pinnedBytes += f.size;
    if (f.pending) out.pendingUploadBytes += f.size;
  }
  return out;
}

export interface EvictionResult {
  bytesBefore: number;
  bytesAfter: number;
  evicted: { accountId: string; attachmentName: string; size: number }[];
  /** Still above the cap because everything left is pinned or waiting to upload. */
  overCap: boolean;
}

/**
 * Brings the cache of all given accounts under `capBytes` by dropping the least recently
 * used files first, across accounts. Files of pinned cases and pending uploads count
 * toward the total but are never evicted.
 */
export async function evictToCap(dbs: readonly ReplicaDb[], capBytes: number): Promise<EvictionResult> {
  let total = 0;
  const candidates: { db: ReplicaDb; meta: BlobMeta }[] = [];
  for (const db of dbs) {
    const { files, pinned } = await readMeta(db);
    for (const meta of files) {
      total += meta.size;
      if (!meta.pending && !pinned.has(meta.caseName)) candidates.push({ db, meta });
    }
  }
  const bytesBefore = total;
  candidates.sort((a, b) => a.meta.lastAccessedAt - b.meta.lastAccessedAt);
  const victims = new Map<ReplicaDb, string[]>();
  const evicted: EvictionResult['evicted'] = [];
  for (const { db, meta } of candidates) {
    if (total <= capBytes) break;
    total -= meta.size;
    const list = victims.get(db) ?? [];
    list.push(meta.attachmentName);
    victims.set(db, list);
    evicted.push({ accountId: db.accountId, attachmentName: meta.attachmentName, size: meta.size });
  }
  for (const [db, names] of victims) {
    await db.transaction('rw', db.blobs, db.pins, async () => {
      // Re-check inside the write: a case pinned or a file re-marked pending since the scan stays.
      const protectedNames = new Set(await db.blobs.where('pendingUpload').equals(1).primaryKeys());
      const pinned = await db.pins.toCollection().primaryKeys();
      if (pinned.length > 0) for (const pk of await db.blobs.where('caseName').anyOf(pinned).primaryKeys()) protectedNames.add(pk);
      await db.blobs.bulkDelete(names.filter((n) => !protectedNames.has(n)));
    });
  }
  return { bytesBefore, bytesAfter: total, evicted, overCap: total > capBytes };
}

/** "Clear cache" in settings: every cached file of the account except uploads still pending. */
export async function clearCache(db: ReplicaDb): Promise<number> {
  return db.blobs.where('pendingUpload').equals(0).delete();
}
