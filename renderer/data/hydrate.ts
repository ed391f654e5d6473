// Keeping an account's projection in step with its replica: hydration after the first
// paint (in pages sized to a main-thread time budget) and applying each replica batch.

import type { ReplicaBatch } from '../../shared/ipc/replica';
import type { ApplyResult } from './apply-batch';
import type { ReplicaDb } from './db';
import type { Projection } from './projection';
import type { CaseFactsStore } from './case-facts';
import { loadCasesInChunks, loadCommentsInChunks, loadHistoryInChunks, type ChunkLoadOptions } from './queries';
import { toCaseRecord, toCommentRecord } from './records';

export interface HydrateOptions extends ChunkLoadOptions {
  /** Main-thread time one page may take (issue 5: no task over 50 ms). */
  budgetMs?: number;
  /** Skip comment text (e.g. a quick first pass; comments can be hydrated later). */
  withComments?: boolean;
  /** Also fills the account's case facts (time zones, thread times, history) from the same reads. */
  facts?: CaseFactsStore;
}

/** Page size that keeps the next page within the budget, learnt from the previous one. */
export function adaptivePageSize(budgetMs: number, initial: number): { size: () => number; record: (ms: number, n: number) => void } {
  let size = initial;
  return {
    size: () => size,
    record: (ms, n) => {
      if (n === 0) return;
      const perItem = Math.max(ms / n, 0.001);
      // Grow gently, shrink at once: a page that overran the budget must not repeat.
      size = Math.max(16, Math.min(size * 2, Math.floor(budgetMs / perItem)));
    },
  };
}

export async function hydrateProjection(
  db: ReplicaDb,
  projection: Projection,
  options: HydrateOptions = {},
): Promise<{ cases: number; comments: number }> {
  const budgetMs = options.budgetMs ?? 30;
  projection.setCustomers(await db.customers.toArray());
  const casePages = adaptivePageSize(budgetMs, 200);
  const cases = await loadCasesInChunks(
    db,
    casePages.size,
    (records) => {
      const t0 = performance.now();
      projection.upsertCases(records);
      options.facts?.upsertCases(records);
      casePages.record(performance.now() - t0, records.length);
    },
    options,
  );
  projection.warm();
  let comments = 0;
  if (options.withComments !== false) {
    const commentPages = adaptivePageSize(budgetMs, 200);
    comments = await loadCommentsInChunks(
      db,
      commentPages.size,
      (records) => {
        const t0 = performance.now();
        for (const c of records) projection.addCommentText(c.caseName, c.body, c);
        options.facts?.addComments(records);
        commentPages.record(performance.now() - t0, records.length);
      },
      options,
    );
  }
  if (options.facts) {
    const facts = options.facts;
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
