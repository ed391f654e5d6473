import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { BackendInfo, OutboxEntry } from '../../../shared/ipc';
import { isLocalCaseRef } from '../../../shared/ipc/outbox';
import {
  getCustomer,
  listCustomerCases,
  overlayCase,
  pendingCasesFromCreates,
  type CaseRecord,
  type CustomerRecord,
  type ReplicaDb,
  type ViewCase,
} from '../../data';
import { getBridgeClient } from '../../platform';

export interface LocalCreate {
  readonly customerId: string;
  readonly displayName: string;
  readonly createdAtMs: number;
}

// Main publishes only unconfirmed entries: once a create is done its entry (and the server
// name it produced) is gone from the renderer's outbox. Remember what each local id was, so
// the detail can find the server case it became in the replica.
const localCreates = new Map<string, LocalCreate>();
const resolved = new Map<string, string>();

export function rememberLocalCreate(localId: string, create: LocalCreate): void {
  localCreates.set(localId, create);
}

function noteCreates(entries: readonly OutboxEntry[]): void {
  for (const e of entries) {
    const m = e.mutation;
    if (m.kind !== 'create_case') continue;
    if (!localCreates.has(m.localId))
      localCreates.set(m.localId, { customerId: m.customerId, displayName: m.displayName, createdAtMs: Date.parse(e.createdAt) });
    if (e.resultName) resolved.set(m.localId, e.resultName);
  }
}

/** The replica case a finished create produced: same customer and title, created closest to when it was queued. */
export function matchCreatedCase(create: LocalCreate, cases: readonly CaseRecord[]): CaseRecord | undefined {
  const candidates = cases.filter((c) => c.displayName === create.displayName.trim());
  return candidates.sort((a, b) => Math.abs(a.createTimeMs - create.createdAtMs) - Math.abs(b.createTimeMs - create.createdAtMs))[0];
}

/**
 * The ref to show: a server name as is; a `local:` id while its create is queued; the server
 * name once the create went through. undefined while that server case is not in the replica yet.
 */
export function useResolvedRef(db: ReplicaDb, ref: string, entries: readonly OutboxEntry[]): string | undefined {
  noteCreates(entries);
  const local = isLocalCaseRef(ref);
  const stillQueued =
    local && entries.some((e) => e.mutation.kind === 'create_case' && e.mutation.localId === ref && e.resultName === undefined);
  const create = local && !stillQueued && !resolved.has(ref) ? localCreates.get(ref) : undefined;
  const found = useLiveQuery(async () => {
    if (!create) return null;
    return matchCreatedCase(create, await listCustomerCases(db, create.customerId, 200))?.name ?? null;
  }, [db, create?.customerId, create?.displayName, create?.createdAtMs]);
  if (!local || stillQueued) return ref;
  const known = resolved.get(ref);
  if (known) return known;
  if (!create) return ref;
  if (found) {
    resolved.set(ref, found);
    return found;
  }
  return undefined;
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

export type HistoryState = 'not_needed' | 'loading' | 'loaded' | 'failed';

const fetchedThreads = new Set<string>();

/**
 * Long-closed cases are synced without their thread (the background trickle brings it later):
 * opening one asks main for it once; when that fails (offline) the agent can ask again.
 */
export function useCaseHistory(accountId: string, caseName: string, needed: boolean): { state: HistoryState; load: () => void } {
  const key = `${accountId}\n${caseName}`;
  const [state, setState] = useState<HistoryState>(() => (fetchedThreads.has(key) ? 'loaded' : 'not_needed'));
  const load = useCallback(() => {
    if (isLocalCaseRef(caseName)) return;
    fetchedThreads.add(key);
    setState('loading');
    getBridgeClient()
      .invoke('cases.fetchThread', { accountId, caseName })
      .then(() => setState('loaded'))
      .catch(() => {
        fetchedThreads.delete(key);
        setState('failed');
      });
  }, [accountId, caseName, key]);
  useEffect(() => {
    if (needed && !fetchedThreads.has(key)) load();
  }, [needed, key, load]);
  return { state: needed || state === 'loading' ? state : 'not_needed', load };
}
