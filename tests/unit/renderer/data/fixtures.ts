import { afterEach } from 'vitest';
import { ReplicaDb } from '../../../../renderer/data/db';
import type { ReplicaBatch, ReplicaCase, ReplicaComment, ReplicaAttachment, ReplicaCustomer } from '../../../../shared/ipc/replica';

let seq = 0;
/** A fresh account id per test: fake-indexeddb is shared by the whole file. */
export function freshAccountId(): string {
  seq += 1;
  return `acct-${Date.now().toString(36)}-${seq}`;
}

export function makeCase(n: number, over: Partial<ReplicaCase> = {}): ReplicaCase {
  return {
    name: `organizations/1/cases/${1000 + n}`,
    caseNumber: String(1000 + n),
    customerId: 'C1',
    displayName: `Case ${n}`,
    description: `Description of case ${n}`,
    priority: 'P3',
    state: 'NEW',
    subscriberEmails: [],
    escalated: false,
    createTime: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    updateTime: new Date(Date.UTC(2026, 0, 2) + n * 60_000).toISOString(),
    ...over,
  };
}

export function makeComment(caseName: string, n: number, over: Partial<ReplicaComment> = {}): ReplicaComment {
  return {
    name: `${caseName}/comments/${n}`,
    caseName,
    body: `Comment ${n}`,
    createTime: new Date(Date.UTC(2026, 0, 3) + n * 1000).toISOString(),
    googleSupport: n % 2 === 0,
    ...over,
  };
}

export function makeAttachment(caseName: string, n: number, over: Partial<ReplicaAttachment> = {}): ReplicaAttachment {
  return {
    name: `${caseName}/attachments/${n}`,
    caseName,
    filename: `file-${n}.log`,
    mimeType: 'text/plain',
    sizeBytes: 100 + n,
    createTime: new Date(Date.UTC(2026, 0, 3) + n * 1000).toISOString(),
    ...over,
  };
}

export function makeCustomer(customerId: string, over: Partial<ReplicaCustomer> = {}): ReplicaCustomer {
  return {
    customerId,
    domain: `${customerId.toLowerCase()}.example`,
    displayName: `Customer ${customerId}`,
    access: 'authorized',
    skuNames: [],
    ...over,
  };
}

export function makeBatch(accountId: string, cursor: string, over: Partial<ReplicaBatch> = {}): ReplicaBatch {
  return { accountId, batchId: `b-${cursor}`, cursor, upserts: {}, deletes: {}, ...over };
}

/** A factory of empty account databases, each closed after its test. */
export function freshDbs(): () => ReplicaDb {
  const opened: ReplicaDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  return () => {
    const db = new ReplicaDb(freshAccountId());
    opened.push(db);
    return db;
  };
}
