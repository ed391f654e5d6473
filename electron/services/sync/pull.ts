import { z } from 'zod';
import type { Case, Subscription } from '../../../shared/api';
import { isOpenState } from '../../../shared/domain';
import type { ReplicaAttachment, ReplicaBatch, ReplicaComment, ReplicaCustomer } from '../../../shared/ipc';
import type { SupportClient } from '../api/support-client';
import { caseParent, toReplicaAttachment, toReplicaCase, toReplicaComment, toReplicaCustomer } from './mapping';

// Pulling one account: customers (when due), then cases changed since the
// watermark, with the threads of open and recently closed cases. Each page goes
// to the replica as one batch with its cursor; the next page is fetched only
// after the replica acknowledged the previous one.

const cursorSchema = z.object({
  v: z.literal(1),
  /** RFC 3339: every case updated at or before this (minus the overlap) is in the replica. */
  watermark: z.string().optional(),
  resellerOrg: z.string().optional(),
  /** Customers the replica holds, to purge those that vanish (transferred, access revoked). */
  customerIds: z.array(z.string()).default([]),
  categoriesAt: z.number().optional(),
  /** Cases inside the overlap window as last seen (name → updateTime): re-listed but unchanged, they are skipped. */
  seen: z.record(z.string(), z.string()).default({}),
  /** When every case was last listed without a watermark (the periodic full reconciliation). */
  fullAt: z.number().optional(),
});
export type PullCursor = z.infer<typeof cursorSchema>;

