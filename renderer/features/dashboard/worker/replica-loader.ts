import { loadCasesInChunks, loadCommentsInChunks, ReplicaDb } from '../../../data';
import type { DashboardCase, DashboardCustomer } from '../model/types';

const CHUNK = 2000;

/**
 * Reads one account's replica straight from IndexedDB (in the worker: nothing of this
 * touches the page's main thread) and keeps only what the dashboard needs of each case.
 */
export async function loadAccount(accountId: string): Promise<{ cases: DashboardCase[]; customers: DashboardCustomer[] }> {
  const db = new ReplicaDb(accountId);
  try {
    const threads = new Map<string, { google: number[]; others: number[] }>();
    await loadCommentsInChunks(db, CHUNK, (comments) => {
      for (const c of comments) {
        let thread = threads.get(c.caseName);
        if (!thread) threads.set(c.caseName, (thread = { google: [], others: [] }));
        (c.googleSupport ? thread.google : thread.others).push(c.createTimeMs);
      }
    });
    for (const thread of threads.values()) {
      thread.google.sort((a, b) => a - b);
      thread.others.sort((a, b) => a - b);
    }
    const history = new Map((await db.caseHistory.toArray()).map((row) => [row.name, row]));
    const cases: DashboardCase[] = [];
    await loadCasesInChunks(db, CHUNK, (records) => {
      for (const r of records) {
        const h = history.get(r.name);
        const thread = threads.get(r.name) ?? (h?.threadCompleteAtMs !== undefined ? { google: [], others: [] } : undefined);
        cases.push({
          accountId,
          name: r.name,
          caseNumber: r.caseNumber,
          title: r.displayName,
          customerId: r.customerId,
          priority: r.priority,
          state: r.state,
          escalated: r.escalated,
          createTimeMs: r.createTimeMs,
          updateTimeMs: r.updateTimeMs,
          timeZone: r.timeZone,
          category: r.classificationName,
          languageCode: r.languageCode,
          thread,
          reopenedAtMs: h?.reopenedAtMs ?? [],
          escalatedAtMs: h?.escalatedAtMs,
        });
      }
    });
    const customers = (await db.customers.toArray()).map((c) => ({ accountId, customerId: c.customerId, name: c.displayName }));
    return { cases, customers };
  } finally {
    db.close();
  }
}
