// One IndexedDB database per account (the per-account isolation rule): a Dexie subclass
// with every schema version spelled out, one named upgrade function per version, and an
// `upToVersion` argument so tests can build an old database and then upgrade it
// (GitHub Desktop's conditionalVersion pattern).

import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { accountIdSchema } from '../../shared/ipc/replica';
import { freshKeysMiddleware } from './fresh-keys';
import type {
  AttachmentRecord,
  BlobRecord,
  CaseEventRecord,
  CaseHistoryRecord,
  CaseRecord,
  CategoryRecord,
  CommentRecord,
  CustomerRecord,
  MetaRecord,
  PinRecord,
} from './records';

export const REPLICA_DB_PREFIX = 'rsc-replica-';
export const REPLICA_SCHEMA_VERSION = 3;

export function replicaDbName(accountId: string): string {
  // Validated so a crafted id can never address another account's database.
  return `${REPLICA_DB_PREFIX}${accountIdSchema.parse(accountId)}`;
}

// Indexes are kept lean on purpose: docs/harness-pitfalls.md shows each index costs bulkPut time,
// and keyword search lives in the in-memory projection, so there is NO keyword index.
// `[state+customerId]` also serves `where('state')` (Dexie uses a compound index for its
// first part) and lets open-case counts per customer be read from keys alone.
const V1_STORES = {
  cases: 'name, updateTimeMs, [customerId+updateTimeMs], [state+customerId], priority',
  comments: 'name, [caseName+createTimeMs]',
  attachments: 'name, caseName',
  customers: 'customerId',
  categories: 'id',
  meta: 'key',
};

// v2: attachment bytes for offline use (issue 8) and cases pinned for offline.
const V2_STORES = {
  blobs: 'attachmentName, size, lastAccessedAt, caseName, pendingUpload',
  pins: 'caseName',
};

// v3: the case's past, which Google's API does not keep. `caseEvents` is the event log the
// thread shows (issue 17 §6): what changed between successive versions of a case seen in
// sync, and what the agent changed from this workstation (with the escalation's reason and
// justification). `caseHistory` is one summary row per case for the dashboard and the SLA
// clocks (issue 19): reopens, escalation, when its thread was last complete.
const V3_STORES = {
  caseEvents: 'id, [caseName+atMs]',
  caseHistory: 'name',
};

/** v1 creates the replica tables; nothing to migrate, only a note for support diagnostics. */
async function upgradeToV1(tx: Transaction): Promise<void> {
  await tx.table('meta').put({ key: 'schemaNotes', value: 'v1: replica tables' } satisfies MetaRecord);
}

/** v2 adds the blob cache and pins; existing replica rows are untouched. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx.table('meta').put({ key: 'schemaNotes', value: 'v2: blob cache and offline pins' } satisfies MetaRecord);
}

/**
 * v3 adds the case history. The event log starts empty: earlier versions kept no previous
 * case versions to compare, so it begins with the first change seen after the upgrade.
 * Existing cases get a summary row with their current state, so a reopen is noticed from
 * the next sync on; their threads count as complete when they have comments (the pull
 * always fetched whole threads), which is the best an old replica can say.
 */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const withComments = new Set<string>();
  await tx
    .table('comments')
    .orderBy('[caseName+createTimeMs]')
    .eachKey((key) => void withComments.add((key as unknown as [string, number])[0]));
  const rows: CaseHistoryRecord[] = [];
  await tx
    .table('cases')
    .toCollection()
    .each((c: CaseRecord) => {
      rows.push({
        name: c.name,
        state: c.state,
        escalated: c.escalated,
        reopenedAtMs: [],
        ...(withComments.has(c.name) ? { threadCompleteAtMs: c.updateTimeMs } : {}),
      });
    });
  await tx.table('caseHistory').bulkPut(rows);
  await tx.table('meta').put({ key: 'schemaNotes', value: 'v3: case history' } satisfies MetaRecord);
}

export interface ReplicaDbOptions {
  /** Build the schema only up to this version (tests of upgrades). */
  upToVersion?: number;
  /** Dexie's IndexedDB factory, for tests that need an isolated fake IndexedDB. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class ReplicaDb extends Dexie {
  declare readonly cases: EntityTable<CaseRecord, 'name'>;
  declare readonly comments: EntityTable<CommentRecord, 'name'>;
  declare readonly attachments: EntityTable<AttachmentRecord, 'name'>;
  declare readonly customers: EntityTable<CustomerRecord, 'customerId'>;
  declare readonly categories: EntityTable<CategoryRecord, 'id'>;
  declare readonly meta: EntityTable<MetaRecord, 'key'>;
  declare readonly blobs: EntityTable<BlobRecord, 'attachmentName'>;
  declare readonly pins: EntityTable<PinRecord, 'caseName'>;
  declare readonly caseEvents: EntityTable<CaseEventRecord, 'id'>;
  declare readonly caseHistory: EntityTable<CaseHistoryRecord, 'name'>;

  readonly accountId: string;
  private readonly upToVersion: number | undefined;

  constructor(accountId: string, options: ReplicaDbOptions = {}) {
    super(replicaDbName(accountId), {
      // A batch and its cursor must survive a power cut once acked to main.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.accountId = accountId;
    this.upToVersion = options.upToVersion;
    this.use(freshKeysMiddleware);
    this.conditionalVersion(1, V1_STORES, upgradeToV1);
    this.conditionalVersion(2, V2_STORES, upgradeToV2);
    this.conditionalVersion(3, V3_STORES, upgradeToV3);
    const newest = Math.min(this.upToVersion ?? REPLICA_SCHEMA_VERSION, REPLICA_SCHEMA_VERSION);
    this.on('populate', (tx) => {
      void tx.table('meta').put({ key: 'schemaNotes', value: `v${newest}: created fresh` } satisfies MetaRecord);
    });
  }

  private conditionalVersion(version: number, stores: Record<string, string | null>, upgrade: (tx: Transaction) => Promise<void>): void {
    if (this.upToVersion !== undefined && this.upToVersion < version) return;
    // Dexie runs upgrade() only when moving up from an existing older database; a fresh
    // one gets the populate hook instead (see the constructor).
    this.version(version).stores(stores).upgrade(upgrade);
  }
}

const openDbs = new Map<string, ReplicaDb>();

/** The account's database, one instance per account for the renderer's lifetime. */
export function getReplicaDb(accountId: string): ReplicaDb {
  let db = openDbs.get(accountId);
  if (!db) {
    db = new ReplicaDb(accountId);
    openDbs.set(accountId, db);
  }
  return db;
}

/** Sign-out: wipe the account's replica and cached attachment bytes. */
export async function deleteReplica(accountId: string): Promise<void> {
  const db = openDbs.get(accountId);
  openDbs.delete(accountId);
  db?.close();
  await Dexie.delete(replicaDbName(accountId));
}
