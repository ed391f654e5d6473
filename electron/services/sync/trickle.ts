import { ApiError } from '../api/api-error';
import { withScope, type PullCursor } from './cursor';
import { fitsReplica, toReplicaCase } from './mapping';
import { mapLimit } from './paging';
import type { PullContext, PullOptions } from './pull';
import { loadThread, threadsBody, wantsThreadNow } from './threads';

// The background trickle: threads of long-closed cases (skipped by the regular pull) are
// fetched a few per cycle, scope by scope, at the budget's lowest priority, so the whole
// history arrives over time without ever slowing the agent's own work.

/** Threads fetched at the same time by the trickle: it is background work. */
const TRICKLE_CONCURRENCY = 2;

/** Fetches up to `trickleCasesPerCycle` closed cases with their threads; returns the requests made. */
export async function trickleHistory(ctx: PullContext, options: PullOptions): Promise<number> {
  const client = ctx.client.at('background');
  let remaining = options.trickleCasesPerCycle;
  let requests = 0;
  for (const scope of ctx.directory.readableScopes()) {
    if (remaining <= 0) break;
    const state = ctx.keeper.cursor.scopes[scope.name];
    // Only once the scope's regular pull is complete, and until its history is.
    if (!state?.w || state.f === undefined || state.h === true) continue;
    // Only with what the budget has spare right now: the trickle never makes a sync cycle wait.
    const pageSize = Math.min(remaining, 20);
    if (client.spare() < 1 + 2 * pageSize) break;
    const token = typeof state.h === 'string' ? state.h : undefined;
    let page;
    try {
      requests += 1;
      page = await client.searchCases(scope.name, {
        pageSize,
        query: 'state=CLOSED',
        ...(token ? { pageToken: token } : {}),
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'http') throw error;
      // An expired page token starts the walk over; a refused scope is discovery's business.
      if (error.httpStatus === 400 && token) await ctx.keeper.update((c) => withHistory(c, scope.name, undefined));
      continue;
    }
    const closed = (page.cases ?? []).filter((wire) => fitsReplica(wire.name) && !wantsThreadNow(wire, ctx.now(), options.eagerThreadDays));
    remaining -= Math.max(1, page.cases?.length ?? 0);
    const threads = await mapLimit(closed, TRICKLE_CONCURRENCY, (wire) => {
      requests += 2;
      return loadThread(client, wire.name);
    });
    const next = page.nextPageToken || true;
    const body = threadsBody(threads);
    await ctx.keeper.deliver(
      { ...body, upserts: { cases: closed.map((wire) => toReplicaCase(wire, scope.customerId)), ...body.upserts } },
      (cursor) => withHistory(cursor, scope.name, next),
    );
  }
  return requests;
}

function withHistory(cursor: PullCursor, scope: string, history: string | true | undefined): PullCursor {
  const current = cursor.scopes[scope];
  if (!current) return cursor;
  const { h: _previous, ...rest } = current;
  return withScope(cursor, scope, history === undefined ? rest : { ...rest, h: history });
}
