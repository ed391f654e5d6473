import type { ReplicaCategory } from '../../../shared/ipc';
import { ApiError } from '../api/api-error';
import type { SupportClient } from '../api/support-client';
import { dueScopes, type ScopeActivity } from './cadence';
import { withScope, type CursorKeeper, type PullCursor } from './cursor';
import type { Directory } from './directory';
import { discover } from './discovery';
import { toReplicaCustomer } from './mapping';
import { collect, mapLimit, Semaphore } from './paging';
import { pullScope, type ScopePullOptions } from './scope-pull';
import { trickleHistory } from './trickle';

// Pulling one account: discover its customers and case scopes when due, then pull the
// scopes the cadence says are due, a few at a time, each with its own watermark. A scope
// that answers 403 sends its customer back to discovery in the same cycle, so access that
// was withdrawn shows at once and access granted later appears without a restart.

export interface PullOptions extends ScopePullOptions {
  /** Thread requests in flight per account, across all scopes. */
  readonly threadConcurrency: number;
  /** Scopes pulled at the same time. */
  readonly scopeConcurrency: number;
  /** Discovery of customers and scopes at least this often (also at start, on "Sync now" and after a 403). */
  readonly discoveryEveryMs: number;
  /** A customer's access is asked again (customers.get, testIamPermissions) at least this often. */
  readonly customerCheckEveryMs: number;
  /** The longest any scope waits between two pulls. */
  readonly scopeMaxIntervalMs: number;
  /** Threads of long-closed cases fetched in the background per cycle (0: only when opened). */
  readonly trickleCasesPerCycle: number;
}

export interface PullContext {
  readonly client: SupportClient;
  readonly now: () => number;
  readonly keeper: CursorKeeper;
  readonly directory: Directory;
  /** Per-scope pull times and last signs of life, kept by the sync loop for the cadence. */
  readonly activity: Map<string, ScopeActivity>;
  readonly cycleMs: number;
  /** Every scope now, and discovery first with every customer's access asked again (start, "Sync now"). */
  readonly sweep: boolean;
  /** The replica is new or reloaded: send it every customer, not only those that changed. */
  readonly resendCustomers: boolean;
  readonly onProgress: (progress: { done: number; total: number; cases: number }) => void;
}

export interface PullResult {
  readonly cursor: PullCursor;
  readonly casesChanged: number;
  readonly requests: number;
  readonly scopesPulled: number;
}

/** Customers asked again per scheduled discovery only because their answer aged (2 requests each). */
const AGED_CHECKS_PER_DISCOVERY = 40;

function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'http' && (error.httpStatus === 403 || error.httpStatus === 404);
}

async function loadCategories(client: SupportClient): Promise<ReplicaCategory[]> {
  const all = await collect(async (token) => {
    const page = await client.searchClassifications('', 100, token);
    return { items: page.caseClassifications, next: page.nextPageToken };
  });
  return all.flatMap((category) => (category.id ? [{ id: category.id, displayName: category.displayName ?? category.id }] : []));
}

