import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { BackendInfo, OutboxEntry } from '../../../shared/ipc';
import { isLocalCaseRef } from '../../../shared/ipc/outbox';
import { getCustomer, overlayCase, pendingCasesFromCreates, type CaseRecord, type CustomerRecord, type ReplicaDb, type ViewCase } from '../../data';
import { getBridgeClient } from '../../platform';

/** A `local:` id whose create went through resolves to the server name; anything else stays. */
export function resolveCaseRef(ref: string, entries: readonly OutboxEntry[]): string {
  if (!isLocalCaseRef(ref)) return ref;
  const created = entries.find((e) => e.mutation.kind === 'create_case' && e.mutation.localId === ref);
  return created?.resultName ?? ref;
}

/**
 * What the detail shows: the server record with queued changes over it, or — for a case
 * created offline — the queued create itself ("not filed yet"). undefined while loading,
 * null when neither exists.
 */
export function viewOf(ref: string, record: CaseRecord | null | undefined, entries: readonly OutboxEntry[]): ViewCase | null | undefined {
  if (record) return overlayCase(record, entries);
  const local = pendingCasesFromCreates(entries).find((c) => c.name === ref);
  if (local) return local;
  return record === undefined ? undefined : null;
}

export function useCustomer(db: ReplicaDb, customerId: string | undefined): CustomerRecord | null | undefined {
  return useLiveQuery(async () => (customerId ? ((await getCustomer(db, customerId)) ?? null) : null), [db, customerId]);
}

const backendInfo = new Map<string, Promise<BackendInfo>>();

/** What this account's backend supports (reopen window, escalation rule); asked once per account. */
export function useBackendInfo(accountId: string): BackendInfo | undefined {
  const [info, setInfo] = useState<BackendInfo>();
  useEffect(() => {
    let live = true;
    let request = backendInfo.get(accountId);
    if (!request) {
      request = getBridgeClient().invoke('backend.info', { accountId });
      backendInfo.set(accountId, request);
      // A failure (offline at start) is retried the next time a case is opened.
      request.catch(() => backendInfo.delete(accountId));
    }
    request.then((value) => live && setInfo(value)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [accountId]);
  return info;
}

const fetchedThreads = new Set<string>();

/** Older cases are not synced with their thread: ask main for it once when such a case is opened. */
export function useFetchThreadOnce(accountId: string, caseName: string, needed: boolean): void {
  useEffect(() => {
    if (!needed || isLocalCaseRef(caseName)) return;
    const key = `${accountId}\n${caseName}`;
    if (fetchedThreads.has(key)) return;
    fetchedThreads.add(key);
    getBridgeClient()
      .invoke('cases.fetchThread', { accountId, caseName })
      .catch(() => fetchedThreads.delete(key));
  }, [accountId, caseName, needed]);
}
