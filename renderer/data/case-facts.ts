// What the SLA clocks and the dashboard read about each case beyond the projection's
// columns: the case's time zone and category, the thread's comment times by side, and the
// replica's own history of the case (reopens, escalations, whether its thread is complete).
// Kept in memory per account next to the projection, fed by the same hydration and batches.

import type { SlaThread } from '../../shared/domain/sla';
import type { ReplicaBatch } from '../../shared/ipc/replica';
import { textHash } from './projection-sorted';
import { nextCaseHistory, toCaseRecord, type CaseHistoryRecord, type CaseRecord, type CommentRecord } from './records';

export interface CaseFacts {
  readonly timeZone: string | undefined;
  readonly category: string | undefined;
  /** Comment times on the thread (each ascending), or undefined when the thread is not known. */
  readonly thread: SlaThread | undefined;
  readonly reopenedAtMs: readonly number[];
  readonly escalatedAtMs: number | undefined;
}

interface Entry {
  timeZone: string | undefined;
  category: string | undefined;
  /**
   * textHash of each known comment's name, to skip a comment seen twice (hydration and a batch
   * can both bring it). Numbers, not the names: 48,000 kept names at 20,000 cases were as many
   * strings in V8's string table, which every major GC's pause walks (issue 21). A repeat is one
   * with the same hash *and* the same time on the same side, so a hash collision alone never
   * drops a comment.
   */
  commentKeys: number[];
  google: number[];
  others: number[];
  history: CaseHistoryRecord | undefined;
}

export interface CaseFactsStore {
  /** Bumped on every change (memo key for derived SLA values). */
  readonly version: number;
  get(caseName: string): CaseFacts | undefined;
  upsertCases(records: ReadonlyArray<Pick<CaseRecord, 'name' | 'timeZone' | 'classificationName'>>): void;
  addComments(comments: ReadonlyArray<Pick<CommentRecord, 'name' | 'caseName' | 'createTimeMs' | 'googleSupport'>>): void;
  setHistory(rows: readonly CaseHistoryRecord[]): void;
  /** Mirrors an applied batch (the same history rules as applyBatch). */
  applyBatch(batch: ReplicaBatch, removedCaseNames: readonly string[]): void;
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > value) i--;
  list.splice(i, 0, value);
}

export function createCaseFacts(): CaseFactsStore {
  const entries = new Map<string, Entry>();
  let version = 0;

  const entry = (name: string): Entry => {
    let found = entries.get(name);
    if (!found) {
      found = { timeZone: undefined, category: undefined, commentKeys: [], google: [], others: [], history: undefined };
      entries.set(name, found);
    }
    return found;
  };

  const addComments: CaseFactsStore['addComments'] = (comments) => {
    for (const c of comments) {
      const e = entry(c.caseName);
      const key = textHash([c.name]);
      const side = c.googleSupport ? e.google : e.others;
      if (e.commentKeys.includes(key) && side.includes(c.createTimeMs)) continue;
      e.commentKeys.push(key);
      insertSorted(side, c.createTimeMs);
    }
    version += 1;
  };

  return {
    get version() {
      return version;
    },
    get(caseName) {
      const e = entries.get(caseName);
      if (!e) return undefined;
      const known = e.commentKeys.length > 0 || e.history?.threadCompleteAtMs !== undefined;
      return {
        timeZone: e.timeZone,
        category: e.category,
        thread: known ? { google: e.google, others: e.others } : undefined,
        reopenedAtMs: e.history?.reopenedAtMs ?? [],
        escalatedAtMs: e.history?.escalatedAtMs,
      };
    },
    upsertCases(records) {
      for (const r of records) {
        const e = entry(r.name);
        e.timeZone = r.timeZone;
        e.category = r.classificationName;
      }
      version += 1;
    },
    addComments,
    setHistory(rows) {
      for (const row of rows) entry(row.name).history = row;
      version += 1;
    },
    applyBatch(batch, removedCaseNames) {
      const records = (batch.upserts.cases ?? []).map(toCaseRecord);
      this.upsertCases(records);
      for (const record of records) {
        const e = entry(record.name);
        e.history = nextCaseHistory(e.history, record) ?? e.history;
      }
      const complete = new Set(batch.completeThreads ?? []);
      for (const name of complete) {
        const e = entry(name);
        e.commentKeys = [];
        e.google = [];
        e.others = [];
        if (e.history) e.history = { ...e.history, threadCompleteAtMs: Date.now() };
      }
      addComments(
        (batch.upserts.comments ?? []).map((c) => ({
          name: c.name,
          caseName: c.caseName,
          createTimeMs: Date.parse(c.createTime) || 0,
          googleSupport: c.googleSupport,
        })),
      );
      for (const name of removedCaseNames) entries.delete(name);
      version += 1;
    },
  };
}
