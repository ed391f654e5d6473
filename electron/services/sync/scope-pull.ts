import type { Case, SearchCasesResponse } from '../../../shared/api';
import type { ReplicaCase } from '../../../shared/ipc';
import type { SupportClient } from '../api/support-client';
import { withScope, type CursorKeeper, type PullCursor, type ScopeCursor } from './cursor';
import type { Directory } from './directory';
import { fitsReplica, toReplicaCase } from './mapping';
import type { Semaphore } from './paging';
import { loadThread, threadsBody, wantsThreadNow, type Thread } from './threads';

// Pulling one case scope (a customer's organization): cases changed since the scope's own
// watermark, with the threads of open and recently closed cases fetched in bounded parallel.
// While a batch waits for the replica's acknowledgement the next page is already on its way.

export interface ScopePullOptions {
  /** Cases updated this long before the watermark are fetched again: clocks and commits are not perfectly ordered. */
  readonly overlapMs: number;
  readonly pageSize: number;
  /** Threads are fetched eagerly for open cases and cases closed within this window. */
  readonly eagerThreadDays: number;
  /** The backend returns search results by ascending updateTime (sandbox capability): the watermark may move page by page. */
  readonly orderedByUpdateTime: boolean;
  /** Every so often list every case of a scope again, without a watermark, to catch anything an incremental pull missed. */
  readonly fullReconcileEveryMs: number;
  /** A batch holds up to this many cases (several pages): fewer, larger IndexedDB transactions. */
  readonly batchMaxCases: number;
}

export interface ScopePullContext {
  readonly client: SupportClient;
  readonly now: () => number;
  readonly keeper: CursorKeeper;
  readonly directory: Directory;
  /** Shared by every scope of the account: bounds the thread requests in flight. */
  readonly threadSlots: Semaphore;
  readonly count: (requests: number) => void;
  readonly onCases: (cases: number) => void;
  readonly options: ScopePullOptions;
}

export interface ScopeResult {
  readonly changed: number;
  /** Newest updateTime seen in the scope (epoch ms), for the scheduler's idea of "recently active". */
  readonly newestMs: number | undefined;
}

/** Most cases a scope remembers from the overlap window; beyond it a few are fetched twice, which is harmless. */
const maxSeen = 200;

export function overlapSeen(
  previous: Readonly<Record<string, string>>,
  page: readonly Case[],
  watermark: string | undefined,
  overlapMs: number,
): Record<string, string> {
  if (!watermark) return {};
  const floor = Date.parse(watermark) - overlapMs;
  const merged: Record<string, string> = { ...previous };
  for (const wire of page) if (wire.updateTime) merged[wire.name] = wire.updateTime;
  const kept = Object.entries(merged)
    .filter(([, time]) => Date.parse(time) > floor)
    .sort((a, b) => Date.parse(b[1]) - Date.parse(a[1]))
    .slice(0, maxSeen);
  return Object.fromEntries(kept);
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

interface Pending {
  cases: ReplicaCase[];
  threads: Promise<Thread[]>;
}

/** One pull of one scope. Throws the ApiError of a refused search (the caller decides what 403 means). */
export async function pullScope(scope: { name: string; customerId: string }, ctx: ScopePullContext): Promise<ScopeResult> {
  const { client, options } = ctx;
  const start: ScopeCursor = ctx.keeper.cursor.scopes[scope.name] ?? { c: scope.customerId, s: {} };
  const since = start.w ? new Date(Date.parse(start.w) - options.overlapMs).toISOString() : undefined;
  // A full listing re-sends every case (upserts are idempotent); threads are still fetched only for changed cases.
  const reconcile = since !== undefined && ctx.now() - (start.f ?? 0) > options.fullReconcileEveryMs;
  const query = since && !reconcile ? `update_time>"${since}"` : undefined;
  const changedSince = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  const search = (pageToken: string | undefined): Promise<SearchCasesResponse> => {
    ctx.count(1);
    return client.searchCases(scope.name, { pageSize: options.pageSize, ...(query ? { query } : {}), ...(pageToken ? { pageToken } : {}) });
  };

  let state: ScopeCursor = { ...start, c: scope.customerId };
  let newest = start.w;
  let changed = 0;
  /** Cases of this pull inside the overlap window of the newest update so far. */
  let seen: Record<string, string> = start.s;
  let pending: Pending = { cases: [], threads: Promise.resolve([]) };
  const flush = async (last: boolean): Promise<void> => {
    const threads = await pending.threads;
    const movable = last || options.orderedByUpdateTime;
    // Google documents no sort order: without it the watermark only moves after the last page.
    const next: ScopeCursor = movable ? { ...state, ...(newest ? { w: newest } : {}), s: seen } : state;
    const full = last && (reconcile || start.f === undefined) ? { ...next, f: ctx.now() } : next;
    const change = (cursor: PullCursor): PullCursor => withScope(cursor, scope.name, full);
    if (pending.cases.length > 0) {
      const body = threadsBody(threads);
      await ctx.keeper.deliver({ ...body, upserts: { cases: pending.cases, ...body.upserts } }, change);
    } else {
      await ctx.keeper.update(change);
    }
    state = full;
    pending = { cases: [], threads: Promise.resolve([]) };
  };

  let page = await search(undefined);
  for (;;) {
    const token = page.nextPageToken || undefined;
    const upcoming = token ? search(token) : undefined;
    upcoming?.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    const fresh = (page.cases ?? []).filter(
      (wire) => fitsReplica(wire.name) && (wire.updateTime === undefined || state.s[wire.name] !== wire.updateTime),
    );
    for (const wire of fresh) {
      newest = later(newest, wire.updateTime);
      ctx.directory.learnCase(wire.name, scope.name);
    }
    seen = overlapSeen(seen, fresh, newest, options.overlapMs);
    const threaded = fresh.filter(
      (wire) =>
        wantsThreadNow(wire, ctx.now(), options.eagerThreadDays) && (!reconcile || Date.parse(wire.updateTime ?? '') > changedSince),
    );
    const loads = threaded.map((wire) =>
      ctx.threadSlots.run(() => {
        ctx.count(2);
        return loadThread(client, wire.name);
      }),
    );
    const previous = pending.threads;
    pending = {
      cases: [...pending.cases, ...fresh.map((wire) => toReplicaCase(wire, scope.customerId))],
      threads: Promise.all([previous, Promise.all(loads)]).then(([a, b]) => [...a, ...b]),
    };
    pending.threads.catch(() => undefined);
    changed += fresh.length;
    ctx.onCases(fresh.length);
    if (!upcoming) break;
    if (pending.cases.length >= options.batchMaxCases) await flush(false);
    page = await upcoming;
  }
  await flush(true);
  const newestMs = newest ? Date.parse(newest) : undefined;
  return { changed, newestMs: Number.isFinite(newestMs) ? newestMs : undefined };
}