export function parseCursor(raw: string | null | undefined): PullCursor {
  const empty: PullCursor = { v: 1, customerIds: [], seen: {} };
  if (!raw) return empty;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

export interface PullOptions {
  /** Cases updated this long before the watermark are fetched again: clocks and commits are not perfectly ordered. */
  readonly overlapMs: number;
  readonly pageSize: number;
  /** Threads are fetched eagerly for open cases and cases closed within this window. */
  readonly eagerThreadDays: number;
  readonly threadConcurrency: number;
  /** The backend returns search results by ascending updateTime (sandbox capability): the watermark may move page by page. */
  readonly orderedByUpdateTime: boolean;
  /** Every so often list every case again, without a watermark, to catch anything an incremental pull missed. */
  readonly fullReconcileEveryMs: number;
}

export interface PullContext {
  readonly client: SupportClient;
  readonly domain: string;
  readonly now: () => number;
  /** Sends a batch to the replica and resolves once it is committed (acked). */
  readonly deliver: (batch: Omit<ReplicaBatch, 'accountId' | 'batchId'>) => Promise<void>;
  readonly onProgress: (casesDone: number) => void;
  /** Load customers (and send them to the replica) before the cases. */
  readonly refreshCustomers: boolean;
}

/** Customers known to main in this run, for mapping case parents and filing new cases. */
export interface CustomerDirectory {
  customers: Map<string, ReplicaCustomer>;
  customerIdByOrg: Map<string, string>;
  loadedAt: number;
}

function fillDirectory(directory: CustomerDirectory, customers: readonly ReplicaCustomer[], now: number): void {
  directory.customers = new Map(customers.map((customer) => [customer.customerId, customer]));
  directory.customerIdByOrg = new Map(
    customers.flatMap((customer) => (customer.orgName ? [[customer.orgName, customer.customerId] as const] : [])),
  );
  directory.loadedAt = now;
}

/** Fills the directory without touching the replica (filing a case before any pull). */
export async function loadDirectory(
  client: SupportClient,
  domain: string,
  directory: CustomerDirectory,
  now: number,
  concurrency: number,
): Promise<void> {
  fillDirectory(directory, await loadCustomers(client, await resolveResellerOrg(client, domain), concurrency), now);
}

export function emptyDirectory(): CustomerDirectory {
  return { customers: new Map(), customerIdByOrg: new Map(), loadedAt: 0 };
}

async function collect<T>(fetchPage: (token?: string) => Promise<{ items?: T[] | undefined; next?: string | undefined }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    all.push(...(page.items ?? []));
    token = page.next || undefined;
  } while (token);
  return all;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

export async function resolveResellerOrg(client: SupportClient, domain: string): Promise<string> {
  const found = await client.searchOrganizations(`domain:${domain}`);
  const org =
    found.organizations?.find((candidate) => candidate.displayName?.toLowerCase() === domain.toLowerCase()) ?? found.organizations?.[0];
  if (!org) throw new Error(`No organization is visible for ${domain}: check the account's reseller roles.`);
  return org.name;
}

/** Subscriptions → distinct customers → customer details and their organizations (case parents). */
export async function loadCustomers(client: SupportClient, resellerOrg: string, threadConcurrency: number): Promise<ReplicaCustomer[]> {
  const subscriptions = await collect<Subscription>(async (token) => {
    const page = await client.listSubscriptions({ maxResults: 100, ...(token ? { pageToken: token } : {}) });
    return { items: page.subscriptions, next: page.nextPageToken };
  });
  const byCustomer = new Map<string, Subscription[]>();
  for (const subscription of subscriptions)
    byCustomer.set(subscription.customerId, [...(byCustomer.get(subscription.customerId) ?? []), subscription]);
  const organizations = await collect(async (token) => {
    const page = await client.searchOrganizations('', token);
    return { items: page.organizations, next: page.nextPageToken };
  });
  const orgByCustomer = new Map(
    organizations
      .filter((org) => org.name !== resellerOrg && org.directoryCustomerId)
      .map((org) => [org.directoryCustomerId as string, org.name]),
  );
  return mapLimit([...byCustomer.keys()], threadConcurrency, async (customerId) =>
    toReplicaCustomer(await client.getCustomer(customerId), byCustomer.get(customerId) ?? [], orgByCustomer.get(customerId)),
  );
}

async function loadThread(
  client: SupportClient,
  caseName: string,
): Promise<{ comments: ReplicaComment[]; attachments: ReplicaAttachment[] }> {
  const [comments, attachments] = await Promise.all([
    collect(async (token) => {
      const page = await client.listComments(caseName, { pageSize: 100, ...(token ? { pageToken: token } : {}) });
      return { items: page.comments, next: page.nextPageToken };
    }),
    collect(async (token) => {
      const page = await client.listAttachments(caseName, { pageSize: 100, ...(token ? { pageToken: token } : {}) });
      return { items: page.attachments, next: page.nextPageToken };
    }),
  ]);
  return {
    comments: comments.map((comment) => toReplicaComment(comment, caseName)),
    attachments: attachments.map((attachment) => toReplicaAttachment(attachment, caseName)),
  };
}

/** Comments and attachment metadata of one case, as a batch that keeps the cursor. */
export async function threadBatch(
  client: SupportClient,
  caseName: string,
  cursor: string,
): Promise<Omit<ReplicaBatch, 'accountId' | 'batchId'>> {
  const thread = await loadThread(client, caseName);
  return { cursor, upserts: { comments: thread.comments, attachments: thread.attachments }, deletes: {}, completeThreads: [caseName] };
}

function wantsThread(wire: Case, now: number, eagerThreadDays: number): boolean {
  if (!wire.state || isOpenState(wire.state)) return true;
  const closedAt = Date.parse(wire.updateTime ?? '');
  return Number.isFinite(closedAt) && now - closedAt <= eagerThreadDays * 86_400_000;
}

export interface PullResult {
  readonly cursor: PullCursor;
  readonly casesChanged: number;
  readonly requests: number;
}

/** One pull of an account. Returns the cursor the replica now holds. */
export async function pullAccount(
  start: PullCursor,
  directory: CustomerDirectory,
  context: PullContext,
  options: PullOptions,
): Promise<PullResult> {
  const { client } = context;
  let cursor: PullCursor = { ...start };
  let requests = 0;
  const counted = <T>(promise: Promise<T>): Promise<T> => {
    requests += 1;
    return promise;
  };

  if (!cursor.resellerOrg) cursor = { ...cursor, resellerOrg: await counted(resolveResellerOrg(client, context.domain)) };
  const resellerOrg = cursor.resellerOrg as string;

  const refreshCustomers = async (): Promise<void> => {
    const customers = await counted(loadCustomers(client, resellerOrg, options.threadConcurrency));
    fillDirectory(directory, customers, context.now());
    const vanished = cursor.customerIds.filter((id) => !directory.customers.has(id));
    const categories = cursor.categoriesAt === undefined ? await counted(loadCategories(client)) : undefined;
    cursor = { ...cursor, customerIds: [...directory.customers.keys()].sort(), ...(categories ? { categoriesAt: context.now() } : {}) };
    await context.deliver({
      cursor: JSON.stringify(cursor),
      upserts: { customers, ...(categories ? { categories } : {}) },
      deletes: vanished.length > 0 ? { customers: vanished } : {},
    });
  };
  if (context.refreshCustomers) await refreshCustomers();
  let refreshedForUnknown = false;

  const since = cursor.watermark ? new Date(Date.parse(cursor.watermark) - options.overlapMs).toISOString() : undefined;
  // A full listing re-sends every case (upserts are idempotent); threads are still fetched only for changed cases.
  const reconcile = since !== undefined && context.now() - (cursor.fullAt ?? 0) > options.fullReconcileEveryMs;
  const query = since && !reconcile ? `update_time>"${since}"` : undefined;
  const changedSince = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  let pageToken: string | undefined;
  let newest = cursor.watermark;
  let casesChanged = 0;
  do {
    const page = await counted(
      client.searchCases(resellerOrg, { pageSize: options.pageSize, ...(query ? { query } : {}), ...(pageToken ? { pageToken } : {}) }),
    );
    pageToken = page.nextPageToken || undefined;
    // A case of a customer we have not seen yet: the customer list is stale, refresh it once.
    if (!refreshedForUnknown && (page.cases ?? []).some((wire) => !directory.customerIdByOrg.has(caseParent(wire.name)))) {
      refreshedForUnknown = true;
      await refreshCustomers();
    }
    const wireCases = (page.cases ?? []).filter(
      (wire) =>
        directory.customerIdByOrg.has(caseParent(wire.name)) &&
        (wire.updateTime === undefined || cursor.seen[wire.name] !== wire.updateTime),
    );
    if (wireCases.length === 0 && pageToken) continue;
    for (const wire of wireCases)
      if (wire.updateTime && (!newest || Date.parse(wire.updateTime) > Date.parse(newest))) newest = wire.updateTime;

    const threaded = wireCases.filter(
      (wire) =>
        wantsThread(wire, context.now(), options.eagerThreadDays) && (!reconcile || Date.parse(wire.updateTime ?? '') > changedSince),
    );
    const threads = await mapLimit(threaded, options.threadConcurrency, (wire) => counted(loadThread(client, wire.name)));
    // Google documents no sort order: without it the watermark only moves after the last page.
    const pageCursor: PullCursor =
      !pageToken || options.orderedByUpdateTime
        ? { ...cursor, ...(newest ? { watermark: newest } : {}), seen: overlapSeen(cursor.seen, wireCases, newest, options.overlapMs) }
        : cursor;
    if (wireCases.length > 0) {
      await context.deliver({
        cursor: JSON.stringify(pageCursor),
        upserts: {
          cases: wireCases.map((wire) => toReplicaCase(wire, directory.customerIdByOrg)),
          comments: threads.flatMap((thread) => thread.comments),
          attachments: threads.flatMap((thread) => thread.attachments),
        },
        deletes: {},
        completeThreads: threaded.map((wire) => wire.name),
      });
    }
    cursor = pageCursor;
    casesChanged += wireCases.length;
    context.onProgress(casesChanged);
  } while (pageToken);

  // The first complete listing counts as a full one; a reconciliation restarts the period.
  if (reconcile || cursor.fullAt === undefined) {
    cursor = { ...cursor, fullAt: context.now() };
    await context.deliver({ cursor: JSON.stringify(cursor), upserts: {}, deletes: {} });
  }
  return { cursor, casesChanged, requests };
}

async function loadCategories(client: SupportClient): Promise<{ id: string; displayName: string }[]> {
  const all = await collect(async (token) => {
    const page = await client.searchClassifications('', 100, token);
    return { items: page.caseClassifications, next: page.nextPageToken };
  });
  return all.flatMap((category) => (category.id ? [{ id: category.id, displayName: category.displayName ?? category.id }] : []));
}

/** Most cases the cursor remembers from the overlap window; beyond it a few are fetched twice, which is harmless. */
const maxSeen = 500;

function overlapSeen(
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