/** Runs discovery and sends the replica what changed; returns the requests it made. */
export async function refreshDirectory(ctx: PullContext, options: PullOptions, resendAll: boolean): Promise<number> {
  const { client, directory, keeper } = ctx;
  const now = ctx.now();
  const found = await discover(client, directory, keeper.cursor.customers, {
    now,
    concurrency: options.threadConcurrency,
    // "Sync now" asks about every customer again (reseller access turned off shows nowhere else).
    detailMaxAgeMs: ctx.sweep ? 0 : options.customerCheckEveryMs,
    ...(ctx.sweep ? {} : { agedChecksPerRun: AGED_CHECKS_PER_DISCOVERY }),
  });
  directory.replace(found.customers, now);
  directory.recheck.clear();
  const categories = keeper.cursor.categoriesAt === undefined ? await loadCategories(client) : undefined;
  const live = found.customers.filter((facts) => facts.access !== 'transferred');
  const send = resendAll ? live : found.changed;
  const transferred = new Set(found.transferred);
  const change = (cursor: PullCursor): PullCursor => {
    let next: PullCursor = {
      ...cursor,
      customers: Object.fromEntries(found.customers.map((facts) => [facts.customerId, facts.access])),
      ...(categories ? { categoriesAt: now } : {}),
    };
    // A transferred customer's scopes are forgotten; another one's are kept (access may come back).
    for (const [name, scope] of Object.entries(next.scopes)) if (transferred.has(scope.c)) next = withScope(next, name, undefined);
    return next;
  };
  const checkedAt = new Date(now).toISOString();
  if (send.length === 0 && !categories && transferred.size === 0) await keeper.update(change);
  else
    await keeper.deliver(
      {
        upserts: { ...(send.length > 0 ? { customers: send.map(toReplicaCustomer) } : {}), ...(categories ? { categories } : {}) },
        deletes: transferred.size > 0 ? { casesOfCustomers: [...transferred] } : {},
        ...(transferred.size > 0
          ? { customerAccess: [...transferred].map((customerId) => ({ customerId, access: 'transferred' as const, checkedAt })) }
          : {}),
      },
      change,
    );
  return found.requests + (categories ? 1 : 0);
}

/** One pull of an account. */
export async function pullAccount(ctx: PullContext, options: PullOptions): Promise<PullResult> {
  const { directory } = ctx;
  let requests = 0;
  const discoveryDue =
    ctx.sweep ||
    ctx.resendCustomers ||
    directory.loadedAt === 0 ||
    directory.recheck.size > 0 ||
    ctx.now() - directory.loadedAt > options.discoveryEveryMs;
  if (discoveryDue) requests += await refreshDirectory(ctx, options, ctx.resendCustomers || directory.loadedAt === 0);

  const threadSlots = new Semaphore(options.threadConcurrency);
  let casesChanged = 0;
  let scopesPulled = 0;
  const pulled = new Set<string>();
  const pullDue = async (all: boolean): Promise<boolean> => {
    const now = ctx.now();
    const due = dueScopes(
      directory.readableScopes().filter((scope) => !pulled.has(scope.name)),
      (name) => ctx.activity.get(name) ?? { pulledAt: undefined, activeAt: undefined },
      now,
      { cycleMs: ctx.cycleMs, maxIntervalMs: options.scopeMaxIntervalMs, all },
    );
    let done = 0;
    let refused = false;
    ctx.onProgress({ done, total: due.length, cases: casesChanged });
    await mapLimit(due, options.scopeConcurrency, async (scope) => {
      pulled.add(scope.name);
      const previous = ctx.activity.get(scope.name);
      try {
        const result = await pullScope(scope, {
          client: ctx.client,
          now: ctx.now,
          keeper: ctx.keeper,
          directory,
          threadSlots,
          count: (n) => void (requests += n),
          onCases: (n) => {
            casesChanged += n;
            ctx.onProgress({ done, total: due.length, cases: casesChanged });
          },
          options,
        });
        const activeAt = Math.max(previous?.activeAt ?? Number.NEGATIVE_INFINITY, result.newestMs ?? Number.NEGATIVE_INFINITY);
        ctx.activity.set(scope.name, { pulledAt: now, activeAt: Number.isFinite(activeAt) ? activeAt : undefined });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        // Access withdrawn (or never there): discovery looks at this customer again in this cycle.
        directory.recheck.add(scope.customerId);
        ctx.activity.set(scope.name, { pulledAt: now, activeAt: previous?.activeAt });
        refused = true;
      }
      scopesPulled += 1;
      done += 1;
      ctx.onProgress({ done, total: due.length, cases: casesChanged });
    });
    return refused;
  };

  const refused = await pullDue(ctx.sweep);
  if (refused) {
    requests += await refreshDirectory(ctx, options, false);
    await pullDue(true); // scopes that are new after the re-discovery
  }
  if (options.trickleCasesPerCycle > 0) requests += await trickleHistory(ctx, options);
  return { cursor: ctx.keeper.cursor, casesChanged, requests, scopesPulled };
}
