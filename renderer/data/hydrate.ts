// Keeping an account's projection in step with its replica: hydration after the first
// paint, in slices that yield to the main thread within a small time budget, and applying
// each replica batch.

import type { ReplicaBatch } from '../../shared/ipc/replica';
import type { ApplyResult } from './apply-batch';
import type { ReplicaDb } from './db';
import type { Projection } from './projection';
import type { CaseFactsStore } from './case-facts';
import { loadCasesInChunks, loadCommentsInChunks, loadHistoryInChunks, yieldToMain, type ChunkLoadOptions } from './queries';
import { toCaseRecord, toCommentRecord } from './records';

export interface HydrateOptions extends ChunkLoadOptions {
  /**
   * Main-thread time one slice of work may take before it yields (issue 21: no long task
   * while loading; a frame is 16 ms, so a slice leaves room for input and paint).
   */
  budgetMs?: number;
  /** Records read per IndexedDB page (its structured-clone decoding is one task, so it stays small). */
  pageSize?: number;
  /** Skip comment text (e.g. a quick first pass; comments can be hydrated later). */
  withComments?: boolean;
  /** Also fills the account's case facts (time zones, thread times, history) from the same reads. */
  facts?: CaseFactsStore;
}

const DEFAULT_BUDGET_MS = 8;
const DEFAULT_PAGE_SIZE = 400;
/** Records handed to the projection at once: small enough that one step never overruns a slice by much. */
const STEP = 16;

/**
 * Runs `work` over `items` a few at a time, yielding whenever a slice has used its budget,
 * so however slow the machine, no slice is much longer than `budgetMs` plus one step.
 */
export async function inSlices<T>(
  items: readonly T[],
  budgetMs: number,
  pause: () => Promise<void>,
  work: (step: readonly T[]) => void,
): Promise<void> {
  let at = 0;
  while (at < items.length) {
    const t0 = performance.now();
    do {
      work(items.slice(at, at + STEP));
      at += STEP;
    } while (at < items.length && performance.now() - t0 < budgetMs);
    if (at < items.length) await pause();
  }
}

export async function hydrateProjection(
  db: ReplicaDb,
  projection: Projection,
  options: HydrateOptions = {},
): Promise<{ cases: number; comments: number }> {
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const pause = options.yieldFn ?? yieldToMain;
  const facts = options.facts;
  projection.setCustomers(await db.customers.toArray());
  const cases = await loadCasesInChunks(
    db,
    pageSize,
    async (records) => {
      await inSlices(records, budgetMs, pause, (step) => {
        projection.upsertCases(step);
        facts?.upsertCases(step);
      });
      // Keep the default order current page by page (an incremental merge), so the end of
      // hydration does not sort every case in one task.
      await pause();
      projection.refreshOrder();
    },
    options,
  );
  await pause();
  projection.warm();
  let comments = 0;
  if (options.withComments !== false) {
    comments = await loadCommentsInChunks(
      db,
      pageSize,
      (records) =>
        inSlices(records, budgetMs, pause, (step) => {
          for (const c of step) projection.addCommentText(c.caseName, c.body, c);
          facts?.addComments(step);
        }),
      options,
    );
  }
  if (facts) {
    await loadHistoryInChunks(db, 2000, (rows) => facts.setHistory(rows), options);
  }
  return { cases, comments };
}

/**
 * Mirrors an applied batch into the projection from the batch itself (no re-read). Call it
 * after applyBatch resolved, so the projection never shows data that did not commit.
 * Comments dropped by a complete thread keep their words indexed until the next hydration:
 * server comments are immutable, so that only happens when a thread is re-listed.
 */
export function projectBatch(projection: Projection, batch: ReplicaBatch, result: ApplyResult, facts?: CaseFactsStore): void {
  if (!result.wrote) return;
  facts?.applyBatch(batch, result.removedCaseNames);
  if (batch.upserts.customers !== undefined) projection.setCustomers(batch.upserts.customers);
  if (batch.upserts.cases !== undefined) projection.upsertCases(batch.upserts.cases.map(toCaseRecord));
  for (const c of batch.upserts.comments ?? []) projection.addCommentText(c.caseName, c.body, toCommentRecord(c));
  projection.removeCases(result.removedCaseNames);
}
